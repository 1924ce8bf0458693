// Plausible assistant prose, seeded per request: English from faker, Chinese from chinese-text.ts.
import { fakerEN } from './seeded-faker.js';
import type { Rng } from '../core/random.js';
import { generateChineseProse } from './chinese-text.js';
import type { Language } from './language.js';

const openers = ['Sure!', 'Certainly.', 'Good question.', 'Here is a short answer.', 'Happy to help.', 'Of course.'];

/** Sentences until about `targetWords` words. Deterministic for a given rng state. */
export function generateProse(rng: Rng, targetWords: number, language: Language = 'en'): string {
  // One Han character ≈ one English word in token terms; Chinese sentences run ~1.6 chars per word.
  if (language === 'zh') return generateChineseProse(rng, Math.round(targetWords * 1.6));
  fakerEN.seed(rng.seed());
  const sentences: string[] = [rng.pick(openers)];
  let words = sentences[0]!.split(' ').length;
  while (words < targetWords) {
    const kind = rng.int(0, 2);
    // faker's lorem is Latin; English answers get English words in a plain sentence instead.
    const sentence = kind === 0 ? fakerEN.hacker.phrase() : kind === 1 ? `${fakerEN.company.catchPhrase()}.` : plainSentence();
    sentences.push(sentence);
    words += sentence.split(' ').length;
  }
  return sentences.join(' ');
}

function plainSentence(): string {
  const w = fakerEN.word;
  const s = `the ${w.adjective()} ${w.noun()} ${thirdPerson(w.verb())} the ${w.noun()} ${w.adverb()}`;
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function thirdPerson(verb: string): string {
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}
