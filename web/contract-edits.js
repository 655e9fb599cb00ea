/**
 * Edits of a contract that the page's sliders make, on the contract JSON as the API takes it.
 * A number is replaced; a distribution keeps its shape and is scaled so that its centre moves
 * to the new value (its relative spread stays). Pure functions: no DOM, no fetch.
 */

/** The centre a slider shows: the mode of a three-point estimate, else the mean. */
export function centreOf(value) {
  if (typeof value === 'number') return value;
  if (value === null || typeof value !== 'object') return NaN;
  switch (value.type) {
    case 'fixed':
      return value.value;
    case 'uniform':
      return (value.min + value.max) / 2;
    case 'triangular':
    case 'pert':
      return value.mode;
    case 'normal':
    case 'truncatedNormal':
    case 'lognormal':
      return value.mean;
    case 'beta': {
      const min = value.min ?? 0;
      const max = value.max ?? 1;
      return min + ((max - min) * value.alpha) / (value.alpha + value.beta);
    }
    case 'discrete':
      return value.values.reduce((sum, v, i) => sum + v * value.probabilities[i], 0);
    case 'interval90':
      return (value.low + value.high) / 2;
    default:
      return NaN;
  }
}

const SCALED_PARAMETERS = ['value', 'min', 'mode', 'max', 'mean', 'sd', 'low', 'high'];

/** The value moved so that its centre is `centre`: numbers are replaced, distributions scaled (without their `source`). */
export function withCentre(value, centre) {
  if (typeof value === 'number' || value === null || typeof value !== 'object') return centre;
  const old = centreOf(value);
  if (!Number.isFinite(old) || old === 0) return centre;
  const factor = centre / old;
  // A moved estimate is the user's figure now: the preset's source no longer describes it.
  const { source: _source, ...scaled } = value;
  for (const key of SCALED_PARAMETERS) if (typeof scaled[key] === 'number') scaled[key] = scaled[key] * factor;
  if (Array.isArray(scaled.values)) scaled.values = scaled.values.map((v) => v * factor);
  if (value.type === 'beta') {
    scaled.min = (value.min ?? 0) * factor;
    scaled.max = (value.max ?? 1) * factor;
  }
  return scaled;
}

/** Sets every profile's value at `get`/`set` so that profile 0's centre becomes `centre`, the others in proportion. */
function scaleProfiles(contract, get, set, centre) {
  const first = centreOf(get(contract.profiles[0]));
  const factor = first > 0 ? centre / first : null;
  for (const profile of contract.profiles) {
    const current = get(profile);
    set(profile, withCentre(current, factor === null ? centre : centreOf(current) * factor));
  }
}

const clone = (value) => structuredClone(value);

/** The main inputs the page shows, read from a contract. */
export function readMainInputs(contract) {
  const trigger = contract.payment?.triggers?.[0];
  const rate = contract.profiles?.[0]?.programme?.monthlyJobEntryRate;
  return {
    jobEntryRate: centreOf(rate),
    jobEntryUncertainty: uncertaintyOf(rate),
    price: trigger ? priceOf(trigger) : NaN,
    priceKind: trigger ? (trigger.kind === 'shareOfSavings' ? 'share' : trigger.kind === 'custom' ? 'none' : 'euro') : 'none',
    benefit: centreOf(contract.profiles?.[0]?.monthlyBenefit),
    intake: (contract.intake?.cohorts ?? []).reduce((sum, cohort) => sum + centreOf(cohort.count), 0),
    horizon: contract.horizonMonths ?? 60,
    capPerYear: contract.payment?.caps?.perYear === undefined ? null : centreOf(contract.payment.caps.perYear),
  };
}

/** Half-width of a PERT around its mode, as a share of the mode (0 for a plain number). */
function uncertaintyOf(value) {
  if (value && typeof value === 'object' && value.type === 'pert' && value.mode > 0) return (value.max - value.mode) / value.mode;
  return 0;
}

function priceOf(trigger) {
  if (trigger.kind === 'shareOfSavings') return centreOf(trigger.share);
  if (trigger.kind === 'custom') return NaN;
  const price = trigger.price;
  if (price && typeof price === 'object' && Array.isArray(price.bands)) {
    const centres = price.bands.map((band) => centreOf(band.price));
    return centres.reduce((a, b) => a + b, 0) / centres.length;
  }
  return centreOf(price);
}

/** A copy of the contract with one main input changed. */
export function applyMainInput(contract, name, value) {
  const next = clone(contract);
  switch (name) {
    case 'jobEntryRate':
      scaleProfiles(next, (p) => p.programme.monthlyJobEntryRate, (p, v) => (p.programme.monthlyJobEntryRate = v), value);
      break;
    case 'jobEntryUncertainty':
      for (const profile of next.profiles) {
        const centre = centreOf(profile.programme.monthlyJobEntryRate);
        profile.programme.monthlyJobEntryRate =
          value > 0 && centre > 0 ? { type: 'pert', min: centre * (1 - value), mode: centre, max: Math.min(1, centre * (1 + value)) } : centre;
      }
      break;
    case 'price': {
      const trigger = next.payment.triggers[0];
      if (trigger.kind === 'shareOfSavings') trigger.share = withCentre(trigger.share, value);
      else if (trigger.kind !== 'custom') {
        const old = priceOf(trigger);
        if (trigger.price && typeof trigger.price === 'object' && Array.isArray(trigger.price.bands)) {
          const factor = old > 0 ? value / old : 1;
          trigger.price.bands = trigger.price.bands.map((band) => ({ ...band, price: withCentre(band.price, centreOf(band.price) * factor) }));
        } else trigger.price = withCentre(trigger.price, value);
      }
      break;
    }
    case 'benefit':
      scaleProfiles(next, (p) => p.monthlyBenefit, (p, v) => (p.monthlyBenefit = v), value);
      break;
    case 'intake': {
      // Whole people: the new total is split over the same cohorts in proportion to their counts.
      const weights = next.intake.cohorts.map((cohort) => Math.max(0, Math.round(centreOf(cohort.count)) || 0));
      const counts = apportionWholePeople(weights, Math.max(0, Math.round(value)));
      next.intake.cohorts = next.intake.cohorts.map((cohort, i) => ({ ...cohort, count: counts[i] }));
      break;
    }
    case 'horizon':
      next.horizonMonths = Math.round(value);
      break;
    case 'capPerYear':
      next.payment.caps = { ...(next.payment.caps ?? {}) };
      if (value === null || !Number.isFinite(value)) delete next.payment.caps.perYear;
      else next.payment.caps.perYear = value;
      break;
    default:
      throw new Error(`unknown input ${name}`);
  }
  return next;
}

/**
 * `total` whole people split over cohorts in proportion to `weights` (whole numbers; all zero
 * means equal) by largest remainder, ties to the earliest cohort: the whole part of each exact
 * share, then one more each for the largest fractional parts. A copy of apportionWholePeople in
 * models/contract/spread-intake.ts (the page imports nothing from the server);
 * tests/outputs/web-contract-edits.test.ts pins the two to the same results.
 */
export function apportionWholePeople(weights, total) {
  const n = weights.length;
  if (n === 0) return [];
  let whole = weights.slice();
  let sum = whole.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    whole = whole.map(() => 1);
    sum = n;
  }
  const counts = whole.map((w) => Math.floor((total * w) / sum));
  const remainders = whole.map((w) => (total * w) % sum);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; left > 0; k++, left--) counts[order[k]]++;
  return counts;
}
