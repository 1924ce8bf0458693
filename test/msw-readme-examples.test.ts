// The README's msw examples are the ones the tests run: the SDK and vitest helper examples are
// test/msw-openai-readme.test.ts and test/msw-vitest-readme.test.ts verbatim, and `deepseek-fake/msw/vitest` resolves as a consumer sees it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { root } from './browser/bundle.js';
import { codeBlocks } from './helpers/readme-code-blocks.js';

describe('README "msw" examples', () => {
  it('the vitest helper example is test/msw-vitest-readme.test.ts, word for word', () => {
    const file = readFileSync(`${root}test/msw-vitest-readme.test.ts`, 'utf8');
    const body = file.replace(/^(\/\/.*\n)+/, '');
    expect(codeBlocks('### The vitest helper')[0]).toBe(body);
  });

  it('the openai SDK example is test/msw-openai-readme.test.ts, word for word', () => {
    const file = readFileSync(`${root}test/msw-openai-readme.test.ts`, 'utf8');
    expect(codeBlocks('### Node tests with the `openai` SDK')[0]).toBe(file.replace(/^(\/\/.*\n)+/, ''));
  });

  it("package.json's exports resolve deepseek-fake/msw/vitest (and ./msw) to the built files", () => {
    const require = createRequire(`${root}test/consumer.js`);
    expect(require.resolve('deepseek-fake/msw/vitest')).toBe(`${root}dist/msw/vitest.js`);
    expect(require.resolve('deepseek-fake/msw')).toBe(`${root}dist/msw/index.js`);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    expect(pkg.exports['./msw/vitest']).toEqual({ types: './dist/msw/vitest.d.ts', default: './dist/msw/vitest.js' });
  });
});
