// Turning a request/response pair into a journal entry: redacted headers, parsed body, outcome.
import { readBodyText } from '../core/read-body.js';
import { redactKey } from '../core/errors.js';
import type { RequestTrace } from '../core/store.js';
import type { ErrorResponse } from '../core/types.js';
import type { JournalEntry } from './journal.js';

/** Header names whose values carry a secret; kept as their last 4 characters. */
const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'proxy-authorization', 'cookie']);

export function bearerKey(headers: Headers): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return m ? m[1]! : null;
}

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name)) out[name] = value;
    else {
      const m = /^(\S+\s+)(\S+)$/.exec(value.trim());
      out[name] = m ? `${m[1]}${redactKey(m[2]!)}` : redactKey(value);
    }
  });
  return out;
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The envelope of an error response (cloned, so the caller's body stays unread). */
async function errorEnvelope(response: Response): Promise<ErrorResponse | null> {
  if (response.status < 400 || !(response.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    return (await response.clone().json()) as ErrorResponse;
  } catch {
    return null;
  }
}

/** A body the pipeline never read (rejected before that, e.g. by auth), read under the same limit. */
async function unreadBody(request: Request, maxBytes: number | undefined): Promise<unknown> {
  if (!request.body || request.bodyUsed) return null;
  try {
    return parseBody(await readBodyText(request, maxBytes));
  } catch {
    return null;
  }
}

export async function journalEntry(
  request: Request,
  trace: RequestTrace,
  response: Response,
  time: number,
  maxBodyBytes?: number,
): Promise<Omit<JournalEntry, 'seq'>> {
  const body = 'body' in trace ? trace.body : await unreadBody(request, maxBodyBytes);
  const key = bearerKey(request.headers);
  let validation: JournalEntry['validation'] = null;
  if (trace.validated) validation = 'ok';
  else if (trace.scenario === null) validation = (await errorEnvelope(response)) ?? (response.ok ? 'ok' : null);
  return {
    time,
    method: request.method,
    path: new URL(request.url).pathname,
    headers: redactHeaders(request.headers),
    apiKey: key === null ? null : redactKey(key),
    body,
    validation,
    scenario: trace.scenario,
    status: response.status,
  };
}

/**
 * A stream counts as in flight until its body ends, fails or is cancelled: the returned Response
 * calls `release` exactly then. So does a non-streaming answer whose body is played out over time
 * (timing, a queue wait, a fault: a 200 without Content-Length, see serialize/respond.ts). Other
 * bodies are already complete, so they release at once.
 */
export function releaseWhenBodyEnds(response: Response, release: () => void): Response {
  const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  const paced = response.status === 200 && !response.headers.has('content-length');
  if (!(streaming || paced) || !response.body) {
    release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (e) {
        release();
        controller.error(e);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
