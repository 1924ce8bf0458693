// Bundles browser code with esbuild the way an app's bundler would: platform browser, ESM, minified.
// A node: import (or any Node built-in) makes the build fail, since browsers have none.
import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Bundle {
  code: Uint8Array;
  /** Input paths relative to the repo root, e.g. `src/core/fake.ts`, `node_modules/ajv/dist/...`. */
  inputs: string[];
  metafile: Metafile;
}

export async function bundleForBrowser(entry: { file: string } | { contents: string }, options: { external?: string[] } = {}): Promise<Bundle> {
  const result = await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: options.external ?? [],
  });
  return { code: result.outputFiles[0]!.contents, inputs: Object.keys(result.metafile.inputs), metafile: result.metafile };
}
