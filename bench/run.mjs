// npm run bench: the fake against the speed limit (a bare node:http server sending precomputed
// bodies) and against Prism (an OpenAPI mock server, fetched on demand), on this machine, in one
// run. Figures: non-streaming req/s (autocannon), 256-token streams/s and chunks/s, start-up time
// to the first answered request, peak RSS. Writes bench/results/latest.json.
import autocannon from 'autocannon';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
// The servers take turns, ROUNDS times, and the median counts: on a shared machine a burst of
// someone else's work then hits one round of each, not one server's whole measurement.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const STREAM_TOKENS = 256;
const PRISM_PACKAGE = '@stoplight/prism-cli@5';

const headers = { authorization: 'Bearer sk-bench', 'content-type': 'application/json' };
const plainBody = JSON.stringify({
  model: 'deepseek-chat',
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Hello! What can you do for me today?' },
  ],
});
const streamBody = JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'bench: stream 256 tokens' }], max_tokens: STREAM_TOKENS, stream: true });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => process.stdout.write(`${line}\n`);

function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used, ms. Per-request CPU does not depend on what else runs. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Polls until the server answers the plain request; returns ms since `started` and the status. */
async function firstAnswer(url, started, child, timeoutMs) {
  const deadline = started + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/chat/completions`, { method: 'POST', headers, body: plainBody });
      await res.arrayBuffer();
      return { ms: Math.round(performance.now() - started), status: res.status };
    } catch {
      if (performance.now() > deadline) throw new Error('no answer in time');
      await sleep(5);
    }
  }
}

async function startNode(script, args) {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
  const first = await firstAnswer(url, started, child, 10_000);
  return { child, url, startupMs: first.ms, startupCpuMs: cpuMs(child.pid), startupRssMb: peakRssMb(child.pid), out: () => out };
}

async function cannon(url, body, pid) {
  const run = (duration) =>
    autocannon({ url: `${url}/chat/completions`, method: 'POST', headers, body, connections: CONNECTIONS, duration });
  await run(1); // warm-up: JIT, pools
  const cpuBefore = pid ? cpuMs(pid) : null;
  const r = await run(SECONDS);
  const cpuAfter = pid ? cpuMs(pid) : null;
  return {
    cpuUsPerRequest: cpuBefore != null && cpuAfter != null && r.requests.total ? Math.round(((cpuAfter - cpuBefore) * 1000) / r.requests.total) : null,
    reqPerSec: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** The fake's own answers, which the bare server will replay byte for byte. */
async function captureAnswers(url) {
  const json = await (await fetch(`${url}/chat/completions`, { method: 'POST', headers, body: plainBody })).text();
  const sse = await (await fetch(`${url}/chat/completions`, { method: 'POST', headers, body: streamBody })).text();
  const frames = sse.split(/(?<=\n\n)/);
  const chunks = frames.filter((f) => f.startsWith('data: {')).map((f) => JSON.parse(f.slice(6)));
  const contentChunks = chunks.filter((c) => typeof c.choices[0]?.delta?.content === 'string' && c.choices[0].delta.content !== '').length;
  return { json, frames, framesPerStream: frames.length, contentChunks, usage: JSON.parse(json).usage };
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

function sh(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: root, timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => resolve({ error, stdout, stderr }));
  });
}

async function benchPrism() {
  log(`prism: fetching ${PRISM_PACKAGE} with npm exec (not a project dependency)…`);
  const found = await sh('npm', ['exec', '--yes', `--package=${PRISM_PACKAGE}`, '--', 'sh', '-c', 'command -v prism'], 300_000);
  const bin = found.stdout.trim().split('\n').pop();
  if (found.error || !bin) return { error: `could not fetch ${PRISM_PACKAGE}: ${(found.error?.message ?? found.stderr).trim().split('\n').slice(-3).join(' ')}` };
  const port = await freePort();
  const started = performance.now();
  const child = spawn(bin, ['mock', '-d', '-h', '127.0.0.1', '-p', String(port), 'schemas/deepseek.openapi.yaml'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    const url = `http://127.0.0.1:${port}`;
    const first = await firstAnswer(url, started, child, 60_000);
    const startupCpuMs = cpuMs(child.pid);
    const sample = await fetch(`${url}/chat/completions`, { method: 'POST', headers, body: plainBody });
    const sampleText = (await sample.text()).slice(0, 300);
    const plain = await cannon(url, plainBody, child.pid);
    return { startupMs: first.ms, startupCpuMs, firstStatus: first.status, sample: { status: sample.status, body: sampleText }, plain, peakRssMb: peakRssMb(child.pid) };
  } catch (e) {
    return { error: `prism failed: ${e.message}; output: ${out.trim().split('\n').slice(-5).join(' | ')}` };
  } finally {
    await stop(child);
  }
}

