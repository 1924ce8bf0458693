// The fake as `deepseek-fake serve` runs it: full validation, generation, and token counting with
// DeepSeek V3's exact tokenizer (serve's default), loaded the way serve loads it: in the background
// a second after start-up, or by the first chat request if that comes sooner (the start-up figure
// then includes the load). Plus a scripted long answer for the 256-token streaming figure.
import { createExactTokenizer } from '../dist/index.js';
import { listen } from '../dist/server/index.js';

const STREAM_PROMPT = 'bench: stream 256 tokens';
// ~350 tokens (5 per sentence with the exact tokenizer), so max_tokens 256 cuts it to exactly 256
// (run.mjs checks). It was 400 sentences (~2,000 tokens) until decision 012's second round: the
// fake then tokenized eight times what it sent, which the 256-token figure should not measure.
const LONG = Array.from({ length: 70 }, (_, i) => `word${i % 50} is here.`).join(' ');

const tokenizer = createExactTokenizer();
setTimeout(() => void tokenizer.load(), 1000).unref();
const server = await listen({
  port: 0,
  log: 'silent',
  tokenizer,
  resolveScenario: (ctx) => (ctx.body.messages.at(-1)?.content === STREAM_PROMPT ? { source: 'bench', respond: { content: LONG } } : undefined),
});
process.stdout.write(`listening on ${server.url} tokenizer=${tokenizer.name}\n`);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
