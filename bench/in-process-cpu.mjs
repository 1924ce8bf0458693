// CPU per non-streaming request inside one process (`fake.handle`, no sockets), with the exact
// tokenizer loaded first: the figure decision 012 tracks per optimisation, and what to run under
// `node --cpu-prof bench/in-process-cpu.mjs`. Needs `npm run build`. N=requests (default 5000);
// FRESH=1 gives every request a prompt never seen before (no tokenizer section memo hits);
// NO_MEMO=1 hides the library's splitter, so the tokenizer encodes whole texts as before the memo.
import { createExactTokenizer, createFake } from '../dist/index.js';
import { loadPackageEntry } from '../dist/generate/exact-tokenizer.js';

const withoutMemo = async () => {
  const m = await loadPackageEntry();
  return { fromPreTrained: () => { const t = m.fromPreTrained(); return { encode: t.encode.bind(t), model: t.model }; } };
};
const tokenizer = createExactTokenizer(process.env.NO_MEMO === '1' ? { load: withoutMemo } : {});
await tokenizer.load();
const fake = createFake({ tokenizer });
const fresh = process.env.FRESH === '1';
const N = Number(process.env.N ?? 5000);
const request = (i) =>
  new Request('http://bench/chat/completions', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'deepseek-chat',
      messages: [
        { role: 'system', content: fresh ? `You are a helpful assistant number ${i}.` : 'You are a helpful assistant.' },
        { role: 'user', content: fresh ? `Hello! What can you do for me today, request ${i}?` : 'Hello! What can you do for me today?' },
      ],
    }),
  });
for (let i = 0; i < 500; i++) await (await fake.handle(request(-i))).text(); // warm-up: JIT
const before = process.cpuUsage();
let status = 0;
for (let i = 0; i < N; i++) {
  const res = await fake.handle(request(i));
  status = res.status;
  await res.text();
}
const used = process.cpuUsage(before);
process.stdout.write(`${Math.round((used.user + used.system) / N)} µs CPU per request (${N} requests, ${fresh ? 'fresh' : 'repeated'} prompt${process.env.NO_MEMO === '1' ? ', no section memo' : ''}, last status ${status})\n`);
