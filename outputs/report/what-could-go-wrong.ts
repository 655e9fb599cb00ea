import type { TornadoResult } from '../../models/sensitivity/tornado.js';
import type { NumberFormatter } from '../format-numbers.js';
import { inputLabel, inputUnit } from '../inputs/input-labels.js';
import type { RiskFinding, Texts } from '../texts/index.js';
import type { KeyFigures } from './key-figures.js';
import type { ReportRun } from './report-run.js';

/**
 * The report's "what could go wrong": the chance of a loss and the bad tail from the
 * simulation, the assumptions whose bad end hurts most from the tornado, and the strains on
 * the provider and the investors. Each finding is structured; the texts turn it into a sentence.
 */

/** How many tornado drivers the section names. */
export const MAX_DRIVER_FINDINGS = 3;
/** Below this many participants, chance alone is worth a warning. */
export const SMALL_PILOT_PARTICIPANTS = 50;
/** A provider or investor loss is named from this chance on. */
export const PROVIDER_LOSS_CHANCE_SHOWN = 0.1;
export const INVESTOR_LOSS_CHANCE_SHOWN = 0.05;
/** Lapsed payments are named when they exceed this share of the expected outcome payments. */
export const LAPSED_SHARE_SHOWN = 0.01;

export function whatCouldGoWrong(run: ReportRun, figures: KeyFigures, texts: Texts, format: NumberFormatter): RiskFinding[] {
  const findings: RiskFinding[] = [];
  if (figures.chancePaysOff !== null && figures.chancePaysOff < 1)
    findings.push({ kind: 'lossChance', lossChance: format.chance(1 - figures.chancePaysOff), p10: format.euro(figures.netResultP10) });
  findings.push(...driverFindings(run, run.sensitivity, texts, format));
  if (
    figures.lapsedByCapsMean !== null &&
    figures.outcomePaymentsMean !== null &&
    figures.lapsedByCapsMean > LAPSED_SHARE_SHOWN * Math.max(figures.outcomePaymentsMean, 1)
  )
    findings.push({ kind: 'capsBind', lapsed: format.euro(figures.lapsedByCapsMean) });
  if (figures.providerLossChance !== null && figures.providerLossChance >= PROVIDER_LOSS_CHANCE_SHOWN)
    findings.push({ kind: 'providerLoses', chance: format.chance(figures.providerLossChance), medianMargin: format.euro(figures.providerMarginP50) });
  const investor = figures.investor;
  if (investor !== null && investor.lossChance !== null && investor.lossChance >= INVESTOR_LOSS_CHANCE_SHOWN)
    findings.push({ kind: 'investorLoses', chance: format.chance(investor.lossChance), meanLoss: format.euro(investor.lossMean) });
  if (figures.participants !== null && figures.participants < SMALL_PILOT_PARTICIPANTS)
    findings.push({ kind: 'fewParticipants', participants: format.count(figures.participants, 0) });
  return findings;
}

/** The widest tornado bars whose bad end lowers the net result, in order of swing. */
function driverFindings(run: ReportRun, tornado: TornadoResult, texts: Texts, format: NumberFormatter): RiskFinding[] {
  const base = tornado.baseOutput;
  if (base === null) return [];
  const inputBase = new Map(run.evaluation.inputs.map((input) => [input.path, input.base]));
  const findings: RiskFinding[] = [];
  for (const bar of tornado.bars) {
    if (findings.length >= MAX_DRIVER_FINDINGS) break;
    if (bar.outputAtLow === null || bar.outputAtHigh === null || bar.swing === null || bar.swing <= 0) continue;
    const lowIsWorse = bar.outputAtLow <= bar.outputAtHigh;
    const worst = lowIsWorse ? bar.outputAtLow : bar.outputAtHigh;
    if (worst >= base) continue;
    const unit = inputUnit(bar.path);
    findings.push({
      kind: 'driver',
      input: inputLabel(bar.path, run.contract, texts),
      direction: lowIsWorse ? 'lower' : 'higher',
      value: format.byUnit(lowIsWorse ? bar.low : bar.high, unit),
      base: format.byUnit(inputBase.get(bar.path) ?? null, unit),
      drop: format.euro(base - worst),
      result: format.euro(worst),
      turnsNegative: worst < 0 && base >= 0,
    });
  }
  return findings;
}
