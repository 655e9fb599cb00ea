import { describe, expect, it } from 'vitest';
import { SplitMix32, mix32 } from '../../models/random/index.js';

describe('mix32 (MurmurHash3 fmix32)', () => {
  it('matches fmix32 computed independently in Python', () => {
    // Python, on unbounded integers masked to 32 bits, following MurmurHash3_x86_32's fmix32.
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).toBe(0x514e28b7);
    expect(mix32(2)).toBe(0x30f4c306);
    expect(mix32(0xdeadbeef)).toBe(0x0de5c6a9);
    expect(mix32(0xffffffff)).toBe(0x81f16f39);
  });

  it('treats a negative integer as the 32-bit word with the same bits', () => {
    expect(mix32(-1)).toBe(mix32(0xffffffff));
  });
});

describe('SplitMix32', () => {
  it('produces the Weyl-sequence hashes computed independently in Python', () => {
    // Python: counter += 0x9e3779b9 (mod 2^32), output fmix32(counter), from seed 0.
    const splitMix = new SplitMix32(0);
    expect([splitMix.nextUint32(), splitMix.nextUint32(), splitMix.nextUint32(), splitMix.nextUint32()]).toEqual([
      2462723854, 1020716019, 454327756, 1275600319,
    ]);
  });
});
