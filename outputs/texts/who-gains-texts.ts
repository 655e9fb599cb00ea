import type { Language } from './texts.js';

/**
 * Words for the who-gains views (issue 17) in each language: budgets, parties, MKBA perspectives,
 * headings and the sentences that explain them. Kept apart from the main texts so the report, the
 * workbook and the page share one set.
 */
export interface WhoGainsTexts {
  heading: string;
  intro: string;
  holders: Record<string, string>;
  parties: Record<string, string>;
  perspectives: Record<string, string>;
  columns: {
    budget: string;
    party: string;
    gains: string;
    costs: string;
    net: string;
    netMean: string;
    netP10: string;
    netP90: string;
    flowBack: string;
    payer: string;
    pays: string;
    payerNet: string;
    peakYear: string;
    lossChance: string;
    municipality: string;
    participants: string;
    savings: string;
    perspective: string;
    cash: string;
    cashMean: string;
    nonCash: string;
    line: string;
    total: string;
  };
  /** Labels of the lines the model computes itself, by kind; payments name their payer. */
  lines: { avoidedBenefit: string; loonkostensubsidie: string; avoidedAdministration: string; payerOwnCosts: string; payments: (payer: string) => string };
  sheets: { budgets: string; payers: string; municipalities: string; mkba: string; lines: string };
  payersHeading: string;
  municipalitiesHeading: string;
  mkbaHeading: string;
  mkbaNote: string;
  flowBackNote: string;
  /** The contract builder's section. */
  builder: {
    section: string;
    intro: string;
    useDefaults: string;
    perMonthInWork: (label: string) => string;
    useProvince: string;
    shareOf: (payer: string) => string;
    useRegion: string;
    regionHint: string;
    municipality: (n: number) => string;
    addMunicipality: string;
    livesIn: (profile: string) => string;
    outcomesSection: string;
    outcomesIntro: string;
    outcome: (n: number) => string;
    addOutcome: string;
    value: (n: number) => string;
    addValue: string;
    remove: string;
  };
}

