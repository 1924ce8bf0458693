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
    const forbidden = bundle.inputs.filter((p) => /^node:|@lenml\/|\/hono\/|@hono\/|^src\/(server|cli)\//.test(p));
    expect(forbidden).toEqual([]);
    expect(bundle.inputs).toContain('src/core/fake.ts');
    expect(bundle.inputs).toContain('src/msw/handlers.ts');
    const minified = bundle.code.byteLength;
    const gzipped = gzipSync(bundle.code).byteLength;
    expect(minified, `minified ${minified} B`).toBeLessThanOrEqual(BUDGET.minifiedBytes);
    expect(gzipped, `gzipped ${gzipped} B`).toBeLessThanOrEqual(BUDGET.gzippedBytes);
  });

  it('the same build fails when a node: import sneaks in', async () => {
    const sneaky = `export * from './src/msw/browser.ts'; import { readFileSync } from 'node:fs'; export const x = readFileSync;`;
    await expect(bundleForBrowser({ contents: sneaky }, peerExternal)).rejects.toThrow(/node:fs/);
  });
});
