// The README's msw examples are the ones the tests run: the SDK and vitest helper examples are
// test/msw-openai-readme.test.ts and test/msw-vitest-readme.test.ts verbatim, and `deepseek-fake/msw/vitest` resolves as a consumer sees it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { root } from './browser/bundle.js';

const readme = readFileSync(`${root}README.md`, 'utf8');

/** The fenced code blocks of the README section under `heading`, up to the next heading of any level. */
export function codeBlocks(heading: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README has no "${heading}"`).toBeGreaterThan(-1);
  const rest = readme.slice(start + heading.length + 2);
  const section = rest.slice(0, rest.search(/\n#{1,6} /) === -1 ? undefined : rest.search(/\n#{1,6} /));
  return [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

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