const nl: WhoGainsTexts = {
  heading: 'Wie betaalt en wie wint',
  intro:
    'Per budget wat het programma oplevert of kost, toerekenbaar (met programma min zonder) en in nominale euro\'s over de looptijd; de verwachte uitkomst, met het gemiddelde en de 10%- en 90%-grens uit de simulatie waar die er is. Bedragen per maand werk komen uit de bronnen bij de invoer.',
  holders: {
    gemeenteInkomensdeel: 'Gemeente: inkomensdeel (bijstand en loonkostensubsidie)',
    gemeenteParticipatiebudget: 'Gemeente: participatiebudget',
    gemeenteUitvoering: 'Gemeente: uitvoering en contractbeheer',
    gemeenteSchuldhulpverlening: 'Gemeente: schuldhulpverlening',
    gemeenteJeugdzorg: 'Gemeente: jeugdzorg',
    gemeenteWmo: 'Gemeente: Wmo',
    rijk: 'Rijk: belastingen, premies volksverzekeringen en toeslagen',
    uwv: 'UWV: premies werknemersverzekeringen',
    zorgverzekeraars: 'Zorgverzekeraars en Zorgverzekeringsfonds',
    provincie: 'Provincie',
    fonds: 'Fonds of stichting',
    deelnemer: 'Deelnemer: netto inkomen',
  },
  parties: { gemeente: 'Gemeente', rijk: 'Rijk', uwv: 'UWV', zorgverzekeraars: 'Zorgverzekeraars', provincie: 'Provincie', fonds: 'Fonds', deelnemer: 'Deelnemer' },
  perspectives: {
    participant: 'Deelnemer',
    municipality: 'Gemeente',
    otherGovernment: 'Overige overheid',
    others: 'Overigen (aanbieder, investeerders, fondsen)',
    society: 'Samenleving',
  },
  columns: {
    budget: 'Budget',
    party: 'Partij',
    gains: 'Wint',
    costs: 'Betaalt',
    net: 'Saldo (verwacht)',
    netMean: 'Saldo: gemiddelde',
    netP10: 'Saldo: 10%-grens',
    netP90: 'Saldo: 90%-grens',
    flowBack: 'Terugvloeiing',
    payer: 'Betaler',
    pays: 'Betaalt aan resultaat',
    payerNet: 'Eigen saldo',
    peakYear: 'Hoogste jaarbedrag',
    lossChance: 'Kans op verlies',
    municipality: 'Gemeente',
    participants: 'Deelnemers',
    savings: 'Besparing',
    perspective: 'Perspectief',
    cash: 'In geld (contante waarde)',
    cashMean: 'In geld: gemiddelde simulatie',
    nonCash: 'Niet in geld (contante waarde)',
    line: 'Post',
    total: 'Totaal',
  },
  lines: {
    avoidedBenefit: 'Bijstand bespaard (toerekenbaar)',
    loonkostensubsidie: 'Loonkostensubsidie (toerekenbaar)',
    avoidedAdministration: 'Uitvoeringskosten bespaard (toerekenbaar)',
    payerOwnCosts: 'Eigen kosten van de gemeente',
    payments: (payer) => `Resultaatbetalingen, betaald door ${payer}`,
  },
  sheets: { budgets: 'Wie wint', payers: 'Betalers', municipalities: 'Gemeenten', mkba: 'MKBA', lines: 'Wie wint per post' },
  payersHeading: 'Betalers van de resultaatbetalingen',
  municipalitiesHeading: 'Per gemeente in de regio',
  mkbaHeading: 'Maatschappelijke kosten en baten per perspectief',
  mkbaNote:
    'Contante waarde tegen de discontovoet van het contract. Betalingen tussen partijen vallen in de samenleving tegen elkaar weg. Niet-geldelijke waarden (welzijn) staan apart en zijn nooit opgeteld bij de bedragen in geld.',
  flowBackNote: 'Terugvloeiing: het deel van de besparing van alle overheden en fondsen samen dat bij deze partij terechtkomt (de deelnemer telt niet mee).',
  builder: {
    section: 'Wie wint (budgethouders en betalers)',
    intro:
      'Laat zien waar de besparing terechtkomt: bij de gemeente per budget, het Rijk, UWV, de zorgverzekeraars en de deelnemer. De standaardwaarden zijn ruwe richtwaarden voor 2024 met bron en bandbreedte; vervang ze door eigen cijfers.',
    useDefaults: 'Toon wie wint, met de standaardwaarden per budget',
    perMonthInWork: (label) => `${label}, per maand voltijds werk`,
    useProvince: 'De provincie betaalt mee aan de resultaatbetalingen',
    shareOf: (payer) => `Aandeel van ${payer} in elke betaling`,
    useRegion: 'Een regionaal contract van meer gemeenten',
    regionHint: 'Elke gemeente betaalt en bespaart voor haar eigen inwoners. Geef elke doelgroep de gemeente waar zij woont; een gemeente met een eigen uitkeringsniveau of instroom krijgt een eigen doelgroep.',
    municipality: (n) => `Gemeente ${n}`,
    addMunicipality: 'Gemeente toevoegen',
    livesIn: (profile) => `${profile} woont in`,
    outcomesSection: 'Resultaten buiten werk',
    outcomesIntro: 'Bijvoorbeeld schulden opgelost of jeugdzorg beëindigd: per maand een kans met en zonder programma, en wat het elke budgethouder oplevert. Een betaalprikkel van de soort "resultaat buiten werk" kan ervoor betalen.',
    outcome: (n) => `Resultaat ${n}`,
    addOutcome: 'Resultaat toevoegen',
    value: (n) => `Waarde ${n}`,
    addValue: 'Waarde toevoegen',
    remove: 'Verwijderen',
  },
};

