import { monthName } from './month-name.js';
import type { BreakEvenWords, ContractWords, NoEffectWords, PriceBasisWords, ProviderWords, RiskFinding, Texts, TriggerWords } from './texts.js';
import { FUND_REPORT_NL } from './fund-report-nl.js';

/** Dutch: the default language of every download. */

function triggerSentence(t: TriggerWords): string {
  const via = t.payee === 'investor' ? ' (aan de investeerders, via de terugbetaalvolgorde)' : '';
  const lag = t.lagMonths > 0 ? `, uitbetaald ${t.lagMonths} ${t.lagMonths === 1 ? 'maand' : 'maanden'} later` : '';
  const card = t.rateCard ? ' (afhankelijk van hoe lang iemand in de bijstand zat)' : '';
  switch (t.kind) {
    case 'jobStart':
      return `${t.price}${card} per deelnemer die aan het werk gaat${via}${lag}`;
    case 'sustained':
      return `${t.price}${card} per deelnemer die ${t.months} maanden aaneengesloten werkt${via}${lag}`;
    case 'perMonthOffBenefit':
      return `${t.price}${card} per ${t.basis === 'attributable' ? 'uitkeringsmaand die méér wordt bespaard dan zonder programma' : 'bespaarde uitkeringsmaand'}${via}${lag}`;
    case 'shareOfSavings':
      return `${t.share} van de ${t.basis === 'attributable' ? 'toerekenbare' : 'bruto'} besparing op uitkering en uitvoering${via}${lag}`;
    case 'custom':
      return `een eigen betaalregel (${t.expression})${via}${lag}`;
    case 'outcome':
      return `${t.price} per deelnemer die de uitkomst '${t.expression}' bereikt${t.basis === 'attributable' ? ', voor zover méér dan zonder programma' : ''}${via}${lag}`;
  }
}

function contractInWords(w: ContractWords): string[] {
  const sentences: string[] = [];
  sentences.push(
    `De gemeente sluit het resultaatcontract "${w.name}" met een aanbieder (een sociale onderneming) die ${w.participants} mensen uit de bijstand naar werk begeleidt. ` +
      `Zij stromen in van ${w.firstIntake} tot en met ${w.lastIntake}; de begeleiding duurt ${w.programmeMonths} maanden per deelnemer. ` +
      `De berekening volgt het contract ${w.horizonMonths} maanden vanaf ${w.startMonth}.`,
  );
  sentences.push(`De gemeente betaalt alleen voor resultaat: ${w.triggers.map(triggerSentence).join('; ')}.`);
  const caps = [
    w.capPerYear && `ten hoogste ${w.capPerYear} per kalenderjaar`,
    w.capTotal && `ten hoogste ${w.capTotal} in totaal`,
    w.capPerParticipant && `ten hoogste ${w.capPerParticipant} per deelnemer`,
  ].filter(Boolean);
  if (caps.length > 0) sentences.push(`De betalingen zijn begrensd: ${caps.join(', ')}.`);
  if (w.threshold) sentences.push(`Er wordt pas betaald als het programma ten minste ${w.threshold} beter presteert dan de situatie zonder programma.`);
  sentences.push(
    w.counterfactual.method === 'rates'
      ? `Ook zonder programma vindt een deel van de mensen werk: ${w.counterfactual.counterfactualRate} per maand, tegenover ${w.counterfactual.programmeRate} per maand in het programma. Alleen het verschil is de verdienste van het programma.`
      : `Naar schatting ${w.counterfactual.share} van de uitstroom naar werk zou ook zonder programma zijn gebeurd (deadweight). Alleen de rest is de verdienste van het programma.`,
  );
  const costs = [
    w.providerCostPerParticipantMonth && `${w.providerCostPerParticipantMonth} per deelnemer per begeleidingsmaand`,
    w.providerCostPerPlacement && `${w.providerCostPerPlacement} per plaatsing`,
    w.providerFixedCostPerMonth && `${w.providerFixedCostPerMonth} vaste kosten per maand`,
  ].filter(Boolean);
  if (costs.length > 0) sentences.push(`De aanbieder maakt kosten: ${costs.join(', ')}.`);
  if (w.investor)
    sentences.push(
      `Investeerders financieren de aanbieder voor (toezegging ${w.investor.commitment}). Zij krijgen hun inleg terug uit de resultaatbetalingen, met een rendement van ten hoogste ${w.investor.returnCap} per jaar.`,
    );
  return sentences;
}

