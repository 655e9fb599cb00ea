/**
 * Limits and defaults of a simulation request, in one place. The API refuses a request beyond a
 * limit with a 400 naming the field; the engine trusts settings that passed the schema.
 */

export const MIN_ITERATIONS = 1;
export const MAX_ITERATIONS = 1_000_000;
export const DEFAULT_ITERATIONS = 10_000;

/** Seeds are unsigned 32-bit integers: every (seed, block) pair names one generator stream. */
export const MAX_SEED = 0xffff_ffff;

export const MAX_CORRELATIONS = 200;
export const MAX_EVENTS = 50;

export const DEFAULT_HISTOGRAM_BINS = 40;
export const MAX_HISTOGRAM_BINS = 1_000;

export const DEFAULT_CONVERGENCE_CHECKPOINTS = 20;
export const MAX_CONVERGENCE_CHECKPOINTS = 200;

/** Variants compared on common random numbers in one run. */
export const MAX_VARIANTS = 10;

/**
 * `keepSamples` returns every iteration's sampled inputs and scalar outputs; this caps the
 * number of values kept (iterations x (uncertain inputs + scalar outputs)): 80 MB of doubles.
 */
export const MAX_KEPT_VALUES = 10_000_000;

/**
 * Kept values a result carries in its JSON `samples` (about 20 MB of text); beyond, `samples` is
 * null and the values are downloaded as CSV from GET /simulations/{id}/samples, streamed from
 * where the threads wrote them, so that a large run's values are never one JSON body in memory.
 */
export const MAX_INLINE_SAMPLE_VALUES = 1_000_000;

/**
 * Percentiles are exact (every value kept and sorted) up to this many iterations, provided the
 * kept values stay under EXACT_PERCENTILE_MAX_VALUES; beyond, a log-bucket sketch with relative
 * accuracy SKETCH_RELATIVE_ACCURACY keeps memory flat in the number of iterations.
 */
export const EXACT_PERCENTILE_MAX_ITERATIONS = 100_000;
/** iterations x (scalar outputs + series elements, over all variants and differences): 32 MB. */
export const EXACT_PERCENTILE_MAX_VALUES = 4_000_000;
