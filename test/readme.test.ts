// README.md stays coherent with the tree: its links and anchors resolve, the Layout block names every
// folder, and every design note is linked.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const outsideCode = readme.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const links = [...outsideCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

describe('README.md', () => {
  it('every relative link points to a file that exists', () => {
    const files = links.filter((l) => !/^(https?:|#)/.test(l));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => !existsSync(new URL(f, root)))).toEqual([]);
  });

  it('every #anchor names a heading', () => {
    const anchors = new Set([...outsideCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
    const used = links.filter((l) => l.startsWith('#')).map((l) => l.slice(1));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((a) => !anchors.has(a))).toEqual([]);
  });

  it('links every design note under docs/decisions/', () => {
    const notes = readdirSync(new URL('docs/decisions/', root)).filter((f) => f.endsWith('.md'));
    expect(notes.filter((n) => !links.includes(`docs/decisions/${n}`))).toEqual([]);
  });

  it('the Layout block names every folder under src/ and at the root', () => {
    const at = readme.indexOf('## Layout');
    const open = readme.indexOf('```', at);
    const block = readme.slice(open, readme.indexOf('```', open + 3));
    // Folders git ignores (node_modules, dist, coverage, .tmp…) are not part of the tree to describe.
    const ignored = new Set(readFileSync(new URL('.gitignore', root), 'utf8').split('\n').map((l) => l.trim().replace(/\/$/, '')));
    const dirs = (path: string) =>
      readdirSync(new URL(path, root), { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name !== '.git' && !ignored.has(d.name))
        .map((d) => `${path === './' ? '' : path}${d.name}/`);
    const wanted = [...dirs('src/'), ...dirs('./').filter((d) => d !== 'src/')];
    expect(wanted.length).toBeGreaterThan(15);
    const listed = (dir: string) => block.split('\n').some((line) => line.startsWith(dir));
    expect(wanted.filter((d) => !listed(d))).toEqual([]);
  });
});