const en: WhoGainsTexts = {
  heading: 'Who pays and who gains',
  intro:
    'Per budget what the programme brings or costs, attributable (with the programme minus without) and in nominal euros over the horizon; the expected result, with the mean and the 10% and 90% bounds from the simulation where it ran. Amounts per month in work come from the sources listed with the inputs.',
  holders: {
    gemeenteInkomensdeel: 'Municipality: inkomensdeel (bijstand and wage-cost subsidy)',
    gemeenteParticipatiebudget: 'Municipality: participation budget',
    gemeenteUitvoering: 'Municipality: administration and contract management',
    gemeenteSchuldhulpverlening: 'Municipality: debt counselling',
    gemeenteJeugdzorg: 'Municipality: youth care',
    gemeenteWmo: 'Municipality: social support (Wmo)',
    rijk: 'State: taxes, national insurance and allowances',
    uwv: 'UWV: employee-insurance premiums',
    zorgverzekeraars: 'Health insurers and the Health Insurance Fund',
    provincie: 'Province',
    fonds: 'Fund or foundation',
    deelnemer: 'Participant: net income',
  },
  parties: { gemeente: 'Municipality', rijk: 'State', uwv: 'UWV', zorgverzekeraars: 'Health insurers', provincie: 'Province', fonds: 'Fund', deelnemer: 'Participant' },
  perspectives: {
    participant: 'Participant',
    municipality: 'Municipality',
    otherGovernment: 'Other government',
    others: 'Others (provider, investors, funds)',
    society: 'Society',
  },
  columns: {
    budget: 'Budget',
    party: 'Party',
    gains: 'Gains',
    costs: 'Pays',
    net: 'Net (expected)',
    netMean: 'Net: mean',
    netP10: 'Net: 10% bound',
    netP90: 'Net: 90% bound',
    flowBack: 'Flow-back',
    payer: 'Payer',
    pays: 'Pays for results',
    payerNet: 'Own net result',
    peakYear: 'Largest yearly amount',
    lossChance: 'Chance of loss',
    municipality: 'Municipality',
    participants: 'Participants',
    savings: 'Savings',
    perspective: 'Perspective',
    cash: 'Cash (present value)',
    cashMean: 'Cash: simulation mean',
    nonCash: 'Non-cash (present value)',
    line: 'Item',
    total: 'Total',
  },
  lines: {
    avoidedBenefit: 'Bijstand avoided (attributable)',
    loonkostensubsidie: 'Wage-cost subsidy (attributable)',
    avoidedAdministration: 'Administration avoided (attributable)',
    payerOwnCosts: "The municipality's own costs",
    payments: (payer) => `Outcome payments funded by ${payer}`,
  },
  sheets: { budgets: 'Who gains', payers: 'Payers', municipalities: 'Municipalities', mkba: 'Social CBA', lines: 'Who gains by item' },
  payersHeading: 'Who funds the outcome payments',
  municipalitiesHeading: 'Per municipality in the region',
  mkbaHeading: 'Social costs and benefits per perspective',
  mkbaNote:
    'Present values at the contract\'s discount rate. Payments between parties cancel out for society. Non-cash values (wellbeing) are shown apart and never added to the cash amounts.',
  flowBackNote: 'Flow-back: the part of the savings of all governments and funds together that lands at this party (the participant is left out).',
  builder: {
    section: 'Who gains (budget holders and payers)',
    intro:
      'Shows where the savings land: at the municipality by budget, the state, UWV, the health insurers and the participant. The defaults are rough guides for 2024 with source and range; replace them with your own figures.',
    useDefaults: 'Show who gains, with the default values per budget',
    perMonthInWork: (label) => `${label}, per month of full-time work`,
    useProvince: 'The province co-funds the outcome payments',
    shareOf: (payer) => `Share of ${payer} in every payment`,
    useRegion: 'A regional contract of several municipalities',
    regionHint: 'Each municipality pays for and saves on its own residents. Give each target group the municipality it lives in; a municipality with its own benefit level or intake gets a target group of its own.',
    municipality: (n) => `Municipality ${n}`,
    addMunicipality: 'Add a municipality',
    livesIn: (profile) => `${profile} lives in`,
    outcomesSection: 'Outcomes beyond work',
    outcomesIntro: 'For example debts resolved or youth care ended: a monthly chance with and without the programme, and what it brings each budget holder. A payment trigger of the kind "outcome beyond work" can pay for it.',
    outcome: (n) => `Outcome ${n}`,
    addOutcome: 'Add an outcome',
    value: (n) => `Value ${n}`,
    addValue: 'Add a value',
    remove: 'Remove',
  },
};

export const WHO_GAINS_TEXTS: Record<Language, WhoGainsTexts> = { nl, en };
export const whoGainsTexts = (language: Language): WhoGainsTexts => WHO_GAINS_TEXTS[language];
