// `deepseek-fake conform` as a real process: exit codes, progress, reports, --record, --cases.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCases } from '../../src/conformance/builtin-cases.js';
import { runCli } from '../helpers/cli.js';
import { brokenProviders } from './broken-providers.js';
import { GOOD_KEY, startProviders } from './correct-provider.js';

let providers: Awaited<ReturnType<typeof startProviders>>;
let dir: string;
beforeAll(async () => {
  providers = await startProviders(Object.fromEntries(brokenProviders.map((p) => [p.name, p.mutate])));
  dir = await mkdtemp(join(tmpdir(), 'conform-cli-'));
});
afterAll(() => providers?.close());

const conform = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['conform', ...args], { DEEPSEEK_API_KEY: GOOD_KEY, ...env });

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('deepseek-fake conform (real process)', () => {
  it('a conforming provider: exit 0, a line per case, reports and recordings written', async () => {
    const junit = join(dir, 'out', 'report.xml');
    const json = join(dir, 'out', 'report.json');
    const record = join(dir, 'record');
    const r = await conform(['--base-url', `${providers.url}/correct`, '--report', `junit=${junit},json=${json}`, '--record', record]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const c of builtinCases) expect(r.stdout).toMatch(new RegExp(`^✓ ${c.id} `, 'm'));
    expect(r.stdout).toContain(`${builtinCases.length} cases against ${providers.url}/correct (profile deepseek, model deepseek-chat): ${builtinCases.length} passed, 0 failed`);

    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.summary).toMatchObject({ cases: builtinCases.length, errors: 0, warnings: 0 });
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain(`tests="${builtinCases.length}" failures="0"`);
    expect(xml.match(/<testcase /g)).toHaveLength(builtinCases.length);

    const files = await readdir(record);
    expect(files).toContain('stream.sse');
    expect(files).toContain('basic.body');
    const sse = await readFile(join(record, 'stream.sse'), 'utf8');
    expect(sse.startsWith('data: {')).toBe(true);
    expect(sse.endsWith('data: [DONE]\n\n')).toBe(true);
    const meta = JSON.parse(await readFile(join(record, 'basic.json'), 'utf8'));
    expect(meta.response.status).toBe(200);
    expect(meta.request.body).toContain('"messages"');
    expect(JSON.stringify(meta)).not.toContain(GOOD_KEY);
    expect(JSON.parse(await readFile(join(record, 'basic.body'), 'utf8')).object).toBe('chat.completion');
  });

  it('a broken provider: exit 1 with the rule, the contract, the path and a curl line without the key', async () => {
    const r = await conform(['--base-url', `${providers.url}/usage-total-wrong`, '--only', 'basic,stream']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✗ basic .*1 error/m);
    expect(r.stdout).toContain('error usage.total');
    expect(r.stdout).toContain('contract: total_tokens = prompt_tokens + completion_tokens');
    expect(r.stdout).toMatch(/at: +\$\.usage\.total_tokens = \d+/);
    expect(r.stdout).toContain(`repeat: curl -sS '${providers.url}/usage-total-wrong/chat/completions' -H "Authorization: Bearer $DEEPSEEK_API_KEY"`);
    expect(r.stdout + r.stderr).not.toContain(GOOD_KEY);
  });

  it('a documented deviation is a warning: exit 0, and 1 under --strict', async () => {
    const args = ['--base-url', `${providers.url}/usage-on-finish-chunk`, '--only', 'stream-usage'];
    const [lax, strict] = await Promise.all([conform(args), conform([...args, '--strict'])]);
    expect(lax.code).toBe(0);
    expect(lax.stdout).toContain('warning stream.usage-on-final-chunk');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^✗ stream-usage /m);
  });

  it('the key comes from DEEPSEEK_API_KEY or --api-key', async () => {
    const base = ['--base-url', `${providers.url}/correct`, '--only', 'basic'];
    const [fromEnv, fromOption] = await Promise.all([conform(base, { DEEPSEEK_API_KEY: 'sk-wrong' }), conform([...base, '--api-key', GOOD_KEY], { DEEPSEEK_API_KEY: 'sk-wrong' })]);
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stdout).toMatch(/error status\n.*\n +got: +HTTP 401/);
    expect(fromOption.code).toBe(0);
  });

  it('an unreachable provider: exit 2, said plainly', async () => {
    const r = await conform(['--base-url', `http://127.0.0.1:${await closedPort()}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/provider is unreachable: cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it('usage mistakes exit 2', async () => {
    const url = `${providers.url}/correct`;
    const mistakes = [[], ['--base-url', 'ftp://x'], ['--base-url', url, '--only', 'no-such-case'], ['--base-url', url, '--report', 'xml=a'], ['--base-url', url, '--timeout', '0'], ['--base-url', url, '--profile', 'nope'], ['--base-url', url, '--bogus']];
    const results = await Promise.all(mistakes.map((args) => conform(args)));
    results.forEach((r, i) => {
      expect(r.code, mistakes[i]!.join(' ')).toBe(2);
      expect(r.stderr).toContain("Run 'deepseek-fake --help'");
      expect(r.stdout).toBe('');
    });
  });

  it('--cases adds a user case from a JSON file', async () => {
    const cases = join(dir, 'cases');
    await import('node:fs/promises').then((fs) => fs.mkdir(cases, { recursive: true }));
    await writeFile(
      join(cases, 'short.json'),
      JSON.stringify({ id: 'my-short-answer', title: 'three tokens at most', body: { messages: [{ role: 'user', content: 'Tell me everything.' }], max_tokens: 3 }, expect: { finishReason: 'length' } }),
    );
    const list = await conform(['--cases', cases, '--list']);
    expect(list.stdout).toMatch(/^my-short-answer +three tokens at most$/m);
    const r = await conform(['--base-url', `${providers.url}/correct`, '--cases', cases, '--only', 'my-short-answer']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^✓ my-short-answer /m);
    await writeFile(join(cases, 'bad.json'), '{"title":"no id"}');
    expect((await conform(['--base-url', `${providers.url}/correct`, '--cases', cases])).code).toBe(2);
  });
});
