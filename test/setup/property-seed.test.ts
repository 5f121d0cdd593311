// The suite-wide property seed: fixed unless PROPERTY_SEED says otherwise, and applied to fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_SEED, propertySeed } from './property-seed.js';

describe('the property seed', () => {
  it('is fixed by default and taken from PROPERTY_SEED when set', () => {
    expect(propertySeed(undefined)).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed(' ')).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed('1234')).toBe(1234);
    expect(() => propertySeed('abc')).toThrow('PROPERTY_SEED must be an integer or "random", not "abc"');
  });

  it('is the one fast-check uses when a test does not name its own', () => {
    const expected = propertySeed(process.env['PROPERTY_SEED']);
    expect(fc.readConfigureGlobal().seed).toBe(expected);
    const first = fc.sample(fc.integer(), 5);
    expect(fc.sample(fc.integer(), { numRuns: 5, seed: expected })).toEqual(first);
  });
});
