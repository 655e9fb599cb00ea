/**
 * Writes tests/contract/fixtures/expected-outputs.json: the expected-rate outputs of the contracts
 * in tests/contract/kernel-regression-cases.ts. The committed file was written by the contract
 * kernel before its performance rewrite (issue 3); regenerate it only when a model change is meant
 * to change results, and say so in the commit.
 *
 *   npx tsx scripts/generate-kernel-fixture.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import {
  expectedCases,
  expectedOutputs,
  sequenceOutputs,
  type KernelFixture,
} from '../tests/contract/kernel-regression-cases.js';

const fixturePath = new URL('../tests/contract/fixtures/expected-outputs.json', import.meta.url);

const fixture: KernelFixture = {
  note: 'Expected-rate outputs of the contract kernel; see tests/contract/kernel-regression.test.ts.',
  cases: Object.fromEntries(expectedCases().map(({ name, contract }) => [name, expectedOutputs(contract)])),
  sequence: sequenceOutputs(),
};

await mkdir(new URL('.', fixturePath), { recursive: true });
await writeFile(fixturePath, JSON.stringify(fixture) + '\n');
console.log(`wrote ${fixturePath.pathname}`);
