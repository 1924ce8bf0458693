// The fake as `deepseek-fake serve` runs it: full validation, generation, and token counting with
// DeepSeek V3's exact tokenizer (serve's default), loaded the way serve loads it: in the background
// a second after start-up, or by the first chat request if that comes sooner (the start-up figure
// then includes the load). Plus a scripted long answer for the 256-token streaming figure.
import { createExactTokenizer } from '../dist/index.js';
import { listen } from '../dist/server/index.js';

const STREAM_PROMPT = 'bench: stream 256 tokens';
// Far more than 256 tokens with any tokenizer; max_tokens 256 cuts it to exactly 256.
const LONG = Array.from({ length: 400 }, (_, i) => `word${i % 50} is here.`).join(' ');

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
