import {
  BLOCK_SIZE,
  mergePartials,
  prepareVariants,
  runBlocks,
  SimulationSettingsSchema,
  summarise,
  type SimulationPlan,
} from '../models/simulation/index.js';
import { rotterdamPrestatiecontractWerk } from '../scenarios/rotterdam-prestatiecontract-werk.js';
import './model-kinds.js';
import { compileModelDescription, type ModelDescription } from './model-registry.js';

/**
 * A few small simulations that a thread runs once before its first job, so that the first jobs do
 * not pay for compiling the engine's code: on a cold thread the first summary of a 10,000-iteration
 * contract run took 73 ms instead of 11 ms, and the first model compile 17 ms instead of 0.5 ms.
 * The work covers what a job does: validate and compile a contract (with uncertain inputs) and an
 * expression model, plan, sample, transform, evaluate with expected rates and with drawn
 * outcomes, collect, merge and summarise with exact percentiles. About 0.3 s per thread.
 */

const pert = (value: number, relative: number) => ({ type: 'pert', min: value * (1 - relative), mode: value, max: value * (1 + relative) });

export function warmUpModels(): ModelDescription[] {
  const contract = structuredClone(rotterdamPrestatiecontractWerk.contract) as Record<string, any>;
  contract.intake = { cohorts: Array.from({ length: 6 }, (_, month) => ({ month, count: 10 })) };
  // The preset's estimates are distributions already (PERT); one more family and a varied norm.
  contract.profiles[1].monthlyBenefit = pert(contract.profiles[1].monthlyBenefit, 0.1);
  // A second trigger kind, paid at once, so that more of the kernel's booking runs.
  contract.payment.triggers = [{ id: 'start', kind: 'jobStart', price: pert(1_000, 0.2) }, ...contract.payment.triggers];
  contract.provider.costPerParticipantMonth = { type: 'triangular', min: 150, mode: 200, max: 300 };
  return [
    { kind: 'contract', definition: contract },
    {
      kind: 'expression',
      definition: {
        inputs: { a: { type: 'normal', mean: 100, sd: 15 }, b: { type: 'lognormal', mean: 1, sd: 0.5 }, c: { type: 'uniform', min: 0, max: 1 } },
        // Many cheap outputs of several kinds (spread, constant, few values): the summary's code
        // gets hot at little cost.
        outputs: Object.fromEntries(
          Array.from({ length: EXPRESSION_OUTPUTS }, (_, k) => [`y${k}`, ['a * b', `${k}`, 'a > 100 ? c : -c', 'floor(4 * c)'][k % 4]]),
        ),
      },
    },
  ];
}

const EXPRESSION_OUTPUTS = 40;
/** Rounds of the cheap expression model; the contract runs twice: expected rates, then drawn outcomes (odd rounds draw). */
const EXPRESSION_ROUNDS = 8;
export const CONTRACT_ROUNDS = 2;

/**
 * A two-block run the way the pool does it: each block on its own, each partial through a
 * structured clone (as it arrives from a worker: objects of other shapes than the ones made here),
 * merged, cloned again and summarised.
 */
function runLikeThePool(plan: SimulationPlan): void {
  const parts = [runBlocks(plan, 0, 1), runBlocks(plan, 1, 2)].map((part) => structuredClone(part));
  summarise(structuredClone(mergePartials(parts)));
}

function warmUpSettings(round: number, drawIndividualOutcomes: boolean) {
  return SimulationSettingsSchema.parse({ seed: round + 1, iterations: BLOCK_SIZE + 300, drawIndividualOutcomes });
}

/**
 * For the thread that validates requests and merges partials: compiles and plans the warm-up
 * models and merges a run of the (cheap) expression model.
 */
export function warmUpCompile(): void {
  for (const description of warmUpModels()) {
    const model = compileModelDescription(description);
    if (!model.ok) continue;
    const plan = prepareVariants([{ name: 'model', model: model.value }], warmUpSettings(0, false));
    if (plan.ok && description.kind === 'expression') runLikeThePool(plan.value);
  }
}

/**
 * Runs the warm-up simulations (for a simulation worker thread) and returns how many it ran to
 * their summary; a model that no longer compiles or plans is skipped, so the count shows it.
 * Results are thrown away.
 */
export function warmUpSimulations(expressionRounds = EXPRESSION_ROUNDS): number {
  let runs = 0;
  for (const description of warmUpModels()) {
    const model = compileModelDescription(description);
    if (!model.ok) continue;
    const rounds = description.kind === 'contract' ? CONTRACT_ROUNDS : expressionRounds;
    for (let round = 0; round < rounds; round++) {
      const plan = prepareVariants([{ name: 'model', model: model.value }], warmUpSettings(round, round % 2 === 1));
      if (!plan.ok) continue;
      runLikeThePool(plan.value);
      runs++;
    }
  }
  return runs;
}