function risk(f: RiskFinding): string {
  switch (f.kind) {
    case 'lossChance':
      return `De kans dat de gemeente op dit contract verliest is ${f.lossChance}. In 1 op de 10 uitkomsten is het nettoresultaat ${f.p10} of lager.`;
    case 'driver':
      return (
        `Als ${f.input} ${f.direction === 'lower' ? 'lager' : 'hoger'} uitvalt (${f.value} in plaats van ${f.base}), daalt het nettoresultaat met ${f.drop} tot ${f.result}` +
        (f.turnsNegative ? ': dan verliest de gemeente geld.' : '.')
      );
    case 'capsBind':
      return `Gemiddeld ${f.lapsed} aan verdiende betalingen wordt niet uitbetaald omdat een plafond is bereikt. Dat risico ligt bij de aanbieder, en kan de samenwerking onder druk zetten.`;
    case 'providerLoses':
      return `De aanbieder maakt met kans ${f.chance} verlies op dit contract (mediaan ${f.medianMargin}). Een aanbieder die verlies lijdt kan stoppen voordat de resultaten er zijn.`;
    case 'investorLoses':
      return `De investeerders verliezen met kans ${f.chance} (een deel van) hun inleg; gemiddeld ${f.meanLoss}.`;
    case 'fewParticipants':
      return `Met ${f.participants} deelnemers bepaalt toeval een groot deel van de uitkomst: een paar plaatsingen meer of minder verandert het resultaat merkbaar.`;
  }
}

function chanceInWords(p: number): string {
  if (p <= 0) return 'in geen enkele doorrekening';
  if (p >= 1) return 'in elke doorrekening';
  if (p < 0.05) return 'zelden: in minder dan 1 op de 20 uitkomsten';
  if (p > 0.95) return 'bijna altijd: in meer dan 19 van de 20 uitkomsten';
  const tenths = Math.round(p * 10);
  if (tenths === 10) return 'in meer dan 9 van de 10 uitkomsten';
  return `in ongeveer ${tenths} van de 10 uitkomsten`;
}

function providerInWords(w: ProviderWords): string {
  const income = w.hasInvestor
    ? 'zijn inkomsten uit dit contract (de resultaatbetalingen die hem bereiken en het geld dat de investeerders voor zijn kosten inbrengen; dat hoeft hij niet terug te betalen)'
    : 'zijn inkomsten uit dit contract (de resultaatbetalingen)';
  const keeps = `Wat de aanbieder overhoudt is ${income} min zijn kosten: naar verwachting ${w.marginMean}, in 8 van de 10 uitkomsten tussen ${w.marginP10} en ${w.marginP90}.`;
  if (w.lossChance === null || w.lossProbability === null) return keeps;
  const loss =
    w.lossProbability <= 0
      ? 'In geen enkele doorrekening maakt de aanbieder verlies.'
      : `De kans dat de aanbieder verlies maakt, dus meer kosten heeft dan inkomsten, is ${w.lossChance} (${chanceInWords(w.lossProbability)}). Een aanbieder die verlies lijdt, kan stoppen voordat de resultaten er zijn.`;
  const caveat = w.anyUncertainInput ? '' : ' Let op: alle invoer is als vast getal ingevoerd, dus deze kans weerspiegelt alleen toeval per deelnemer, niet de onzekerheid van de aannames.';
  return `${keeps} ${loss}${caveat}`;
}

function priceBasis(w: PriceBasisWords): string {
  const amounts =
    w.indexation === null
      ? `Alle bedragen zijn euro's van ${w.startYear} (constante prijzen): het contract rekent zonder indexatie.`
      : `Bedragen zijn euro's van ${w.startYear}, in latere jaren verhoogd met de indexatie uit het contract (uitkeringen ${w.indexation.benefit}, prijzen ${w.indexation.price}, kosten ${w.indexation.cost} per jaar); volgt die indexatie de inflatie, dan zijn het lopende prijzen (nominaal).`;
  return (
    `${amounts} Totalen en bedragen per jaar zijn zo opgeteld, zonder verdisconteren. ` +
    `De contante waarde is reëel: elke maand teruggerekend naar ${w.startMonth} met een discontovoet van ${w.discountRate} per jaar (voorgeschreven voor MKBA's: 2,25%, Werkgroep discontovoet 2020).`
  );
}

function breakEvenRow(w: BreakEvenWords): string {
  if (w.value !== null) return w.valueWithinYear === null ? w.value : `${w.value} per maand (${w.valueWithinYear} binnen een jaar)`;
  const caps = w.capped ? '; de plafonds in het contract begrenzen de betalingen' : '';
  return `niet tussen ${w.low} en ${w.high}: het nettoresultaat blijft daar ${w.staysPositive ? 'boven' : 'onder'} nul (van ${w.outputAtLow} tot ${w.outputAtHigh})${caps}`;
}

function noEffect(w: NoEffectWords): string {
  const what =
    w.method === 'rates'
      ? 'Stel dat het programma niets verandert: de deelnemers vinden even vaak werk als zonder programma.'
      : 'Stel dat het programma niets verandert: alle uitstroom naar werk was ook zonder programma gebeurd (deadweight 100%).';
  const pays = w.paysNothing
    ? 'Dan betaalt de gemeente geen resultaatbetalingen: het contract betaalt alleen voor resultaat boven wat er zonder programma gebeurt.'
    : `Dan betaalt de gemeente toch ${w.payments} aan resultaatbetalingen (tegenover ${w.expectedPayments} verwacht): betaling voor uitstroom die er ook zonder het contract was gekomen.`;
  return `${what} ${pays} Het nettoresultaat voor de gemeente is dan ${w.netResult}. Dit is één berekening met de verwachte waarde van elke aanname, zonder toeval.`;
}

