import type { ProfileCounts } from '../world-booking.js';

/** Copies the per-profile counts of one world (the programme's) before the kernels reuse the buffers for the other. */
export function copyProfileCounts(from: ProfileCounts, to: ProfileCounts): void {
  to.onBenefit.set(from.onBenefit);
  to.placements.set(from.placements);
  to.fullTime.set(from.fullTime);
  to.partTime.set(from.partTime);
  to.withLks.set(from.withLks);
  to.fallbacks.set(from.fallbacks);
  to.otherExits.set(from.otherExits);
}
