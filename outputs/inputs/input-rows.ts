import type { Contract } from '../../models/contract/index.js';
import { compileDistribution, type Distribution } from '../../models/distributions/index.js';
import type { ModelInput } from '../../models/simulation/model.js';
import { numberFormatter } from '../format-numbers.js';
import type { Texts } from '../texts/index.js';
import { describeDistribution } from './describe-distribution.js';
import { capitalise, inputLabel, inputUnit, type InputUnit } from './input-labels.js';
import { inputSource } from './input-sources.js';

/** One model input as the inputs sheet and the report's assumptions table show it. */
export interface InputRow {
  path: string;
  label: string;
  unit: InputUnit;
  /** The value a deterministic evaluation uses: the number, or the distribution's mean. */
  base: number;
  uncertain: boolean;
  distribution: string;
  /** The distribution's own P10 and P90; null for a plain number. */
  p10: number | null;
  p90: number | null;
  source: string;
}

const LOW_QUANTILE = 0.1;
const HIGH_QUANTILE = 0.9;

/** How a model names its inputs: the unit, the label in words and the source of each, by path. */
export interface InputDescriber {
  unit(path: string): InputUnit;
  label(path: string): string;
  source(path: string, base: number, distribution: Distribution | null): string;
}

/** Every input of a compiled model as a row, in the words `describe` gives (contract or fund). */
export function describeInputs(inputs: ReadonlyArray<ModelInput>, describe: InputDescriber, texts: Texts): InputRow[] {
  const format = numberFormatter(texts);
  return inputs.map((input) => {
    const unit = describe.unit(input.path);
    const compiled = input.distribution === null ? null : compileDistribution(input.distribution);
    return {
      path: input.path,
      label: capitalise(describe.label(input.path)),
      unit,
      base: input.base,
      uncertain: input.distribution !== null,
      distribution: describeDistribution(input.distribution, unit, format, texts),
      p10: compiled === null ? null : compiled.quantile(LOW_QUANTILE),
      p90: compiled === null ? null : compiled.quantile(HIGH_QUANTILE),
      source: describe.source(input.path, input.base, input.distribution),
    };
  });
}

/** Every input of a compiled model, labelled from the contract when there is one. */
export function inputRows(inputs: ReadonlyArray<ModelInput>, contract: Contract | undefined, texts: Texts): InputRow[] {
  return describeInputs(
    inputs,
    { unit: inputUnit, label: (path) => inputLabel(path, contract, texts), source: (path, base, distribution) => inputSource(path, base, distribution, texts) },
    texts,
  );
}
