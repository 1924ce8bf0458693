// Bundles browser code with esbuild the way an app's bundler would: platform browser, ESM, minified,
// code-split. A node: import (or any Node built-in) makes the build fail, since browsers have none.
// Dynamic imports become lazy chunks, so what a page loads up front ("eager") is told apart from
// what it fetches only when asked (e.g. the exact tokenizer).
import { build, type Metafile } from 'esbuild';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = `${root}.tmp/browser-bundle`;

export interface Bundle {
  /** Every output file by its name (`page.js`, `chunk-XXXX.js`), as a static server would serve it. */
  files: Record<string, Uint8Array>;
  /** Outputs loaded when the entry loads: the entry and its static imports, transitively. */
  eager: string[];
  eagerBytes: number;
  /** Inputs of the eager outputs, relative to the repo root (`src/core/fake.ts`, `node_modules/...`). */
  eagerInputs: string[];
  metafile: Metafile;
}

export async function bundleForBrowser(entry: { file: string } | { contents: string }, options: { external?: string[] } = {}): Promise<Bundle> {
  const result = await build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    outdir,
    entryNames: '[name]',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: options.external ?? [],
  });
  const outputs = result.metafile.outputs;
  const key = (abs: string) => Object.keys(outputs).find((k) => `${root}${k}` === abs || k === abs)!;
  const files = Object.fromEntries(result.outputFiles.map((f) => [basename(f.path), f.contents]));
  const entryKey = Object.keys(outputs).find((k) => outputs[k]!.entryPoint && k.endsWith('.js'))!;
  const eager = new Set<string>();
  const visit = (k: string) => {
    if (eager.has(k)) return;
    eager.add(k);
    for (const imp of outputs[k]!.imports) if (imp.kind === 'import-statement' && !imp.external) visit(key(imp.path) ?? imp.path);
  };
  visit(entryKey);
  const eagerNames = [...eager].map((k) => basename(k));
  return {
    files,
    eager: eagerNames,
    eagerBytes: eagerNames.reduce((sum, name) => sum + files[name]!.byteLength, 0),
    eagerInputs: [...new Set([...eager].flatMap((k) => Object.keys(outputs[k]!.inputs)))],
    metafile: result.metafile,
  };
}
