// The msw handlers in a real browser: headless Chromium opens a page whose chat UI streams an answer
// with fetch, intercepted by msw's service worker (setupWorker) and answered by the fake's core,
// bundled for the browser. No network, no server for the API: only the page's files are served.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFake } from '../../src/core/fake.js';
import type { DeepSeekHandlers } from '../../src/msw/browser.js';
import { expandError } from '../../src/scenario/error-catalogue.js';
import { bundleForBrowser, root } from './bundle.js';
import { launchChromium } from './chromium.js';
import { serveFiles } from './static-server.js';

let site: Awaited<ReturnType<typeof serveFiles>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const bundle = await bundleForBrowser({ file: 'test/browser/page.ts' });
  const scripts = Object.entries(bundle.files).map(([name, body]) => [`/${name}`, { type: 'text/javascript; charset=utf-8', body }]);
  site = await serveFiles({
    ...Object.fromEntries(scripts),
    '/': { type: 'text/html; charset=utf-8', body: readFileSync(`${root}/test/browser/index.html`) },
    '/mockServiceWorker.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(`${root}/node_modules/msw/lib/mockServiceWorker.js`) },
  });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(site.url);
  await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'starting', undefined, { timeout: 30_000 });
  expect(await page.textContent('#status'), pageErrors.join('\n')).toBe('ready');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function send(prompt: string, temperature: number): Promise<string> {
  await page.fill('#prompt', prompt);
  await page.fill('#temperature', String(temperature));
  await page.click('#send');
  await page.waitForFunction(() => ['done', 'failed'].includes(document.getElementById('status')!.textContent!), undefined, { timeout: 30_000 });
  return (await page.textContent('#status'))!;
}

it('streams the answer into the page, the same text the core gives in Node for the same request', async () => {
  expect(await send('Tell me about streams', 1)).toBe('done');
  const shown = await page.textContent('#answer');
  const deltas = Number(await page.getAttribute('#answer', 'data-deltas'));

  const inNode = await createFake({ seed: 1 }).handle(
    new Request('https://api.deepseek.com/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Tell me about streams' }], temperature: 1 }),
    }),
  );
  const expected = (await inNode.json()).choices[0].message.content as string;
  expect(expected.length).toBeGreaterThan(20);
  expect(shown).toBe(expected);
  // The page assembled it from many SSE deltas, not one body.
  expect(deltas).toBeGreaterThan(5);
  expect(pageErrors).toEqual([]);
}, 60_000);

it("shows DeepSeek's error for an invalid request", async () => {
  expect(await send('Hi', 5)).toBe('failed');
  expect(await page.textContent('#error')).toBe('400: Invalid temperature value, the valid range of temperature is [0, 2]');
  expect(await page.textContent('#answer')).toBe('');
}, 60_000);

it('the fake in the page is the one the handlers use (controls reachable from tests)', async () => {
  const before = await page.evaluate(() => (window as unknown as { deepseek: { fake: { store: { requestCount: number } } } }).deepseek.fake.store.requestCount);
  expect(await send('Hi', 1)).toBe('done');
  const after = await page.evaluate(() => (window as unknown as { deepseek: { fake: { store: { requestCount: number } } } }).deepseek.fake.store.requestCount);
  expect(after).toBe(before + 1);
}, 60_000);

it("answers at DeepSeek's own host from the page too (cross-origin, as the openai SDK in a browser calls it)", async () => {
  const models = await page.evaluate(async () => {
    const res = await fetch('https://api.deepseek.com/v1/models', { headers: { authorization: 'Bearer sk-browser' } });
    return { status: res.status, trace: res.headers.get('x-ds-trace-id'), ids: ((await res.json()) as { data: { id: string }[] }).data.map((m) => m.id) };
  });
  expect(models).toEqual({ status: 200, trace: expect.stringMatching(/^[0-9a-f]{32}$/), ids: ['deepseek-chat', 'deepseek-reasoner'] });
}, 60_000);

// The page's handle, as tests reach it with page.evaluate (the page sets window.deepseek).
type PageWindow = Window & { deepseek: DeepSeekHandlers };

it('a queued 429 is what the next send gets: the page shows DeepSeek’s message; the one after streams again', async () => {
  const queued = await page.evaluate(() => (window as unknown as PageWindow).deepseek.next(429));
  expect(queued).toBe(1);
  expect(await send('Hi', 1)).toBe('failed');
  expect(await page.textContent('#error')).toBe(`429: ${expandError(429).message}`);
  expect(await page.textContent('#error')).toMatch(/^429: Too many requests\. Your current concurrency is/);
  expect(await send('Hi', 1)).toBe('done');
  expect(await page.textContent('#error')).toBe('');
  const statuses = await page.evaluate(() => (window as unknown as PageWindow).deepseek.journal.all().slice(-2).map((e) => [e.status, e.scenario]));
  expect(statuses).toEqual([
    [429, 'queue'],
    [200, 'default'],
  ]);
}, 60_000);

it('queued content and a fixture given with use() stream into the page delta by delta', async () => {
  await page.evaluate(() => {
    const { deepseek } = window as unknown as PageWindow;
    deepseek.next({ content: 'Queued from the test, streamed by the worker.' });
    deepseek.use({ match: { userMessage: 'fixture please' }, respond: { content: 'A fixture answered this one.' } });
  });
  expect(await send('Hi', 1)).toBe('done');
  expect(await page.textContent('#answer')).toBe('Queued from the test, streamed by the worker.');
  expect(Number(await page.getAttribute('#answer', 'data-deltas'))).toBeGreaterThan(3);
  expect(await send('fixture please', 1)).toBe('done');
  expect(await page.textContent('#answer')).toBe('A fixture answered this one.');
  expect(Number(await page.getAttribute('#answer', 'data-deltas'))).toBeGreaterThan(3);
  // reset() drops the fixture: the same prompt is generated again.
  await page.evaluate(() => (window as unknown as PageWindow).deepseek.reset());
  expect(await send('fixture please', 1)).toBe('done');
  expect(await page.textContent('#answer')).not.toBe('A fixture answered this one.');
  expect(pageErrors).toEqual([]);
}, 60_000);

it('cancelling an unread body settles in the page without attach() (the SDK does this before a retry)', async () => {
  const settled = await page.evaluate(async () => {
    (window as unknown as PageWindow).deepseek.next(429);
    const res = await fetch('/api/deepseek/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-browser', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    const reader = res.body!.getReader();
    const cancelled = reader.cancel().then(() => 'cancelled');
    return Promise.race([cancelled, new Promise((r) => setTimeout(() => r('hung'), 3000))]);
  });
  expect(settled).toBe('cancelled');
}, 60_000);

it('aborting a fetch in the page cancels the fake’s stream there too', async () => {
  const result = await page.evaluate(async () => {
    const observed = (window as unknown as { observed: { pulled: number; cancelled: unknown } }).observed;
    const ac = new AbortController();
    const res = await fetch('/api/deepseek/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-browser', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'long' }], stream: true }),
      signal: ac.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    const atFirstRead = observed.pulled;
    ac.abort();
    const failure = await reader.read().then(() => 'read on', (e: Error) => e.name);
    for (let i = 0; i < 200 && observed.cancelled === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    const atCancel = observed.pulled;
    await new Promise((r) => setTimeout(r, 100));
    return { atFirstRead, failure, cancelled: observed.cancelled !== undefined, atCancel, later: observed.pulled };
  });
  expect(result.failure).toBe('AbortError');
  expect(result.cancelled).toBe(true);
  expect(result.later).toBe(result.atCancel);
  expect(result.atCancel).toBeLessThan(20_000 / 10);
}, 60_000);
