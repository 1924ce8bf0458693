// Queued responses: `fake.next(...)` / `POST /__fake/next`. Each valid chat request takes the oldest.
import type { RespondInput } from './respond.js';

/** More than this many waiting responses is surely a test bug; refuse rather than grow forever. */
export const MAX_QUEUED = 10_000;

export class ScenarioQueue {
  private items: RespondInput[] = [];

  push(...responses: RespondInput[]): number {
    if (this.items.length + responses.length > MAX_QUEUED) throw new Error(`at most ${MAX_QUEUED} responses can wait in the queue`);
    this.items.push(...responses);
    return this.items.length;
  }

  shift(): RespondInput | undefined {
    return this.items.shift();
  }

  list(): RespondInput[] {
    return [...this.items];
  }

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items = [];
  }
}
