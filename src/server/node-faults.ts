// Node-only half of the stream faults. The core says "reset" with Response.error() and "drop the
// connection" by ending a body with SimulatedDisconnect; on a real socket both must become TCP
// events, or @hono/node-server would answer 500 / log a server error instead.
import type { Socket } from 'node:net';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { SimulatedDisconnect } from '../serialize/stream-writer.js';

/** The part of node-server's bindings (HTTP/1 or HTTP/2) this needs. */
export interface NodeBindings {
  incoming: { socket: Socket | { destroy(): void } };
  outgoing: { destroy(): void; socket?: { end(): unknown } | null };
}

export function applyNodeFaults(request: Request, res: Response, env: NodeBindings): Response {
  if (res.type === 'error') {
    // RST before any byte: the client's fetch fails with ECONNRESET.
    const socket = env.incoming.socket;
    if ('resetAndDestroy' in socket) socket.resetAndDestroy();
    else socket.destroy();
    return RESPONSE_ALREADY_SENT;
  }
  // Only chat answers the fake streams (SSE, or JSON held back by a wait or fault) can carry a
  // disconnect; plain JSON answers come with a Content-Length and keep node-server's fast path.
  if (request.method !== 'POST' || res.status !== 200 || !res.body || res.headers.has('content-length')) return res;
  const reader = res.body.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (e) {
          if (!(e instanceof SimulatedDisconnect)) return controller.error(e);
          // Close the socket mid-body (no terminating chunk): the client's read fails. end(), not
          // destroy(): the frames already written must still reach the client. node-server then
          // cancels this stream on the socket's 'close', which ends it quietly.
          const socket = env.outgoing.socket;
          if (socket) socket.end();
          else env.outgoing.destroy();
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
