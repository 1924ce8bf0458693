// The faker instances the generator uses, English and Chinese, re-seeded from the request's Rng before
// each use. Faker's own Mersenne Twister keeps its 624 states in a plain array of doubles, so each
// `seed()` (init + twist) cost ~20 µs, a seventh of a request. This is the same MT19937 (same init,
// twist, tempering and 53-bit floats, so the same words for a seed: seeded-faker.test.ts compares)
// on an Int32Array: bit operations wrap modulo 2^32 either way, so storing wrapped values is exact.
//
// Imported from the per-locale entries: the root entry builds ~70 locales (~110 ms of start-up CPU).
import type { Faker, Randomizer } from '@faker-js/faker';
import { faker as stockEN } from '@faker-js/faker/locale/en';
import { faker as stockZH_CN } from '@faker-js/faker/locale/zh_CN';

const N = 624;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX = 2567483615;

/** MT19937 as faker's `generateMersenne53Randomizer` computes it. Number seeds only (all we pass). */
export function mersenneRandomizer(initialSeed = 0): Randomizer {
  const state = new Int32Array(N);
  let index = 0;
  const twist = (): void => {
    for (let t = 0; t !== N - 397; ++t) {
      const y = (state[t]! & UPPER) + (state[t + 1]! & LOWER);
      state[t] = state[t + 397]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX);
    }
    for (let t = N - 397; t !== N - 1; ++t) {
      const y = (state[t]! & UPPER) + (state[t + 1]! & LOWER);
      state[t] = state[t + 397 - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX);
    }
    const y = (state[N - 1]! & UPPER) + (state[0]! & LOWER);
    state[N - 1] = state[396]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX);
  };
  const nextU32 = (): number => {
    let e = state[index]!;
    e ^= e >>> 11;
    e ^= (e << 7) & 2636928640;
    e ^= (e << 15) & 4022730752;
    e ^= e >>> 18;
    if (++index >= N) {
      twist();
      index = 0;
    }
    return e >>> 0;
  };
  const seed = (value: number | number[]): void => {
    if (typeof value !== 'number') throw new TypeError('mersenneRandomizer takes number seeds only');
    state[0] = value;
    for (let i = 1; i !== N; ++i) {
      const prev = state[i - 1]! ^ (state[i - 1]! >>> 30);
      state[i] = Math.trunc(Math.imul(1812433253, prev) + i);
    }
    twist();
    index = 0;
  };
  seed(initialSeed);
  return {
    seed,
    next: () => ((nextU32() >>> 5) * 67108864 + (nextU32() >>> 6)) * 11102230246251565e-32,
  };
}

// The per-locale entries export instances, not the class; their constructor is faker's `Faker`.
const FakerClass = stockEN.constructor as new (options: { locale: Faker['rawDefinitions']; randomizer: Randomizer }) => Faker;

export const fakerEN: Faker = new FakerClass({ locale: stockEN.rawDefinitions, randomizer: mersenneRandomizer() });
export const fakerZH_CN: Faker = new FakerClass({ locale: stockZH_CN.rawDefinitions, randomizer: mersenneRandomizer() });
