import { describe, expect, it } from 'vitest';
import { withCentre } from '../../web/contract-edits.js';

describe("the web page's edit of an estimate", () => {
  it('drops its source when a slider moves it: the figure is the user\'s now, and the report would otherwise cite the preset for it', () => {
    const moved = withCentre({ type: 'pert', min: 0.02, mode: 0.05, max: 0.1, source: 'CBS: 7% tot 15% per jaar' }, 0.06) as Record<string, unknown>;
    expect(moved.source).toBeUndefined();
    // PERT(2%, 5%, 10%) moved to 6%: every parameter x 1.2.
    expect(moved.mode).toBeCloseTo(0.06, 12);
    expect(moved.max).toBeCloseTo(0.12, 12);
  });
});
