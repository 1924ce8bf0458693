// The fast Mersenne Twister must give exactly faker's numbers and words for every seed, or seeded
// answers would change.
import fc from 'fast-check';
import { faker as stockEN } from '@faker-js/faker/locale/en';
import { faker as stockZH_CN } from '@faker-js/faker/locale/zh_CN';
import { describe, expect, it } from 'vitest';
import { fakerEN, fakerZH_CN } from './seeded-faker.js';

const sample = (f: typeof stockEN) => [f.hacker.phrase(), f.company.catchPhrase(), f.word.noun(), f.internet.email(), f.location.city(), ...Array.from({ length: 700 }, () => f.number.float())];

describe('seeded faker', () => {
  it('gives faker’s own values for any 32-bit seed, past a twist of the state (700 floats)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (seed) => {
        stockEN.seed(seed);
        fakerEN.seed(seed);
        expect(sample(fakerEN)).toEqual(sample(stockEN));
        stockZH_CN.seed(seed);
        fakerZH_CN.seed(seed);
        expect(sample(fakerZH_CN)).toEqual(sample(stockZH_CN));
      }),
      { numRuns: 300 },
    );
  });

  it('is its own instance: seeding the stock faker does not move it', () => {
    fakerEN.seed(7);
    const a = fakerEN.word.noun();
    fakerEN.seed(7);
    stockEN.seed(99);
    stockEN.word.noun();
    expect(fakerEN.word.noun()).toBe(a);
  });
});
