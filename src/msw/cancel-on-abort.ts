// msw hands a mocked Response straight to the caller, so aborting the fetch does not reach the body:
// the client could keep reading and the fake would keep producing. This ties the body to the
// request's signal, as a real network fetch behaves: on abort the client's reads fail with the
// abort reason and the core's stream is cancelled (its timers and generation stop).

export function cancelOnAbort(response: Response, request: Request): Response {
  const source = response.body;
  if (!source) return response;
  // Reading request.signal through `request` keeps the Request alive for as long as the body is:
  // undici's cloned requests follow the caller's signal only while they are reachable.
  if (request.signal.aborted) {
    void source.cancel(request.signal.reason).catch(() => {});
    return response;
  }
  const reader = source.getReader();
  let finished = false;
  let onAbort = (): void => {};
  const stop = () => {
    finished = true;
    request.signal.removeEventListener('abort', onAbort);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        if (finished) return;
        stop();
        controller.error(request.signal.reason);
        reader.cancel(request.signal.reason).catch(() => {});
      };
      request.signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (!finished) {
          stop();
          controller.error(error);
        }
        return;
      }
      if (finished) return;
      if (chunk.done) {
        stop();
        controller.close();
      } else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      stop();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
