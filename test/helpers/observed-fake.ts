// A fake whose response bodies are watched from outside: how many pieces the core has produced and
// whether (and why) its stream was cancelled. Everything else is the real fake. Browser-safe: the
// msw browser page bundles it too.
import type { Fake } from '../../src/core/fake.js';

export interface Observed {
  pulled: number;
  /** The cancel reason once the core's stream was cancelled (`'cancelled'` when none was given). */
  cancelled: unknown;
}

export function observeFake(core: Fake): { fake: Fake; observed: Observed } {
  const observed: Observed = { pulled: 0, cancelled: undefined };
  const fake: Fake = {
    ...core,
    async handle(request, init) {
      const response = await core.handle(request, init);
      if (!response.body) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          observed.pulled++;
          controller.enqueue(value);
        },
        cancel(reason) {
          observed.cancelled = reason ?? 'cancelled';
          return reader.cancel(reason);
        },
      });
      return new Response(body, response);
    },
  };
  return { fake, observed };
}
