// Plausible assistant prose from faker, seeded per request.
import { fakerEN } from '@faker-js/faker';
import type { Rng } from '../core/random.js';

const openers = ['Sure!', 'Certainly.', 'Good question.', 'Here is a short answer.', 'Happy to help.', 'Of course.'];

/** Sentences until about `targetWords` words. Deterministic for a given rng state. */
export function generateProse(rng: Rng, targetWords: number): string {
  fakerEN.seed(rng.seed());
  const sentences: string[] = [rng.pick(openers)];
  let words = sentences[0]!.split(' ').length;
  while (words < targetWords) {
    const kind = rng.int(0, 2);
    const sentence =
      kind === 0 ? fakerEN.hacker.phrase() : kind === 1 ? `${fakerEN.company.catchPhrase()}.` : fakerEN.lorem.sentence({ min: 6, max: 14 });
    sentences.push(sentence);
    words += sentence.split(' ').length;
  }
  return sentences.join(' ');
}
