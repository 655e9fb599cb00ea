import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  expectedCases,
  expectedOutputs,
  sequenceOutputs,
  type KernelFixture,
} from './kernel-regression-cases.js';

/**
 * The expected values in fixtures/expected-outputs.json come from the contract kernel as it was
 * before its performance rewrite (issue 3): a kernel that tracked every work type and tenure
 * separately and was checked against the closed forms in contract-arithmetic.test.ts. They were
 * written by scripts/generate-kernel-fixture.ts from that unmodified code. The faster kernel must
 * reproduce every expected-rate output: every scalar, yearly series, monthly series and amount due
 * per trigger, for the bench contract, the three presets, two contracts that reach the remaining
 * kernel paths, and a sequence of input vectors evaluated on one workspace.
 *
 * Tolerance: 1e-9 relative, or 1e-6 absolute for values near zero. The rewrite reorders
 * floating-point sums (one tenure vector weighted by type shares instead of four), so bit-for-bit
 * equality is not expected; 1e-9 is far above the rounding of some thousands of additions
 * (~1e-13 relative) and far below any modelling difference.
 */
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE = 1e-6;

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/expected-outputs.json', import.meta.url), 'utf8'),
) as KernelFixture;

/** Paths of the entries that differ beyond the tolerance, with both values. */
function mismatches(actual: unknown, expected: unknown, path: string, found: string[] = []): string[] {
  if (typeof expected === 'number' || expected === null) {
    const ok =
      expected === null
        ? actual === null
        : typeof actual === 'number' &&
          Math.abs(actual - expected) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(expected));
    if (!ok) found.push(`${path}: expected ${expected}, got ${String(actual)}`);
    return found;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      found.push(`${path}: expected ${expected.length} entries, got ${Array.isArray(actual) ? actual.length : typeof actual}`);
      return found;
    }
    expected.forEach((value, i) => mismatches(actual[i], value, `${path}[${i}]`, found));
    return found;
  }
  const expectedRecord = expected as Record<string, unknown>;
  const actualRecord = (actual ?? {}) as Record<string, unknown>;
  expect(Object.keys(actualRecord).sort(), `${path} keys`).toEqual(Object.keys(expectedRecord).sort());
  for (const key of Object.keys(expectedRecord)) mismatches(actualRecord[key], expectedRecord[key], `${path}.${key}`, found);
  return found;
}

describe('the contract kernel reproduces the pre-optimisation expected-rate outputs', () => {
  it('covers every case the fixture holds', () => {
    expect(expectedCases().map((c) => c.name).sort()).toEqual(Object.keys(fixture.cases).sort());
  });

  for (const { name, contract } of expectedCases()) {
    it(`reproduces every scalar, yearly, monthly and per-trigger output of the ${name}`, () => {
      expect(mismatches(expectedOutputs(contract), fixture.cases[name], name)).toEqual([]);
    });
  }

  it('reproduces a sequence of input vectors evaluated one after the other on one workspace', () => {
    expect(mismatches(sequenceOutputs(), fixture.sequence, 'sequence')).toEqual([]);
  });
});
