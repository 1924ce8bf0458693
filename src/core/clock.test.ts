import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.js';

describe('VirtualClock', () => {
  it('wakes sleepers in deadline order as time advances, and only then', async () => {
    const clock = new VirtualClock(1000);
    const woke: string[] = [];
    void clock.sleep(300).then(() => woke.push(`b@${clock.now()}`));
    void clock.sleep(100).then(() => woke.push(`a@${clock.now()}`));
    await clock.advance(50);
    expect(woke).toEqual([]);
    expect(clock.pending).toBe(2);
    await clock.advance(1000);
    expect(woke).toEqual(['a@1100', 'b@1300']);
    expect(clock.now()).toBe(2050);
    expect(clock.pending).toBe(0);
    expect(clock.sleeps).toBe(2);
    expect(clock.sleptMs).toBe(400);
  });

  it('an abort rejects the sleep and forgets it', async () => {
    const clock = new VirtualClock();
    const ac = new AbortController();
    const slept = clock.sleep(100, ac.signal);
    ac.abort(new Error('gone'));
    await expect(slept).rejects.toThrow('gone');
    expect(clock.pending).toBe(0);
    await expect(clock.sleep(1, ac.signal)).rejects.toThrow('gone');
  });

  it('runAll follows chains of sleeps to the end', async () => {
    const clock = new VirtualClock();
    let laps = 0;
    const loop = (async () => {
      for (let i = 0; i < 5; i++) {
        await clock.sleep(10);
        laps++;
      }
    })();
    expect(await clock.runAll()).toBe(5);
    await loop;
    expect(laps).toBe(5);
    expect(clock.now()).toBe(50);
  });
});
