// msw (2.15, Node) clones every mocked Response for its `response:mocked` event, which tees the body.
// A tee'd branch's cancel() settles only once the other branch is cancelled too, and nobody reads or
// cancels msw's copy, so a client that cancels an unread body waits forever: the openai SDK does
// that before every retry (a 429 or 5xx with its default retries) and on `break` out of a stream.
// Cancelling msw's copy of the fake's answers as soon as it exists lets those cancels settle (and
// stops the copy from buffering a whole stream). Runtime-neutral: it only talks to msw's event API.

/** What is needed of `setupServer()` / `setupWorker()`: their life-cycle events. */
export interface MswLifeCycle {
  events: {
    on(event: 'response:mocked', listener: (args: { response: Response; request: Request }) => void): void;
  };
}

/**
 * Cancels msw's unread copy of each response the given requests were answered with. `answered`
 * tells which requests are the fake's, so copies other handlers' listeners may read are left alone.
 */
export function releaseBodyCopies(server: MswLifeCycle, answered: (request: Request) => boolean): void {
  server.events.on('response:mocked', ({ response, request }) => {
    if (!answered(request) || !response.body || response.bodyUsed) return;
    // A listener of the user's that locked the copy first keeps it; then its read ends the tee.
    if (response.body.locked) return;
    response.body.cancel().catch(() => {});
  });
}
