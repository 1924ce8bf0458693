// Node-only: reads a fixtures folder (or one file) of JSON/YAML files, validates each against
// schemas/fixture.schema.json and names every rule `fixture:<relative path>#<name or index>`.
// Files are taken in path order; nothing outside the folder is read, even through a symlink.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { nameFixtures } from '../scenario/fixture-set.js';
import type { LoadedFixture } from '../scenario/fixture-types.js';
import { FixtureError, validateFixtureFile } from '../scenario/fixture-validate.js';

const FIXTURE_FILE = /\.(json|ya?ml)$/i;

export async function loadFixtures(path: string): Promise<LoadedFixture[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new FixtureError(path, '', 'no such file or folder');
  }
  if (info.isFile()) {
    const root = await realpath(dirname(path));
    return loadFile(root, join(root, basename(path)));
  }
  const root = await realpath(path);
  const out: LoadedFixture[] = [];
  for (const file of await listFiles(root, root)) out.push(...(await loadFile(root, file)));
  return out;
}

async function listFiles(root: string, dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    const real = await realpath(full).catch(() => full);
    if (real !== root && !real.startsWith(root + sep)) throw new FixtureError(relative(root, full) || e.name, '', `resolves to ${real}, outside the fixtures folder ${root}`);
    const kind = await stat(real);
    if (kind.isDirectory()) files.push(...(await listFiles(root, full)));
    else if (kind.isFile() && FIXTURE_FILE.test(e.name)) files.push(full);
  }
  return files;
}

async function loadFile(root: string, file: string): Promise<LoadedFixture[]> {
  const name = relative(root, file).split(sep).join('/');
  const text = await readFile(file, 'utf8');
  let doc: unknown;
  try {
    doc = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new FixtureError(name, '', `not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  return nameFixtures(validateFixtureFile(doc, name).fixtures, name);
}
