import type { BudgetEffectInput as BudgetEffect } from '../models/contract/budget-holders/index.js';
import { estimate, type PertEstimate, type Range } from './figures.js';

/**
 * Default values per budget holder (issue 17): what a month in work of a participant brings each
 * budget beyond the municipality's benefit, administration and loonkostensubsidie (which the
 * contract model computes itself). Each is a PERT with its source, year and range; the README
 * lists them. All are per month in work at about the minimum wage of 2024 (EUR 13.27 an hour, 36
 * hours a week: about EUR 2,070 gross a month). The benefit is counted net, as the contract model
 * does, so the tax and contributions the municipality pays on top of a net benefit are left out on
 * both sides. These are rough guides for a single person; replace them with local figures.
 */
export interface BudgetFigure {
  id: string;
  label: string;
  holder: BudgetEffect['holder'];
  cash: boolean;
  fullTime: Range;
  /** Part-time work: assumed half the hours, so half the amount (rounded). */
  partTime: Range;
  source: string;
}

const half = (r: Range): Range => ({ low: Math.round(r.low / 2), likely: Math.round(r.likely / 2), high: Math.round(r.high / 2) });
const WAGE = 'wettelijk minimumloon 2024 (EUR 13,27 per uur, 36 uur: circa EUR 2.070 bruto per maand)';

const uwv: Range = { low: 150, likely: 200, high: 290 };
const zvw: Range = { low: 120, likely: 136, high: 155 };
const tax: Range = { low: 60, likely: 120, high: 200 };
const allowances: Range = { low: 0, likely: 50, high: 150 };
const income: Range = { low: 300, likely: 650, high: 850 };
const wellbeing: Range = { low: 250, likely: 600, high: 1_200 };
const debt: Range = { low: 0, likely: 10, high: 40 };

