// DeepSeek V3's real tokenizer: loaded lazily, pieces that join back to the text, bytes that show
// split characters, and the facts page's billed prompt_tokens reproduced under the template.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExactTokenizer, loadPackageEntry } from './exact-tokenizer.js';
import { estimateTokenizer } from './tokenizer.js';
import { renderChatTemplate } from './usage.js';

const exact = createExactTokenizer();

describe('exact tokenizer', () => {
  it('is not loaded until asked, and says so when used too early', () => {
    const fresh = createExactTokenizer();
    expect(fresh.loaded).toBe(false);
    expect(() => fresh.count('hi')).toThrow(/not loaded/);
  });

  beforeAll(async () => {
    await exact.load();
  }, 30_000);

  it('splits text into DeepSeek V3 tokens that join back to the text', () => {
    const text = '你好，世界！今天天气很好。Hello world 12345';
    const tokens = exact.tokenize(text);
    // The vocabulary's own split: digits in runs of at most 3, common Chinese words as one token.
    expect(tokens).toEqual(['你好', '，', '世界', '！', '今天', '天气', '很好', '。', 'Hello', ' world', ' ', '123', '45']);
    expect(tokens.join('')).toBe(text);
  });

  it('a rare Chinese character split over byte-level tokens shows in bytes; text goes to the completing token', () => {
    const pieces = exact.pieces('龘');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => p.text).join('')).toBe('龘');
    expect(pieces.slice(0, -1).every((p) => p.text === '')).toBe(true);
    expect(pieces.flatMap((p) => p.bytes)).toEqual([...new TextEncoder().encode('龘')]);
  });

  it('special tokens of the template count as one token each', () => {
    expect(exact.tokenize('<｜begin▁of▁sentence｜><｜User｜>hello<｜Assistant｜>')).toEqual(['<｜begin▁of▁sentence｜>', '<｜User｜>', 'hello', '<｜Assistant｜>']);
  });

  it('reproduces the facts page: a reasoner request with the single user message "hello" was billed 6 prompt tokens', () => {
    // Where 6 comes from: the V3/R1 template renders
    //   <｜begin▁of▁sentence｜><｜User｜>hello<｜Assistant｜><think>\n
    // BOS, <｜User｜>, "hello", <｜Assistant｜> (4 tokens in V3's vocabulary) + "<think>" (one token in
    // R1's vocabulary, which gave two V3 placeholders to <think>/</think>) + "\n" = 6.
    const body = { model: 'deepseek-reasoner', messages: [{ role: 'user' as const, content: 'hello' }] };
    const rendered = renderChatTemplate(body, { thinking: true });
    expect(rendered).toBe('<｜begin▁of▁sentence｜><｜User｜>hello<｜Assistant｜><think>\n');
    expect(exact.count(rendered)).toBe(6);
    // Without thinking (deepseek-chat) the same message is 4.
    expect(exact.count(renderChatTemplate(body))).toBe(4);
  });

  it('the estimator is close to the exact count on ordinary English and Chinese prose', () => {
    const en = 'The quick brown fox jumps over the lazy dog, and then it runs away into the forest to find some food.';
    const zh = '关于系统设计，我们需要考虑边界情况和错误处理。一般来说，服务端应该关注响应时间。';
    for (const text of [en, zh]) {
      const ratio = estimateTokenizer.count(text) / exact.count(text);
      expect(ratio).toBeGreaterThan(0.7);
      expect(ratio).toBeLessThan(1.8);
    }
  });

  it('count() agrees with pieces(); pieces join to the text and their bytes to its UTF-8, also when token bytes come from the per-id memo', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('<think>', '</think>', '龘', '你好', ' world', '\n\n')), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        for (let round = 0; round < 2; round++) {
          const pieces = exact.pieces(text);
          expect(exact.count(text)).toBe(pieces.length);
          expect(pieces.map((p) => p.text).join('')).toBe(text);
          expect(pieces.flatMap((p) => p.bytes)).toEqual([...encoder.encode(text)]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the lean load and the section memo give the same tokens as the package entry encoding whole texts', async () => {
    // The package entry, with the library's splitter hidden, so every part is encoded whole as before.
    const whole = createExactTokenizer({
      load: async () => {
        const m = await loadPackageEntry();
        return {
          fromPreTrained: () => {
            const t = m.fromPreTrained() as { encode: (...a: unknown[]) => number[]; model: unknown };
            return { encode: t.encode.bind(t), model: t.model };
          },
        };
      },
    });
    await whole.load();
    const text = '<｜begin▁of▁sentence｜>You are helpful.<｜User｜>你好，龘 world 12345 — naïve café 🙂\n\n```ts\nconst x = 1;\n```<｜Assistant｜><think>\nok</think>';
    expect(exact.pieces(text)).toEqual(whole.pieces(text));
    expect(exact.pieces(text).length).toBeGreaterThan(20);
    const special = fc.constantFrom('<｜begin▁of▁sentence｜>', '<｜User｜>', '<｜Assistant｜>', '<｜end▁of▁sentence｜>', '<｜tool▁calls▁begin｜>', '<think>', '</think>', '<｜', '｜>');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), special, fc.constantFrom('Hello world.', ' 你好', '\n')), { maxLength: 10 }), (parts) => {
        const t = parts.join('');
        expect(exact.pieces(t)).toEqual(whole.pieces(t));
        expect(exact.pieces(t)).toEqual(whole.pieces(t)); // again: now from the memo
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