export const nl: Texts = {
  language: 'nl',
  locale: 'nl-NL',
  decimal: ',',
  thousands: '.',
  currencyPrefix: '€ ',
  currencySuffix: '',

  parties: { payer: 'Gemeente', provider: 'Aanbieder', investor: 'Investeerders', counts: 'Aantallen', other: 'Overig' },
  statistics: {
    mean: 'Gemiddelde',
    sd: 'Standaardafwijking',
    standardError: 'Standaardfout',
    min: 'Minimum',
    max: 'Maximum',
    count: 'Iteraties',
    nanCount: 'Niet te berekenen',
    base: 'Basis (verwachte waarden)',
    percentile: (p) => `P${p}`,
  },
  units: { EUR: 'euro', count: 'aantal', ratio: 'verhouding', rate: 'per jaar', month: 'maand', probability: 'kans', '': '' },
  outputs: {
    payerOutcomePayments: 'Resultaatbetalingen door de gemeente',
    payerOutcomePaymentsPresentValue: 'Contante waarde van de resultaatbetalingen',
    avoidedCostsGross: 'Vermeden uitkering en uitvoering, bruto (incl. deadweight)',
    avoidedBenefitGross: 'Vermeden uitkering, bruto',
    avoidedAdministrationGross: 'Vermeden uitvoeringskosten, bruto',
    avoidedCostsCounterfactual: 'Vermeden kosten zonder programma',
    avoidedCostsAttributable: 'Vermeden kosten toe te rekenen aan het programma',
    payerLks: 'Loonkostensubsidie (LKS)',
    payerLksAttributable: 'LKS toe te rekenen aan het programma',
    payerOwnCosts: 'Eigen kosten van de gemeente',
    payerNetResult: 'Nettoresultaat voor de gemeente',
    payerNetPresentValue: 'Contante waarde van het nettoresultaat',
    benefitCostRatio: 'Baten-kostenverhouding',
    paybackMonth: 'Terugverdienmaand',
    peakAnnualPayment: 'Hoogste betaling in één kalenderjaar',
    worstYearNet: 'Slechtste jaar (nettoresultaat)',
    shareOfSavingsPaidOut: 'Deel van de besparing dat wordt uitbetaald',
    paymentsDueAfterHorizon: 'Verdiend maar na de looptijd te betalen',
    paymentsLapsedByCaps: 'Vervallen door plafonds',
    paymentsHeldByThreshold: 'Ingehouden door de drempel',
    thresholdMetMonth: 'Maand waarin de drempel werd gehaald',
    providerCosts: 'Kosten van de aanbieder',
    providerOutcomeIncome: 'Resultaatinkomsten van de aanbieder',
    providerMargin: 'Marge van de aanbieder',
    investorDrawn: 'Opgevraagd bij investeerders',
    investorReceived: 'Ontvangen door investeerders',
    investorIrr: 'Rendement investeerders (IRR)',
    investorMultiple: 'Terugbetaald / ingelegd',
    investorNetPresentValue: 'Contante waarde voor investeerders',
    investorLoss: 'Verlies van investeerders',
    guaranteePaid: 'Uitgekeerde garantie',
    participants: 'Deelnemers',
    placements: 'Plaatsingen (programma)',
    placementsCounterfactual: 'Plaatsingen zonder programma',
    placementsAttributable: 'Plaatsingen toe te rekenen aan het programma',
    sustained6: '6 maanden aan het werk',
    sustained12: '12 maanden aan het werk',
    sustained24: '24 maanden aan het werk',
    sustained12Counterfactual: '12 maanden aan het werk zonder programma',
    fallbacks: 'Terugval in de bijstand',
    yearlyOutcomePayments: 'Resultaatbetalingen',
    yearlyAvoidedCostsAttributable: 'Toerekenbaar vermeden kosten',
    yearlyLksAttributable: 'Toerekenbare LKS',
    yearlyPayerNet: 'Nettoresultaat gemeente',
    yearlyProviderCosts: 'Kosten aanbieder',
    yearlyProviderNetCash: 'Netto kasstroom aanbieder',
    yearlyInvestorNetFlow: 'Netto kasstroom investeerders',
    yearlyPlacements: 'Plaatsingen',
    intake: 'Instroom',
    onBenefit: 'In de bijstand',
    inWorkFullTime: 'Voltijds aan het werk',
    inWorkPartTime: 'Deeltijds aan het werk',
    counterfactualInWork: 'Aan het werk zonder programma',
    counterfactualPlacements: 'Plaatsingen zonder programma',
    benefitPaid: 'Betaalde uitkering',
    benefitPaidCounterfactual: 'Betaalde uitkering zonder programma',
    lks: 'LKS',
    lksAttributable: 'Toerekenbare LKS',
    outcomePayments: 'Resultaatbetalingen',
    paidToProvider: 'Betaald aan aanbieder',
    paidToInvestorWaterfall: 'Betaald aan investeerders',
    payerNet: 'Nettoresultaat gemeente',
    providerResidualFromWaterfall: 'Restant voor aanbieder uit terugbetaalvolgorde',
    providerNetCash: 'Netto kasstroom aanbieder',
    investorDraws: 'Opvragingen investeerders',
    investorDistributions: 'Uitkeringen aan investeerders',
    investorNetFlow: 'Netto kasstroom investeerders',
  },
  fund: {
    outputs: {
      capitalCommitted: 'Toegezegd kapitaal (alle lagen)',
      capitalCalled: 'Opgevraagd kapitaal (kapitaalstortingen, alle lagen)',
      capitalDeployed: 'Geïnvesteerd in ondernemingen (leningen, aandelenkapitaal en subsidies)',
      capitalRecycled: 'Herbelegd uit terugbetalingen (revolverend)',
      fundingShortfall: 'Financieringstekort (grootste kasbehoefte boven de toezeggingen)',
      portfolioInflows: 'Ontvangen van ondernemingen (rente, aflossing, terugvordering, verkoop van belangen)',
      fundCosts: 'Fondskosten (beheer en uitvoering)',
      fundPaidOutcomePayments: 'Resultaatbetalingen betaald door het fonds',
      terminalValue: 'Restwaarde aan het einde (uitstaande leningen en aandelenbelangen)',
      distributions: 'Uitkeringen aan de kapitaalverschaffers (alle lagen, incl. liquidatie)',
      portfolioIrr: 'Rendement van de portefeuille (IRR, vóór fondskosten)',
      portfolioMultiple: 'Terugbetalingsmultiple van de portefeuille ((ontvangsten + restwaarde) / geïnvesteerd)',
      fundIrr: 'Rendement van het fonds (IRR, na fondskosten, alle lagen samen)',
      fundMultiple: 'Terugbetalingsmultiple van het fonds (uitkeringen / opgevraagd kapitaal)',
      enterprisesFunded: 'Gefinancierde ondernemingen',
      failures: 'Uitgevallen ondernemingen (binnen de looptijd)',
      failureShare: 'Uitvalpercentage (uitgevallen / gefinancierd)',
      worstYearFailures: 'Meeste uitgevallen ondernemingen in één jaar',
      loanPrincipal: 'Uitgeleende hoofdsom',
      loanLosses: 'Verlies op leningen (niet terugbetaalde hoofdsom)',
      loanLossRate: 'Verliespercentage op leningen (verlies / uitgeleend)',
      equityInvested: 'Geïnvesteerd in aandelenkapitaal (equity)',
      equityProceeds: 'Opbrengst uit verkoop van aandelenbelangen (exits)',
      grantsToEnterprises: 'Subsidies (giften) aan ondernemingen',
      workerYears: 'Arbeidsjaren van mensen uit de bijstand',
      hiresFromBijstand: 'Aangenomen uit de bijstand (plaatsingen, incl. vervanging)',
      sustainedPlacements: 'Duurzame plaatsingen (na de afgesproken periode nog aan het werk)',
      avoidedCostsGross: 'Vermeden uitkering en uitvoering, bruto (incl. deadweight)',
      avoidedCostsAttributable: 'Vermeden kosten toe te rekenen aan het fonds (na deadweight)',
      lksAttributable: 'Toerekenbare loonkostensubsidie (LKS)',
      outcomePayments: 'Resultaatbetalingen aan ondernemingen (alle betalers)',
      avoidedCostsPerEuroInvested: 'Toerekenbaar vermeden kosten per geïnvesteerde euro',
      workerYearsPerMillionInvested: 'Arbeidsjaren per miljoen euro geïnvesteerd',
      municipalityContributions: 'Kapitaalstortingen door de gemeente',
      municipalityReceived: 'Uitkeringen aan de gemeente (uit het fonds)',
      municipalityOutcomePayments: 'Resultaatbetalingen door de gemeente',
      municipalityOwnCosts: 'Eigen kosten van de gemeente',
      municipalityNetPosition: 'Nettopositie van de gemeente',
      municipalityNetPresentValue: 'Contante waarde van de nettopositie van de gemeente',
      yearlyInvestments: 'Investeringen in ondernemingen',
      yearlyPortfolioInflows: 'Ontvangen van ondernemingen',
      yearlyFundCosts: 'Fondskosten',
      yearlyCapitalCalls: 'Kapitaalopvragingen (alle lagen)',
      yearlyCapitalRecycled: 'Herbelegd uit terugbetalingen',
      yearlyDistributions: 'Uitkeringen aan de lagen (laatste jaar incl. liquidatie)',
      yearlyFundCash: 'Kaspositie van het fonds aan het einde van het jaar',
      yearlyLoanLosses: 'Afgeschreven leningen (verlies op hoofdsom)',
      yearlyFailures: 'Uitgevallen ondernemingen',
      yearlyEnterprisesActive: 'Ondernemingen actief',
      yearlyWorkerYears: 'Werknemers uit de bijstand in dienst',
      yearlySustainedPlacements: 'Duurzame plaatsingen',
      yearlyOutcomePayments: 'Resultaatbetalingen (alle betalers)',
      yearlyAvoidedCostsAttributable: 'Toerekenbaar vermeden kosten',
      yearlyMunicipalityNet: 'Nettopositie gemeente',
    },
    layerOutputs: {
      PaidIn: (layer) => `Gestort kapitaal door laag ${layer}`,
      Received: (layer) => `Uitkeringen aan laag ${layer}`,
      Irr: (layer) => `Rendement (IRR) van laag ${layer}`,
      Multiple: (layer) => `Terugbetalingsmultiple van laag ${layer} (ontvangen / gestort)`,
      Loss: (layer) => `Verlies van laag ${layer}`,
      LossOccurred: (layer) => `Laag ${layer} lijdt verlies (1 = ja; het gemiddelde is de kans op verlies)`,
      NetFlow: (layer) => `Netto kasstroom van laag ${layer} (uitkeringen − stortingen)`,
    },
    layerKinds: {
      senior: 'Senior (eerst terugbetaald)',
      junior: 'Achtergesteld (junior)',
      firstLoss: 'Eerste-verlieslaag (first loss)',
      grant: 'Schenking (niet terugbetaald)',
    },
  },
  inputs: {
    'profiles[].share': 'aandeel in de instroom ({profile})',
    'profiles[].monthlyBenefit': 'uitkering per maand ({profile})',
    'profiles[].administrationCostPerYear': 'uitvoeringskosten per jaar ({profile})',
    'profiles[].programme.monthlyJobEntryRate': 'kans op werk per maand in het programma ({profile})',
    'profiles[].programme.monthlyOtherExitRate': 'kans op ander vertrek per maand in het programma ({profile})',
    'profiles[].counterfactual.monthlyJobEntryRate': 'kans op werk per maand zonder programma ({profile})',
    'profiles[].counterfactual.monthlyOtherExitRate': 'kans op ander vertrek per maand zonder programma ({profile})',
    'intake.delayMonths': 'vertraging van de start (maanden)',
    'work.partTimeShare': 'aandeel deeltijdwerk',
    'work.partTimeBenefitShare': 'aanvullende uitkering bij deeltijdwerk (deel van de norm)',
    'work.lksShare': 'aandeel plaatsingen met loonkostensubsidie',
    'work.lksMonthlyAmount': 'loonkostensubsidie per maand',
    'work.fallbackHazard[].monthlyRate': 'kans op terugval per maand (vanaf {from} maanden werk)',
    'budgetHolders.effects[].amount': 'effect per eenheid ({effect})',
    'funding.payers[].share': 'gewicht van financier ({payer})',
    'outcomes[].eligibleShare': 'aandeel deelnemers dat het resultaat kan bereiken ({outcome})',
    'outcomes[].programme.monthlyRate': 'kans per maand op het resultaat met programma ({outcome})',
    'outcomes[].counterfactual.monthlyRate': 'kans per maand op het resultaat zonder programma ({outcome})',
    'outcomes[].values[].once': 'eenmalige waarde van het resultaat ({outcome}, {holder})',
    'outcomes[].values[].perMonthAfter': 'waarde per maand na het resultaat ({outcome}, {holder})',
    'counterfactual.deadweightShare': 'deadweight (deel dat ook zonder programma werk vindt)',
    'payment.triggers[].price': 'prijs per resultaat ({trigger})',
    'payment.triggers[].price.bands[].price': 'prijs per resultaat ({trigger}, vanaf {band} maanden bijstand)',
    'payment.triggers[].share': 'aandeel van de besparing ({trigger})',
    'payment.caps.perParticipant': 'plafond per deelnemer',
    'payment.caps.perYear': 'plafond per kalenderjaar',
    'payment.caps.total': 'plafond in totaal',
    'payment.threshold.minimumImprovement': 'drempel: minimale verbetering',
    'payer.ownCostsOneOff': 'eenmalige eigen kosten gemeente',
    'payer.ownCostsPerMonth': 'eigen kosten gemeente per maand',
    'provider.costPerParticipantMonth': 'kosten aanbieder per deelnemer per maand',
    'provider.costPerPlacement': 'kosten aanbieder per plaatsing',
    'provider.fixedCostPerMonth': 'vaste kosten aanbieder per maand',
    'investor.commitment': 'toezegging investeerders',
    'investor.financedShare': 'deel van de kosten voorgefinancierd',
    'investor.returnCap': 'maximaal rendement investeerders per jaar',
    'investor.hurdleRate': 'rekenrente investeerders',
    'investor.firstLossGuarantee.amount': 'garantie eerste verlies',
    'money.discountRate': 'discontovoet (reëel, per jaar)',
    'money.benefitIndexation': 'indexatie uitkeringen per jaar',
    'money.priceIndexation': 'indexatie prijzen per jaar',
    'money.costIndexation': 'indexatie kosten per jaar',
  },
  distribution: {
    fixed: 'vast getal',
    describe: (type, parameters) => `${type} (${parameters})`,
    names: {
      fixed: 'vast',
      uniform: 'uniform',
      triangular: 'driehoek',
      pert: 'PERT',
      normal: 'normaal',
      truncatedNormal: 'afgekapt normaal',
      lognormal: 'lognormaal',
      beta: 'beta',
      discrete: 'discreet',
      interval90: '90%-interval',
      binomial: 'binomiaal',
      bernoulli: 'Bernoulli',
      poisson: 'Poisson',
      negativeBinomial: 'negatief binomiaal',
    },
    parameters: {
      value: 'waarde',
      min: 'min',
      mode: 'meest waarschijnlijk',
      max: 'max',
      mean: 'gemiddelde',
      sd: 'sd',
      alpha: 'alfa',
      beta: 'bèta',
      lambda: 'lambda',
      low: 'laag (P5)',
      high: 'hoog (P95)',
      shape: 'vorm',
      values: 'waarden',
      probabilities: 'kansen',
      trials: 'aantal pogingen',
      probability: 'kans',
      successes: 'aantal successen',
    },
  },
  sources: {
    norms: 'Rijksoverheid, bijstandsnormen 1 januari 2024 (netto, incl. vakantiegeld)',
    berenschot: 'Berenschot (2018), uitvoeringskosten bijstand, steekproef 30 gemeenten',
    cbsRetention: 'CBS, uitstroom uit de bijstand naar werk, cohort 2021: 82% na 6 maanden, 72% na 18 maanden aan het werk',
    mkba: "Werkgroep discontovoet (2020): reële discontovoet 2,25% voor MKBA's",
  },
  assumedSource: 'aanname van het scenario of de gebruiker',
  defaultSource: 'standaardwaarde van de rekendienst',

  workbook: {
    sheets: {
      about: 'Over deze berekening',
      inputs: 'Invoer',
      summary: 'Samenvatting',
      yearly: 'Kasstromen per jaar',
      monthly: 'Per maand',
      triggers: 'Betalingen per prikkel',
      events: 'Kansen',
      risk: 'Risico',
      histograms: 'Verdelingen',
      convergence: 'Convergentie',
      sensitivity: 'Gevoeligheid',
      differences: 'Verschillen',
      grid: 'Tabel',
      layers: 'Kapitaallagen',
      layerFlows: 'Kasstromen per laag',
    },
    layers: {
      layer: 'Laag',
      provider: 'Kapitaalverschaffer',
      kind: 'Soort',
      fromMunicipality: 'Van de gemeente',
      committed: 'Toegezegd',
      paidIn: 'Gestort',
      received: 'Ontvangen',
      irr: 'Rendement (IRR)',
      multiple: 'Multiple (ontvangen / gestort)',
      loss: 'Verlies',
      calls: 'Kapitaalstortingen',
      distributions: 'Uitkeringen',
      netFlow: 'Netto kasstroom',
    },
    columns: {
      label: 'Omschrijving',
      name: 'Naam',
      path: 'Pad',
      value: 'Waarde',
      unit: 'Eenheid',
      description: 'Toelichting',
      party: 'Partij',
      series: 'Reeks',
      statistic: 'Statistiek',
      month: 'Maand',
      distribution: 'Verdeling',
      source: 'Bron',
      uncertain: 'Onzeker',
      trigger: 'Prikkel',
      total: 'Totaal',
      variant: 'Variant',
      probability: 'Kans',
      expression: 'Uitdrukking',
      undefinedCount: 'Niet gedefinieerd',
      level: 'Betrouwbaarheid',
      valueAtRisk: 'Value at risk',
      expectedShortfall: 'Expected shortfall',
      binFrom: 'Van',
      binTo: 'Tot',
      iterations: 'Iteraties',
      low: 'Laag',
      high: 'Hoog',
      outputAtLow: 'Uitkomst bij laag',
      outputAtHigh: 'Uitkomst bij hoog',
      swing: 'Uitslag',
      rangeFrom: 'Bereik uit',
      quantile: 'Kwantiel',
      inputValue: 'Invoerwaarde',
      output: 'Uitkomst',
      firstOrder: 'Eerste orde',
      totalOrder: 'Totale orde',
      intervalLow: 'Interval laag',
      intervalHigh: 'Interval hoog',
      mu: 'mu',
      muStar: 'mu*',
      muStandardError: 'mu: standaardfout',
      muStarConfidence: 'mu*: ± (95%)',
      sigma: 'sigma',
      spearman: 'Spearman',
      prcc: 'Partiële rangcorrelatie',
      evppi: 'EVPPI',
      item: 'Onderdeel',
    },
    about: {
      title: 'Resultaatfinanciering: doorrekening',
      contract: 'Contract',
      softwareVersion: 'Softwareversie',
      generatedAt: 'Gemaakt op',
      seed: 'Seed (startgetal toeval)',
      iterations: 'Iteraties',
      sampling: 'Steekproefmethode',
      drawIndividualOutcomes: 'Uitkomsten per persoon geloot',
      percentileMethod: 'Percentielen',
      method: 'Methode',
      output: 'Uitkomst',
      modelRuns: 'Modelberekeningen',
      note: 'Bedragen in euro (nominaal tenzij "contante waarde"). Getallen zijn getallen: reken er gerust mee.',
      yes: 'ja',
      no: 'nee',
      sources: 'Bronnen',
      assumptions: 'Aannames',
      found: 'Gevonden',
      breakEvenValue: 'Omslagwaarde',
      outputAtValue: 'Uitkomst bij omslagwaarde',
      searchRange: 'Zoekbereik',
      notFound: 'Geen omslagpunt binnen het zoekbereik',
      evpi: 'Waarde van volledige informatie (EVPI)',
      expectedOutput: 'Verwachte uitkomst',
      probabilityPositive: 'Kans op positieve uitkomst',
      sumOfFirstOrder: 'Som eerste-orde-indices',
      baseOutput: 'Uitkomst bij basiswaarden',
    },
    rangeFrom: { quantiles: 'eigen verdeling (P10–P90)', given: 'opgegeven bereik' },
  },

  charts: {
    netResultTitle: 'Nettoresultaat voor de gemeente: verdeling over alle uitkomsten',
    netResultAxis: 'Nettoresultaat voor de gemeente (euro)',
    shareOfRuns: 'Aandeel van de uitkomsten',
    loss: 'verlies',
    gain: 'winst',
    meanLabel: (value) => `gemiddeld ${value}`,
    fanTitle: 'Kasstromen per jaar per partij',
    fanAxis: 'Netto kasstroom per jaar (euro)',
    year: 'Jaar',
    band: 'P10–P90',
    fanSubtitle: ['Netto kasstroom per jaar in euro.', 'Lichte band: P10 tot P90; zwarte lijn met punten: mediaan (P50).'],
    median: 'mediaan (P50)',
    tornadoTitle: (output) => `Wat beweegt het ${output.toLowerCase()} het meest?`,
    tornadoAxis: 'Nettoresultaat voor de gemeente (euro)',
    lowEnd: 'lage waarde',
    highEnd: 'hoge waarde',
    lowValue: (value) => `laag: ${value}`,
    highValue: (value) => `hoog: ${value}`,
    baseLabel: (value) => `basis ${value}`,
    yearlyTitle: 'Betalingen, vermeden kosten en nettoresultaat per jaar',
    yearlySubtitle: ['Gemiddelde per kalenderjaar in euro; de streep loopt van P10 tot P90.'],
    yearlyAxis: 'Euro per jaar',
    yearlyMeasures: { payments: 'Resultaatbetalingen', avoidedCosts: 'Vermeden kosten', netResult: 'Nettoresultaat gemeente' },
  },

  fundReport: FUND_REPORT_NL,
  report: {
    documentTitle: (contract) => `Doorrekening resultaatcontract: ${contract}`,
    subtitle: 'Bijlage bij raadsvoorstel: wat kost en wat levert dit contract de gemeente op, en hoe zeker is dat?',
    madeOn: (date, version) => `Gemaakt op ${date} met de rekendienst resultaatfinanciering, versie ${version}.`,
    contractHeading: 'Het contract in gewone woorden',
    contractInWords,
    aboutScenario: 'Over dit scenario',
    keyFiguresHeading: 'Kerncijfers',
    keyFiguresIntro: (iterations) =>
      `De cijfers komen uit ${iterations} doorrekeningen waarin de onzekere aannames en het toeval per deelnemer variëren. P10 en P90 geven de band waarbinnen 8 van de 10 uitkomsten vallen.`,
    expectedNet: 'Verwacht nettoresultaat voor de gemeente',
    expectedNetDetail: (p10, p90, base) => `8 van de 10 uitkomsten tussen ${p10} en ${p90}. Met alle aannames op hun verwachte waarde: ${base}.`,
    chancePaysOff: 'Kans dat het contract zich terugverdient',
    chancePaysOffDetail: 'Deel van de uitkomsten waarin de vermeden kosten de betalingen en eigen kosten overtreffen.',
    budgetP90: 'Te reserveren budget voor het duurste jaar (P90)',
    budgetP90Detail: 'In 9 van de 10 uitkomsten zijn de resultaatbetalingen in het duurste kalenderjaar niet hoger dan dit bedrag.',
    budgetPerYear: 'Resultaatbetalingen per jaar, P90',
    toProvider: 'Wat naar de ondernemer gaat',
    toProviderDetail: (p10, p90, margin) => `Resultaatinkomsten, 8 van de 10 uitkomsten tussen ${p10} en ${p90}. Gemiddelde marge na kosten: ${margin}.`,
    investorHeading: 'Investeerders',
    investorDetail: (received, drawn, loss) => `Gemiddeld ${received} ontvangen op ${drawn} ingelegd; gemiddeld verlies ${loss}.`,
    chartsHeading: 'Grafieken',
    netResultCaption:
      'Hoe vaak elk nettoresultaat voorkomt. Links van de nullijn verliest de gemeente geld, rechts verdient zij het contract terug. De gestippelde lijnen zijn P10 en P90.',
    fanCaption:
      'Per partij de netto kasstroom per kalenderjaar: de band loopt van P10 tot P90, de lijn met punten is de mediaan. Negatief is geld dat de partij dat jaar uitgeeft.',
    tornadoCaption: (range) =>
      `Elke balk toont hoe het nettoresultaat verschuift als één aanname naar een lage of hoge waarde gaat en de rest gelijk blijft; de langste balken staan bovenaan. ${range}`,
    risksHeading: 'Wat kan er misgaan',
    risksIntro: 'Afgeleid uit de doorrekening en de gevoeligheidsanalyse:',
    risk,
    noRisks: 'De doorrekening laat geen uitkomst zien waarin de gemeente verlies lijdt of een partij in de problemen komt.',
    assumptionsHeading: 'Aannames en bronnen',
    assumptionsIntro:
      'Elke invoer van de berekening met de gebruikte waarde (bij een verdeling het gemiddelde), de verdeling en de bron. Vervang aannames door eigen cijfers waar die er zijn.',
    scenarioAssumptions: 'Aannames van het scenario',
    scenarioSources: 'Bronnen van het scenario',
    reproductionHeading: 'Opnieuw doorrekenen',
    reproductionIntro:
      'Met dezelfde invoer (bijlage), seed, instellingen en softwareversie geeft de rekendienst precies dezelfde uitkomsten.',
    yearColumn: 'Jaar',
    budgetColumn: 'Betalingen P90',
    notAvailable: 'n.v.t.',
    simulationId: 'Simulatie (bij de rekendienst)',
    between: (low, high) => `${low} tot ${high}`,
    monthName: (isoMonth) => monthName(isoMonth, 'nl-NL'),
    sensitivityRange: (relative, low, high) =>
      `Onzekere aannames gaan van hun eigen ${low} naar ${high}; vaste getallen ${relative} omlaag en omhoog (op verzoek).`,
    sensitivityUncertainOnly: (low, high) =>
      `Alleen onzekere aannames variëren, van hun eigen ${low} naar ${high}; vaste getallen (zoals de bijstandsnorm, de instroom en de prijzen in het contract) blijven vast.`,
    partialYear: (year, from, to, months) => `${year} (${from}–${to}, ${months} mnd)`,
    monthShort: (month) => ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][month - 1] ?? String(month),
    chanceInWords,
    noUncertainty:
      'Alle invoer is als vast getal ingevoerd: de berekening toont daarom geen onzekerheid over de aannames, alleen toeval per deelnemer. Een kans van 100% of 0% betekent hier niet dat de uitkomst zeker is.',
    noTornado: 'Er is geen gevoeligheidsgrafiek: geen enkele aanname heeft een onzekerheidsbereik.',
    presentValue: 'Contante waarde van het nettoresultaat',
    presentValueDetail: (rate, p10, p90) => `Reëel, verdisconteerd met ${rate} per jaar naar de startmaand. 8 van de 10 uitkomsten tussen ${p10} en ${p90}.`,
    priceBasisHeading: 'Prijsbasis',
    priceBasis,
    yearlyHeading: 'Per kalenderjaar',
    yearlyIntro:
      'Gemiddelde over alle doorrekeningen, met daaronder de band waarin 8 van de 10 uitkomsten vallen (P10 tot P90). Bedragen per jaar zijn opgeteld zonder verdisconteren (zie prijsbasis). Het nettoresultaat is de vermeden kosten min de resultaatbetalingen, de toerekenbare loonkostensubsidie en de eigen kosten van de gemeente.',
    yearlyColumns: { year: 'Jaar', payments: 'Resultaatbetalingen', avoidedCosts: 'Vermeden kosten', netResult: 'Nettoresultaat gemeente' },
    yearlyTotal: 'Hele looptijd',
    yearlyCaption:
      'Per kalenderjaar het gemiddelde (balk) en de band van P10 tot P90 (streep). Een jaar met minder dan 12 maanden staat met zijn maanden aangegeven.',
    breakEvenHeading: 'Omslagpunten',
    breakEvenIntro: (base) =>
      `Bij welke waarde is het nettoresultaat voor de gemeente precies nul? Telkens verschuift één aanname; alle andere blijven op hun verwachte waarde, zonder toeval (nettoresultaat dan: ${base}). Heeft het contract meerdere prijzen of profielen, dan staat elk apart, en daarna alle samen met één factor.`,
    breakEvenColumns: { input: 'Aanname', now: 'Nu', breakEven: 'Omslagpunt (nettoresultaat nul)' },
    breakEvenRow,
    breakEvenNone: 'Dit contract heeft geen prijs of kans op werk waarvoor een omslagpunt te berekenen is.',
    breakEvenTogether: (kind) =>
      kind === 'price'
        ? 'Alle prijzen van de staffel samen, met één factor op de huidige prijzen'
        : 'Kans op werk in het programma voor alle profielen samen, met één factor op de huidige kansen',
    breakEvenFactor: (factor) => `${factor} van de huidige waarden`,
    noEffectHeading: 'Als het programma geen effect heeft',
    noEffect,
    providerHeading: 'De aanbieder',
    providerKeeps: 'Wat de aanbieder overhoudt (gemiddeld)',
    providerInWords,
    providerLossLabel: 'Kans dat de aanbieder verlies maakt',
    inputDownload: 'Volledige invoer downloaden (JSON)',
    inputDownloadNote:
      'De volledige invoer (contract en instellingen) staat als JSON-bestand in de HTML-versie van dit rapport (link "Volledige invoer downloaden") en komt mee met het rapport als data (format json).',
  },
};