export const BUDGET_FIGURES: readonly BudgetFigure[] = [
  {
    id: 'uwvPremies',
    label: 'Werknemersverzekeringen (WW, WIA): premie-inkomsten',
    holder: 'uwv',
    cash: true,
    fullTime: uwv,
    partTime: half(uwv),
    source:
      `Belastingdienst, premiepercentages werknemersverzekeringen 2024: Awf 2,64% (vast contract) tot 7,64% (flexibel), Aof-basispremie 6,18%, samen 8,82% tot 13,82% van het ${WAGE}: EUR 183 tot 286 per maand. ` +
      'Bandbreedte EUR 150 tot 290, meest waarschijnlijk 200 (meestal een vast contract); minder uren verlagen het bedrag. Whk-premie niet meegeteld. Deeltijd: de helft.',
  },
  {
    id: 'zvwBijdrage',
    label: 'Zorgverzekeringswet: werkgeversheffing naar het Zorgverzekeringsfonds',
    holder: 'zorgverzekeraars',
    cash: true,
    fullTime: zvw,
    partTime: half(zvw),
    source:
      `Belastingdienst, werkgeversheffing Zvw 2024: 6,57% van het loon; over het ${WAGE} circa EUR 136 per maand. Bandbreedte EUR 120 tot 155 (32 tot 40 uur, loon iets boven het minimum). ` +
      'Gaat naar het Zorgverzekeringsfonds, waaruit de zorgverzekeraars hun vereveningsbijdrage krijgen. Deeltijd: de helft.',
  },
  {
    id: 'loonheffing',
    label: 'Loonbelasting en premies volksverzekeringen (na heffingskortingen)',
    holder: 'rijk',
    cash: true,
    fullTime: tax,
    partTime: half(tax),
    source:
      `Eigen berekening met de tarieven 2024: ${WAGE}, met vakantiegeld circa EUR 26.800 per jaar; 36,97% in de eerste schijf is EUR 9.900, min algemene heffingskorting (circa EUR 3.230) en arbeidskorting (circa EUR 5.200): circa EUR 1.470 per jaar, EUR 120 per maand. ` +
      'Bandbreedte EUR 60 tot 200 (minder uren, of loon boven het minimum). Ruwe richtwaarde. Deeltijd: de helft.',
  },
  {
    id: 'toeslagen',
    label: 'Lagere huurtoeslag en zorgtoeslag',
    holder: 'rijk',
    cash: true,
    fullTime: allowances,
    partTime: half(allowances),
    source:
      'Aanname op basis van de rekenregels van Dienst Toeslagen 2024: met een loon op minimumniveau in plaats van een bijstandsuitkering dalen huurtoeslag en zorgtoeslag; alleen voor wie huurtoeslag ontvangt merkbaar. ' +
      'EUR 0 tot 150 per maand, meest waarschijnlijk 50; geen landelijk bedrag per maand werk gepubliceerd. Deeltijd: de helft.',
  },
  {
    id: 'nettoInkomen',
    label: 'Hoger netto inkomen van de deelnemer',
    holder: 'deelnemer',
    cash: true,
    fullTime: income,
    partTime: { low: 100, likely: 250, high: 400 },
    source:
      `Eigen berekening 2024: netto loon op het ${WAGE} met vakantiegeld circa EUR 2.100 per maand, tegen de bijstandsnorm voor een alleenstaande van EUR 1.283,83 (1 januari 2024) en minder toeslagen: circa EUR 650 per maand. ` +
      'Bandbreedte EUR 300 tot 850 (paren, kosten van werk, gemeentelijke minimaregelingen die vervallen: de armoedeval). Deeltijd aangenomen: EUR 100 tot 400, meest waarschijnlijk 250, omdat de uitkering deels blijft.',
  },
  {
    id: 'welzijn',
    label: 'Welzijn van de deelnemer (niet in geld)',
    holder: 'deelnemer',
    cash: false,
    fullTime: wellbeing,
    partTime: half(wellbeing),
    source:
      'Aanname: werk verhoogt de levenstevredenheid met circa 0,3 tot 0,8 punt op een schaal van 0 tot 10; gewaardeerd met de WELLBY-waarde uit de HM Treasury Wellbeing Guidance for Appraisal (2021): GBP 13.000 per punt per jaar (bandbreedte 10.000 tot 16.000, prijzen 2019), omgerekend circa EUR 12.000 tot 18.000. ' +
      'Dat geeft EUR 250 tot 1.200 per maand, meest waarschijnlijk 600. Geen geld: alleen in het MKBA-overzicht, apart van de kasstromen (CPB/PBL, Algemene leidraad MKBA, 2013). Deeltijd: de helft.',
  },
  {
    id: 'schuldhulp',
    label: 'Minder beroep op schuldhulpverlening',
    holder: 'gemeenteSchuldhulpverlening',
    cash: true,
    fullTime: debt,
    partTime: half(debt),
    source:
      'Aanname zonder landelijke bron per maand werk: een vast inkomen verkleint de kans op een schuldhulptraject; EUR 0 tot 40 per maand, meest waarschijnlijk 10. Zet op 0 of vervang door een lokaal cijfer.',
  },
];

function effect(figure: BudgetFigure, basis: 'monthInWorkFullTime' | 'monthInWorkPartTime'): BudgetEffect {
  const range = basis === 'monthInWorkFullTime' ? figure.fullTime : figure.partTime;
  const amount: PertEstimate = estimate(range, figure.source);
  return {
    id: `${figure.id}${basis === 'monthInWorkFullTime' ? 'Voltijd' : 'Deeltijd'}`,
    label: `${figure.label} (${basis === 'monthInWorkFullTime' ? 'voltijd' : 'deeltijd'})`,
    holder: figure.holder,
    basis,
    amount,
    cash: figure.cash,
    indexedWith: 'benefits',
  };
}

/** The default effects as a contract's budgetHolders.effects: each figure for full-time and for part-time months in work. */
export function defaultBudgetEffects(): BudgetEffect[] {
  return BUDGET_FIGURES.flatMap((figure) => [effect(figure, 'monthInWorkFullTime'), effect(figure, 'monthInWorkPartTime')]);
}

export const BUDGET_SOURCES = {
  premies: { label: 'Belastingdienst: premiepercentages werknemersverzekeringen en werkgeversheffing Zvw 2024; wettelijk minimumloon 2024' },
  belasting: { label: 'Belastingdienst: tarieven en heffingskortingen 2024 (eigen berekening); Dienst Toeslagen, rekenregels 2024' },
  wellby: { label: 'HM Treasury (2021), Wellbeing Guidance for Appraisal: WELLBY GBP 13.000 (10.000 tot 16.000)' },
  leidraad: { label: 'CPB/PBL (2013), Algemene leidraad voor maatschappelijke kosten-batenanalyse' },
} as const;
