// The page's script: starts msw's worker with the DeepSeek handlers on a same-origin path and
// streams a chat answer into the page with fetch, as a chat UI would.
import { setupWorker } from 'msw/browser';
import { createFake } from '../../src/core/fake.js';
import { observeFake } from '../helpers/observed-fake.js';
import { createDeepSeekHandlers } from '../../src/msw/browser.js';

// The prompt "long" gets a 20 000-word answer, so a test can abort it midway.
const core = createFake({ seed: 1, resolveScenario: ({ body }) => (body.messages.at(-1)?.content === 'long' ? { source: 'page', respond: { content: 'word '.repeat(20_000).trim() } } : undefined) });
// How far the core's response body has been read, and whether it was cancelled, seen from outside.
const { fake, observed } = observeFake(core);
const deepseek = createDeepSeekHandlers({ fake, baseUrl: '/api/deepseek' });
// Tests drive the fake's controls from outside (page.evaluate).
Object.assign(window, { deepseek, observed });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function send(): Promise<void> {
  const answer = $('answer');
  const error = $('error');
  answer.textContent = '';
  error.textContent = '';
  answer.dataset.deltas = '0';
  $('status').textContent = 'streaming';
  const res = await fetch('/api/deepseek/chat/completions', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-browser', 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'deepseek-chat',
      messages: [{ role: 'user', content: $<HTMLInputElement>('prompt').value }],
      temperature: Number($<HTMLInputElement>('temperature').value),
      stream: true,
    }),
  });
  if (!res.ok) {
    const body = await res.json();
    error.textContent = `${res.status}: ${body.error.message}`;
    $('status').textContent = 'failed';
    return;
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    const frames = buffer.split('\n\n');
    buffer = frames.pop()!;
    for (const frame of frames) {
      const data = frame.replace(/^data: /, '');
      if (data === '[DONE]') continue;
      const delta = JSON.parse(data).choices[0]?.delta;
      if (delta?.content) {
        answer.textContent += delta.content;
        answer.dataset.deltas = String(Number(answer.dataset.deltas) + 1);
      }
    }
  }
  $('status').textContent = 'done';
}

const worker = setupWorker(...deepseek.handlers);
await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
$('send').addEventListener('click', () => {
  send().catch((e: unknown) => {
    $('error').textContent = `client error: ${String(e)}`;
    $('status').textContent = 'failed';
  });
});
$<HTMLButtonElement>('send').disabled = false;
$('status').textContent = 'ready';
