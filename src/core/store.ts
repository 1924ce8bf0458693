// All mutable state of one fake lives here, never in module globals, so two fakes in one
// process never see each other. Features add their own fields (journal, queue, cache, limits).
export class FakeStore {
  /** Requests handled so far, for `nth` matching and ids. */
  requestCount = 0;

  /** Forget everything (between tests). */
  reset(): void {
    this.requestCount = 0;
  }
}
