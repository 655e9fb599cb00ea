import type { Contract } from '../../models/contract/index.js';
import type { Texts } from '../texts/index.js';
import { inputUnit, isProbabilityLike, pathTemplate, type InputUnit } from './input-units.js';

export { inputUnit, isProbabilityLike, pathTemplate, type InputUnit };

/**
 * A person's name and unit for a model input given by its path
 * (`profiles[0].programme.monthlyJobEntryRate` becomes "kans op werk per maand in het programma
 * (alleenstaand)", a monthly rate). Paths of other models keep their path as label.
 */



function pathIndices(path: string): number[] {
  return [...path.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
}



export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** The label in lower case, to sit inside a sentence; `capitalise` it for a table. */
export function inputLabel(path: string, contract: Contract | undefined, texts: Texts): string {
  const template = texts.inputs[pathTemplate(path)];
  if (template === undefined || contract === undefined) return path;
  const [first, second] = pathIndices(path);
  const profile = contract.profiles[first];
  const trigger = contract.payment.triggers[first];
  const values: Record<string, string> = {
    profile: profile ? (profile.label ?? profile.id) : String(first),
    trigger: trigger ? trigger.id : String(first),
    from: String(contract.work.fallbackHazard[first]?.fromMonthsInWork ?? first),
    band: bandStart(contract, first, second),
    effect: effectName(contract, first),
    payer: payerName(contract, first),
    outcome: outcomeName(contract, first),
    holder: contract.outcomes?.[first]?.values[second ?? 0]?.holder ?? '',
  };
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

function bandStart(contract: Contract, triggerIndex: number, bandIndex: number | undefined): string {
  const trigger = contract.payment.triggers[triggerIndex];
  if (bandIndex === undefined || trigger === undefined || !('price' in trigger)) return String(bandIndex ?? '');
  const price = trigger.price;
  if (typeof price === 'object' && price !== null && 'bands' in price) return String(price.bands[bandIndex]?.minMonthsOnBenefit ?? bandIndex);
  return String(bandIndex);
}

function effectName(contract: Contract, index: number): string {
  const effect = contract.budgetHolders?.effects[index];
  return effect === undefined ? String(index) : (effect.label ?? `${effect.id}, ${effect.holder}`);
}

function payerName(contract: Contract, index: number): string {
  const payer = contract.funding?.payers[index];
  return payer === undefined ? String(index) : (payer.label ?? payer.holder);
}

function outcomeName(contract: Contract, index: number): string {
  const outcome = contract.outcomes?.[index];
  return outcome === undefined ? String(index) : (outcome.label ?? outcome.id);
}
