import type { FundReportTexts } from './fund-report-texts.js';

export const FUND_REPORT_NL: FundReportTexts = {
  documentTitle: (fund) => `Fondsrapport: ${fund}`,
  subtitle: 'Rapport voor het fondsbestuur en de gemeenteraad: een lokaal impactfonds en zijn strategieën doorgerekend',
  madeOn: (date, version) => `Gemaakt op ${date} met versie ${version} van de rekendienst.`,

  fundHeading: 'Het fonds',
  fundInWords: (w) => [
    `${w.name} loopt ${w.horizonYears} jaar, van ${w.startYear} tot en met ${w.lastYear}. In de eerste ${w.investmentPeriodYears} jaar investeert het fonds in ${w.enterprises} ondernemingen (${w.archetypes} soorten).`,
    `${w.layerCount} kapitaalverschaffers zeggen samen ${w.committed} toe, in lagen: wie hoger in de rangorde staat, krijgt eerst terug; verliezen komen eerst bij de laagste laag terecht.`,
    w.revolving
      ? 'Het fonds is revolverend: wat ondernemingen in de investeringsperiode terugbetalen, blijft in het fonds en gaat naar nieuwe investeringen voordat er nieuw kapitaal wordt opgevraagd.'
      : 'Het fonds is niet revolverend: wat ondernemingen terugbetalen, wordt elk jaar uitgekeerd aan de kapitaalverschaffers.',
    `Fondskosten: ${w.fixedCostsPerYear} per jaar, ${w.perEnterpriseYear} per onderneming per jaar voor begeleiding en ${w.managementFee} beheervergoeding per jaar over het toegezegde kapitaal.`,
    `De effecten voor ${w.municipality} (vermeden bijstand en uitvoeringskosten, min loonkostensubsidie, prestatiebetalingen en eigen kosten) worden contant gemaakt tegen ${w.discountRate} per jaar.`,
  ],
  priceBasis: (startYear) =>
    `Prijsgrondslag: alle bedragen zijn euro's van ${startYear} (reëel, prijspeil van het startjaar); er wordt niets geïndexeerd. Rendementen en de discontovoet zijn dus reëel.`,
  priceBasisLabel: 'Prijsgrondslag',
  layersHeading: 'Kapitaallagen',
  layersIntro: 'Van hoog naar laag in de rangorde: de senior laag krijgt eerst terug, een schenking wordt niet terugbetaald.',
  layerColumns: { layer: 'Kapitaalverschaffer', kind: 'Soort laag', amount: 'Toegezegd', targetReturn: 'Beoogd rendement per jaar', fromMunicipality: 'Van de gemeente' },
  enterprisesHeading: 'Ondernemingen en instrumenten',
  enterprisesIntro: 'Per soort onderneming: hoeveel, wanneer ze instromen, wat het fonds per onderneming verstrekt, banen voor mensen uit de bijstand en de prestatiebetaling.',
  enterpriseColumns: {
    enterprise: 'Onderneming',
    count: 'Aantal',
    intake: 'Instroom (fondsjaar)',
    instruments: 'Financiering per onderneming',
    jobs: 'Banen uit de bijstand',
    outcomeContract: 'Prestatiebetaling',
  },
  intakeYears: (first, last) => (first === last ? `jaar ${first + 1}` : `jaar ${first + 1} t/m ${last + 1}`),
  instruments: (w) =>
    [
      w.loan ? `lening ${w.loan.amount} tegen ${w.loan.rate}, ${w.loan.termYears} jaar` : null,
      w.equity ? `aandelen ${w.equity.amount} voor ${w.equity.stake}, verkoop na ${w.equity.exitAfterYears} jaar` : null,
      w.grant ? `schenking ${w.grant.amount}` : null,
    ]
      .filter((part) => part !== null)
      .join('; ') || 'geen',
  jobsPerEnterprise: (positions) => `${positions} per onderneming`,
  outcomeContract: (perPlacement, perWorkerYear, paidBy) =>
    [perPlacement ? `${perPlacement} per duurzame plaatsing` : null, perWorkerYear ? `${perWorkerYear} per werkjaar` : null]
      .filter((part) => part !== null)
      .join(' en ') + (paidBy === 'municipality' ? ', betaald door de gemeente' : ', betaald door het fonds'),
  none: 'geen',

  keyFiguresHeading: 'In het kort',
  keyFiguresIntro: (strategy, iterations) => `Het fonds zoals voorgesteld (${strategy}), gemiddeld over ${iterations} doorrekeningen met toeval in bedrijfsresultaten, faillissementen en de geschatte invoer.`,
  band: (p10, p90) => `In 80% van de runs tussen ${p10} en ${p90}.`,
  lossChancesCard: 'Kans dat een kapitaalverschaffer minder terugkrijgt dan hij inlegde',
  lossChanceLine: (layer, chance) => `${layer}: ${chance}`,
  strategiesHeading: 'De strategieën naast elkaar',
  strategiesIntro: (count, iterations) =>
    `${count} strategieën zijn elk ${iterations} keer doorgerekend op dezelfde toevalstrekkingen (common random numbers): elke strategie ziet dezelfde goede en slechte jaren en dezelfde ondernemingen die het niet redden. Verschillen komen dus door de keuze, niet door toeval. Getoond is het gemiddelde over alle runs.`,
  onlyOneStrategy: 'Er is één strategie doorgerekend; geef alternatieve strategieën mee om ze naast elkaar te zien.',
  strategyColumn: 'Strategie',
  figureLabels: {
    capitalDeployed: 'Geïnvesteerd in ondernemingen',
    capitalRecycled: 'Opnieuw ingezet uit terugbetalingen (revolverend)',
    fundIrr: 'Rendement van het fonds (IRR, alle lagen samen, na kosten)',
    fundMultiple: 'Multiple van het fonds (uitgekeerd / gestort)',
    failures: 'Ondernemingen die stoppen',
    workerYears: 'Werkjaren van mensen uit de bijstand',
    hiresFromBijstand: 'Mensen uit de bijstand aan het werk geholpen',
    sustainedPlacements: 'Duurzame plaatsingen',
    avoidedCostsAttributable: 'Vermeden bijstand en uitvoeringskosten (toe te rekenen aan het fonds)',
    avoidedCostsPerEuroInvested: 'Vermeden kosten per geïnvesteerde euro',
    outcomePayments: 'Prestatiebetalingen aan ondernemingen',
    municipalityNetPosition: 'Netto resultaat voor de gemeente',
    municipalityNetPresentValue: 'Contante waarde van het resultaat voor de gemeente',
  },
  figureNote:
    'Toe te rekenen: na aftrek van het deel dat ook zonder het fonds was gebeurd (deadweight). Een duurzame plaatsing is iemand die na de afgesproken periode (standaard 12 maanden) nog werkt.',

  layersResultHeading: 'Wat elke kapitaallaag terugkrijgt',
  layersResultIntro:
    'Per laag en per strategie: de kans dat de laag minder terugkrijgt dan ze stortte, wat ze gemiddeld terugkrijgt per gestorte euro (multiple), het rendement (IRR, mediaan van de runs) en het gemiddelde verlies.',
  lossChanceRow: 'Kans op verlies',
  multipleRow: 'Terug per gestorte euro (multiple, gemiddeld)',
  irrRow: 'Rendement per jaar (IRR, mediaan)',
  lossRow: 'Verlies (gemiddeld)',
  irrNotAvailable: 'n.v.t.',
  irrNotAvailableReason:
    'n.v.t.: het rendement (IRR) bestaat niet als er niets terugkomt (een schenking of een volledig verlies); de multiple en de kans op verlies zeggen dan wat de laag terugziet.',
  irrPartly: (share) => `in ${share} van de runs niet te berekenen (niets terug)`,

  distributionHeading: 'Onzekerheid: P10, P50 en P90',
  distributionIntro:
    'Per strategie de spreiding van de belangrijkste uitkomsten: in 10% van de runs is de uitkomst lager dan P10, in 10% hoger dan P90; P50 is de mediaan.',
  percentileColumns: { figure: 'Uitkomst', p10: 'P10', p50: 'P50 (mediaan)', p90: 'P90', mean: 'Gemiddelde' },

  chartsHeading: 'Grafieken',
  lossChartTitle: 'Kans op verlies per kapitaallaag',
  lossChartAxis: 'Kans dat de laag minder terugkrijgt dan ze stortte',
  lossChartCaption:
    'Per kapitaallaag en per strategie de kans op verlies (aandeel van de runs). De percentages staan naast de staven, zodat een afdruk in zwart-wit leesbaar blijft.',
  impactChartTitle: 'Vermeden bijstand en uitvoeringskosten per strategie',
  impactChartAxis: 'Toe te rekenen vermeden kosten (€)',
  impactChartCaption:
    'De spreiding over de runs: de streep loopt van P10 tot P90, het blok van P25 tot P75 en de punt is de mediaan.',

  assumptionsHeading: 'Invoer en bronnen',
  assumptionsIntro:
    'De invoer van het fonds (de eerste strategie). Een vast getal is een keuze of een gegeven; een verdeling is een schatting waarvan de onzekerheid in de doorrekening meegaat, met de bron waar die bekend is.',
  otherStrategiesInputs: 'De andere strategieën gebruiken dezelfde invoer, behalve wat hun beschrijving noemt.',
  zeroInputsOmitted: (count) => `${count} invoerwaarden die vast op 0 staan (niet gebruikte mogelijkheden, zoals een prestatieprijs per werkjaar) zijn hier weggelaten; het Excel-bestand noemt ze allemaal.`,
  expected: 'verwacht',
  strategiesLabel: 'Strategieën',
  sampling: { monteCarlo: 'Monte Carlo (willekeurige trekkingen)', latinHypercube: 'Latin hypercube (gelijkmatig gespreide trekkingen)' },
  inputLabels: {
    'fund.layers[].amount': 'toegezegd kapitaal ({layer})',
    'fund.layers[].targetReturn': 'beoogd rendement per jaar ({layer})',
    'fund.costs.fixedPerYear': 'vaste fondskosten per jaar',
    'fund.costs.perEnterpriseYear': 'begeleidingskosten per onderneming per jaar',
    'fund.costs.managementFeeRate': 'beheervergoeding per jaar (aandeel toegezegd kapitaal)',
    'risk.regionalCorrelation': 'samenhang van slechte jaren in de regio (correlatie)',
    'impact.avoidedBenefitPerWorkerYear': 'vermeden bijstandsuitkering per werkjaar',
    'impact.administrationCostPerWorkerYear': 'vermeden uitvoeringskosten per werkjaar',
    'impact.deadweight': 'deadweight (deel dat ook zonder fonds werk had gevonden)',
    'impact.lksPerWorkerYear': 'loonkostensubsidie per werkjaar',
    'municipality.ownCostsPerYear': 'eigen kosten van de gemeente per jaar',
    'money.discountRate': 'discontovoet (reëel, per jaar)',
    'enterprises[].business.startupCosts': 'opstartkosten ({enterprise})',
    'enterprises[].business.ownCash': 'eigen geld van de ondernemer ({enterprise})',
    'enterprises[].business.revenue': 'omzet in het eerste jaar ({enterprise})',
    'enterprises[].business.revenueGrowth': 'omzetgroei per jaar ({enterprise})',
    'enterprises[].business.costs': 'bedrijfskosten in het eerste jaar ({enterprise})',
    'enterprises[].business.costGrowth': 'kostengroei per jaar ({enterprise})',
    'enterprises[].business.resultVolatility': 'schommeling van het resultaat (aandeel van de omzet) ({enterprise})',
    'enterprises[].business.otherFailureRate': 'kans per jaar om om andere redenen te stoppen ({enterprise})',
    'enterprises[].jobs.positions': 'banen voor mensen uit de bijstand ({enterprise})',
    'enterprises[].jobs.yearlyLeaveRate': 'deel van de werknemers dat per jaar vertrekt ({enterprise})',
    'enterprises[].jobs.extraCostPerWorkerYear': 'extra begeleidingskosten per werknemer per jaar ({enterprise})',
    'enterprises[].loan.amount': 'lening ({enterprise})',
    'enterprises[].loan.rate': 'rente op de lening ({enterprise})',
    'enterprises[].loan.recoveryRate': 'deel van de lening dat bij faillissement terugkomt ({enterprise})',
    'enterprises[].equity.amount': 'investering in aandelen ({enterprise})',
    'enterprises[].equity.stake': 'aandeel in de onderneming ({enterprise})',
    'enterprises[].equity.exitMultiple': 'verkoopwaarde als veelvoud van het resultaat ({enterprise})',
    'enterprises[].grant.amount': 'schenking aan de onderneming ({enterprise})',
    'enterprises[].outcomeContract.pricePerSustainedPlacement': 'prestatiebetaling per duurzame plaatsing ({enterprise})',
    'enterprises[].outcomeContract.pricePerWorkerYear': 'prestatiebetaling per werkjaar ({enterprise})',
  },

  fundSources: {
    werkNaDetentie: 'Werk na Detentie SIB (2016): ongeveer twee derde van wie werk vond, had dat ook zonder het programma gevonden',
    baselCorrelation: 'Basel II IRB (BCBS 2005): correlatie 12% voor bedrijven met een hoge kans op wanbetaling',
  },

  reproductionHeading: 'Herhalen',
  reproductionIntro:
    'Met dezelfde invoer, startwaarde (seed) en versie geeft de rekendienst dezelfde getallen; POST /portfolios/compare met deze strategieën en instellingen geeft dezelfde vergelijking.',
  compareEndpoint: 'Zelfde vergelijking',

  sheets: { sideBySide: 'Strategieën naast elkaar', expected: 'Verwacht, naast elkaar', layersSideBySide: 'Lagen naast elkaar', strategies: 'Strategieën', fund: 'Het fonds', enterprises: 'Ondernemingen' },
  columns: { statistic: 'Statistiek', strategy: 'Strategie', description: 'Beschrijving', layer: 'Laag', metric: 'Maatstaf' },
};
