// A provider that keeps every rule the checker applies, for the broken-provider suite: the fake,
// plus what its generator does not produce yet (tool calls for required/named tool_choice,
// reasoning, JSON mode, honoured stop sequences, logprobs). Each broken provider is this one with
// exactly one mutation applied (broken-providers.ts).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFake } from '../../src/core/fake.js';
import type { ChatContext } from '../../src/core/chat.js';
import type { Scenario } from '../../src/core/scenario-types.js';
import { estimateTokenizer } from '../../src/generate/tokenizer.js';

export const GOOD_KEY = 'sk-conformance-good-key';

function scenarioFor(ctx: ChatContext): Scenario | undefined {
  const b = ctx.body;
  const respond: Scenario['respond'] = {};
  const choice = b.tool_choice;
  if (choice === 'required' || (choice && typeof choice === 'object')) respond.toolCalls = [{ name: 'get_weather', arguments: { city: 'Hangzhou' } }];
  if (ctx.model.reasoning === 'always') respond.reasoning = 'The user says hi. A short greeting back is enough.';
  if (b.response_format?.type === 'json_object') respond.content = '{"greeting":"hello"}';
  if (b.stop) respond.content = '1, 2, 3, 4, 5, 6, ';
  return Object.keys(respond).length ? { source: 'conformance-test', respond } : undefined;
}

const encoder = new TextEncoder();

/** Logprob entries for a piece of text: one per token, top list sorted and `top` long. */
export function logprobsFor(text: string, top: number): unknown[] {
  return estimateTokenizer.tokenize(text).map((token, i) => {
    const logprob = -0.01 * (i + 1);
    return {
      token,
      logprob,
      bytes: [...encoder.encode(token)],
      top_logprobs: Array.from({ length: top }, (_, j) => {
        const t = j === 0 ? token : `${token}${j}`;
        return { token: t, logprob: logprob - j, bytes: [...encoder.encode(t)] };
      }),
    };
  });
}

type Obj = Record<string, any>;

export interface Exchange {
  request: Obj;
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Adds logprobs to the fake's answer when they were asked for. */
function addLogprobs(x: Exchange): Exchange {
  if (x.request.logprobs !== true || x.status !== 200) return x;
  const top = x.request.top_logprobs ?? 0;
  if (x.request.stream !== true) {
    const body = JSON.parse(x.text);
    for (const c of body.choices) c.logprobs = { content: logprobsFor(c.message.content ?? '', top) };
    return { ...x, text: JSON.stringify(body) };
  }
  return {
    ...x,
    text: mapChunks(x.text, (chunks) =>
      chunks.map((c) => {
        for (const ch of c.choices) if (ch.delta.content) ch.logprobs = { content: logprobsFor(ch.delta.content, top) };
        return c;
      }),
    ),
  };
}

/** Rewrites the JSON chunks of an SSE body produced by the fake (`data: {...}\n\n` frames, [DONE] last). */
export function mapChunks(text: string, fn: (chunks: Obj[]) => Obj[]): string {
  const frames = text.split('\n\n').filter((f) => f.startsWith('data: {'));
  const chunks = fn(frames.map((f) => JSON.parse(f.slice(6))));
  return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}

export type Mutation = (x: Exchange) => Exchange | 'hang';

async function readBody(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const part of req) s += part;
  return s;
}

/**
 * One server for every provider: the first path segment names the mutation
 * (`/<name>/chat/completions`); `/correct/...` applies none.
 */
export async function startProviders(mutations: Record<string, Mutation>): Promise<{ url: string; close(): Promise<void> }> {
  const fake = createFake({ apiKeys: [GOOD_KEY], resolveScenario: scenarioFor });
  const server: Server = createServer(async (req, res) => {
    const [, name, ...rest] = (req.url ?? '/').split('/');
    const mutate = name === 'correct' ? (x: Exchange) => x : mutations[name!];
    if (!mutate) return res.writeHead(404).end();
    const raw = await readBody(req);
    const response = await fake.handle(
      new Request(`http://provider/${rest.join('/')}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === 'GET' ? undefined : raw }),
    );
    let request: Obj = {};
    try {
      request = JSON.parse(raw);
    } catch {
      // GET /models probe
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k] = v));
    const answer = addLogprobs({ request, status: response.status, headers, text: await response.text() });
    // Mutations break chat answers only; the checker's GET /models reachability probe is left alone.
    let out: ReturnType<Mutation>;
    try {
      out = req.method === 'POST' ? mutate(answer) : answer;
    } catch (e) {
      out = { ...answer, status: 500, text: `mutation failed: ${(e as Error).message}` };
    }
    if (out === 'hang') return; // never answers; the checker's timeout must end it
    delete out.headers['content-length'];
    res.writeHead(out.status, out.headers).end(out.text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
