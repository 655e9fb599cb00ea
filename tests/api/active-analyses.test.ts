import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../api/problem.js';
import { admitAnalysis } from '../../api/simulations/active-analyses.js';

/**
 * The one allowance POST /sensitivity and POST /runs/{id}/rerun (of an analysis) share per owner:
 * analyses plus the owner's simulations up to MAX_ACTIVE_JOBS_PER_ORGANISATION (issue 18 item 6).
 */
describe('admitAnalysis', () => {
  const simulations = new Map<string | null, number>();
  const jobs = { activeCount: (owner?: string | null) => simulations.get(owner ?? null) ?? 0 };

  it('refuses the owner beyond the allowance with 429 and Retry-After, counts its simulations, and frees the slot on release', () => {
    simulations.set('organisation-a', 1);
    const release = admitAnalysis(jobs, 'organisation-a', 2); // 1 simulation + 1 analysis
    let refusal: unknown;
    try {
      admitAnalysis(jobs, 'organisation-a', 2);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HttpProblem);
    expect((refusal as HttpProblem).problem).toMatchObject({ status: 429, limit: 'MAX_ACTIVE_JOBS_PER_ORGANISATION', allowed: 2 });
    expect((refusal as HttpProblem).headers).toMatchObject({ 'Retry-After': '5' });
    // Another owner, and anonymous callers, have their own allowance.
    admitAnalysis(jobs, 'organisation-b', 2);
    admitAnalysis(jobs, null, 2);
    release();
    release(); // a second release does not free a slot twice
    const again = admitAnalysis(jobs, 'organisation-a', 2);
    expect(() => admitAnalysis(jobs, 'organisation-a', 2)).toThrow(HttpProblem);
    again();
  });
});