const ratio = (a, b) => (a != null && b ? Math.round((a / b) * 100) / 100 : null);

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
  log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memGb} GB, node ${machine.node}; autocannon ${CONNECTIONS} connections × ${SECONDS} s, ${ROUNDS} rounds (median)`);

  const fake = await startNode('bench/fake-server.mjs', []);
  const tokenizer = /tokenizer=(\w+)/.exec(fake.out())[1];
  if (tokenizer !== 'exact') throw new Error(`the fake counts with the ${tokenizer} tokenizer, not the exact one`);
  const answers = await captureAnswers(fake.url);
  if (answers.contentChunks !== STREAM_TOKENS) throw new Error(`the stream carried ${answers.contentChunks} content chunks, not ${STREAM_TOKENS}`);
  const bodiesFile = `${resultsDir}bare-bodies.json`;
  writeFileSync(bodiesFile, JSON.stringify({ json: answers.json, frames: answers.frames }));
  const bare = await startNode('bench/bare-server.mjs', [bodiesFile]);

  const hono = await startNode('bench/hono-server.mjs', [bodiesFile]);

  const results = { date: new Date().toISOString(), machine, loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100), tokenizer, plainUsage: answers.usage, connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, streamTokens: STREAM_TOKENS, framesPerStream: answers.framesPerStream };
  const servers = { fake, bare, hono };
  const plainRuns = { fake: [], bare: [], hono: [] };
  const streamRuns = { fake: [], bare: [], hono: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of Object.keys(servers)) {
      log(`round ${round}/${ROUNDS} ${name}: non-streaming, then ${STREAM_TOKENS}-token streams…`);
      plainRuns[name].push(await cannon(servers[name].url, plainBody, servers[name].child.pid));
      streamRuns[name].push(await cannon(servers[name].url, streamBody, servers[name].child.pid));
    }
  }
  const median = (runs) => [...runs].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(runs.length / 2)];
  for (const name of Object.keys(servers)) {
    const s = median(streamRuns[name]);
    results[name] = {
      startupMs: servers[name].startupMs,
      startupCpuMs: servers[name].startupCpuMs,
      // Peak RSS once the first answer is out (for the fake: tokenizer loaded, no load yet).
      peakRssAfterFirstAnswerMb: servers[name].startupRssMb,
      plain: { ...median(plainRuns[name]), rounds: plainRuns[name].map((r) => r.reqPerSec) },
      stream: { streamsPerSec: s.reqPerSec, chunksPerSec: s.reqPerSec * answers.framesPerStream, cpuUsPerStream: s.cpuUsPerRequest, latencyP50Ms: s.latencyP50Ms, ok: s.ok, non2xx: s.non2xx, errors: s.errors, rounds: streamRuns[name].map((r) => r.reqPerSec) },
    };
  }
  results.fake.peakRssMb = peakRssMb(fake.child.pid);
  results.bare.peakRssMb = peakRssMb(bare.child.pid);
  results.hono.peakRssMb = peakRssMb(hono.child.pid);
  await Promise.all([stop(fake.child), stop(bare.child), stop(hono.child)]);

  results.prism = await benchPrism();

  const prismPlain = results.prism.plain?.reqPerSec;
  results.ratios = {
    plainFakeOverBare: ratio(results.fake.plain.reqPerSec, results.bare.plain.reqPerSec),
    // Per-request CPU of the server process: the throughput ratio it would have on a core of its own.
    plainCpuBareOverFake: ratio(results.bare.plain.cpuUsPerRequest, results.fake.plain.cpuUsPerRequest),
    plainHonoFloorOverBare: ratio(results.hono.plain.reqPerSec, results.bare.plain.reqPerSec),
    plainFakeOverHonoFloor: ratio(results.fake.plain.reqPerSec, results.hono.plain.reqPerSec),
    plainFakeOverPrism: ratio(results.fake.plain.reqPerSec, prismPlain),
    streamFakeOverBare: ratio(results.fake.stream.streamsPerSec, results.bare.stream.streamsPerSec),
    startupFakeOverBare: ratio(results.fake.startupMs, results.bare.startupMs),
    startupFakeOverPrism: ratio(results.fake.startupMs, results.prism.startupMs),
    rssFakeOverBare: ratio(results.fake.peakRssMb, results.bare.peakRssMb),
    rssFakeOverPrism: ratio(results.fake.peakRssMb, results.prism.peakRssMb),
  };
  results.targets = {
    plainAtLeast60PercentOfBare: results.ratios.plainFakeOverBare >= 0.6,
    plainCpuAtLeast60PercentOfBare: results.ratios.plainCpuBareOverFake >= 0.6,
    startupUnder1s: results.fake.startupMs < 1000,
    rssUnder250Mb: results.fake.peakRssMb != null && results.fake.peakRssMb < 250,
  };

  results.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const row = (label, f, b, h, p) => log(`${label.padEnd(28)}${[f, b, h, p].map((v) => String(v ?? '-').padStart(12)).join('')}`);
  const { fake: F, bare: B, hono: H, prism: P } = results;
  log('');
  log(`${''.padEnd(28)}${['fake', 'bare', 'hono-floor', 'prism'].map((h) => h.padStart(12)).join('')}`);
  row('non-streaming req/s', F.plain.reqPerSec, B.plain.reqPerSec, H.plain.reqPerSec, prismPlain);
  row('non-streaming p50 ms', F.plain.latencyP50Ms, B.plain.latencyP50Ms, H.plain.latencyP50Ms, P.plain?.latencyP50Ms);
  row(`${STREAM_TOKENS}-token streams/s`, F.stream.streamsPerSec, B.stream.streamsPerSec, H.stream.streamsPerSec, 'n/a');
  row('stream chunks/s', F.stream.chunksPerSec, B.stream.chunksPerSec, H.stream.chunksPerSec, 'n/a');
  row('non-streaming CPU µs/req', F.plain.cpuUsPerRequest, B.plain.cpuUsPerRequest, H.plain.cpuUsPerRequest, P.plain?.cpuUsPerRequest);
  row('CPU µs per stream', F.stream.cpuUsPerStream, B.stream.cpuUsPerStream, H.stream.cpuUsPerStream, 'n/a');
  row('start-up to 1st answer ms', F.startupMs, B.startupMs, H.startupMs, P.startupMs);
  row('start-up CPU ms', F.startupCpuMs, B.startupCpuMs, H.startupCpuMs, P.startupCpuMs);
  row('peak RSS MB after 1st answer', F.peakRssAfterFirstAnswerMb, B.peakRssAfterFirstAnswerMb, H.peakRssAfterFirstAnswerMb, '-');
  row('peak RSS MB', F.peakRssMb, B.peakRssMb, H.peakRssMb, P.peakRssMb);
  log(`load average (1/5/15 min) at start ${results.loadAverageAtStart.join(' ')}, at end ${results.loadAverageAtEnd.join(' ')}`);
  log('');
  log(`ratios: ${Object.entries(results.ratios).map(([k, v]) => `${k} ${v ?? '-'}`).join(', ')}`);
  log(`tokenizer: ${tokenizer} (loaded by the first request during start-up, so every figure includes it)`);
  if (results.prism.error) log(`prism: ${results.prism.error}`);
  else log(`prism: first answer HTTP ${results.prism.firstStatus}; non-2xx during load ${results.prism.plain.non2xx}`);
  log(`targets: ${Object.entries(results.targets).map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`).join(', ')}`);
  writeFileSync(`${resultsDir}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
  log(`written to bench/results/latest.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
