import { describe, expect, it } from 'vitest';
import { explainProblem } from '../../web/src/errors/explain-problem.js';
import { contractPathOf, matchProblemsToFields } from '../../web/src/errors/problem-paths.js';
import { pathText, setAt } from '../../web/src/state/paths.js';

/**
 * An API refusal lands beside the field it names, in the page's language (issue 15: errors were
 * English JSON paths on a Dutch page, not tied to a field). The paths are the API's own form
 * (api/problem.ts dottedPath): model.contract.… for POST /reports, bare for POST /contracts/evaluate.
 */
describe('where an API error belongs on the form', () => {
  const fields = ['intake.cohorts', 'intake.cohorts[0].count', 'profiles[0].share', 'profiles[0].monthlyBenefit', 'payment.caps.perYear', 'name'];

  it('strips the request prefix: model.contract.intake.cohorts[0].count is the contract\'s intake.cohorts[0].count', () => {
    expect(contractPathOf('model.contract.intake.cohorts[0].count')).toBe('intake.cohorts[0].count');
    expect(contractPathOf('contract.name')).toBe('name');
    expect(contractPathOf('profiles[1].share')).toBe('profiles[1].share');
    expect(contractPathOf('model.contract')).toBe('');
  });

  it('gives an error to the field with its path, or the nearest field above it (a distribution\'s max goes to its field)', () => {
    const matched = matchProblemsToFields(
      [
        { path: 'model.contract.intake.cohorts[0].count', message: 'must be a whole number of people' },
        { path: 'model.contract.intake.cohorts[3].count', message: 'must be a whole number of people' },
        { path: 'model.contract.profiles[0].share.max', message: 'max must be greater than min' },
        { path: 'model.contract.profiles[0].shareX', message: 'x' },
        { path: 'settings.iterations', message: 'Too big: expected number to be <=200000' },
      ],
      fields,
    );
    expect(matched.byField.get('intake.cohorts[0].count')?.map((p) => p.apiPath)).toEqual(['model.contract.intake.cohorts[0].count']);
    // No field for cohort 3 (the total is spread): the intake field holds it.
    expect(matched.byField.get('intake.cohorts')?.map((p) => p.apiPath)).toEqual(['model.contract.intake.cohorts[3].count']);
    expect(matched.byField.get('profiles[0].share')?.map((p) => p.apiPath)).toEqual(['model.contract.profiles[0].share.max']);
    // "shareX" is not inside "share": it matches no field, and neither does a setting.
    expect(matched.unmatched.map((p) => p.apiPath)).toEqual(['model.contract.profiles[0].shareX', 'settings.iterations']);
  });

  it('says it in Dutch (or English): "must not be negative" → "mag niet negatief zijn."', () => {
    expect(explainProblem('must not be negative; got -3', 'nl')).toBe('mag niet negatief zijn.');
    expect(explainProblem('Too small: expected number to be >=0', 'nl')).toBe('moet minstens 0 zijn.');
    expect(explainProblem('Too small: expected number to be >0', 'nl')).toBe('moet groter zijn dan 0.');
    expect(explainProblem('must be a whole number of people', 'en')).toBe('must be a whole number of people.');
    // An empty number field (zod's message for a missing number-or-distribution) and an empty list.
    expect(explainProblem('Invalid input', 'nl')).toBe('vul hier een getal in (het veld is leeg of ongeldig).');
    expect(explainProblem('Too small: expected array to have >=1 items', 'nl')).toBe('voeg er minstens 1 toe.');
    expect(explainProblem('something new', 'nl')).toBe('De rekendienst meldt: something new');
  });
});

describe('paths in the contract document', () => {
  it('writes a path as the API does and sets a value by it without touching the rest', () => {
    expect(pathText(['intake', 'cohorts', 0, 'count'])).toBe('intake.cohorts[0].count');
    const before = { intake: { cohorts: [{ month: 0, count: 5 }] }, name: 'x' };
    const after = setAt(before, ['intake', 'cohorts', 0, 'count'], 6);
    expect(after).toEqual({ intake: { cohorts: [{ month: 0, count: 6 }] }, name: 'x' });
    expect(before.intake.cohorts[0].count).toBe(5);
    expect(setAt({ payment: { caps: { perYear: 1 } } }, ['payment', 'caps', 'perYear'], undefined)).toEqual({ payment: { caps: {} } });
  });
});
