import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app.js';
import { ConfigSchema } from '../api/config.js';
import { createServices } from '../api/services.js';
import { SimulationSettingsSchema } from '../models/simulation/index.js';
import { createSimulationPool } from '../runtime/simulation-pool.js';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';
import { formatRate } from './time.js';

/**
 * Monte Carlo throughput of the ten-input bench contract end to end (sample, evaluate, collect,
 * summarise) on the worker pool with one thread and with every core, and the latency of a
 * 10,000-iteration simulation over HTTP on a warm service.
 */
export async function benchSimulation(): Promise<Record<string, number>> {
  const model = { kind: 'contract', definition: benchContractWithTenUncertainInputs() };
  const figures: Record<string, number> = {};
  const cores = availableParallelism();
  for (const drawIndividualOutcomes of [false, true]) {
    const iterations = drawIndividualOutcomes ? 40_960 : 81_920;
    const settings = SimulationSettingsSchema.parse({ seed: 11, iterations, drawIndividualOutcomes });
    for (const threads of [1, cores]) {
      const pool = createSimulationPool({ threads });
      await pool.warmUp();
      const seconds = await medianOfAsync(3, async () => {
        const start = performance.now();
        const result = await pool.run(model, settings);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        return (performance.now() - start) / 1_000;
      });
      await pool.close();
      const rate = iterations / seconds;
      const label = `${drawIndividualOutcomes ? 'drawn' : 'expected'}${threads === 1 ? 'OneThread' : 'AllCores'}`;
      figures[label] = rate;
      console.log(
        `monte carlo, 10-input contract, ${drawIndividualOutcomes ? 'drawn persons' : 'expected rates'}, ${threads} thread(s), ${iterations.toLocaleString('en-US')} iterations: ${formatRate(rate)} iterations/s wall-clock (${formatRate(rate / threads)} per thread)`,
      );
    }
  }
  figures.httpTenThousandMs = await benchHttp();
  return figures;
}

/** Median milliseconds of POST /simulations with 10,000 iterations on a warm service, expected rates and drawn persons. */
export async function benchHttp(): Promise<number> {
  const config = ConfigSchema.parse({});
  const services = createServices(config);
  await services.pool.warmUp();
  const server = createApp({ config, services }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simulations`;
  const milliseconds: number[] = [];
  for (const drawIndividualOutcomes of [false, true]) {
    const body = JSON.stringify({
      model: { kind: 'contract', contract: benchContractWithTenUncertainInputs() },
      settings: { seed: 5, iterations: 10_000, drawIndividualOutcomes },
    });
    const once = async () => {
      const start = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', prefer: 'wait=60' }, body });
      await response.json();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      return performance.now() - start;
    };
    await once();
    const ms = await medianOfAsync(5, once);
    milliseconds.push(ms);
    // A service that has answered a few dozen requests runs code its threads have fully optimised:
    // the same figure again after 20 more requests.
    for (let i = 0; i < WARM_REQUESTS; i++) await once();
    const warmMs = await medianOfAsync(5, once);
    console.log(
      `POST /simulations, 10-input contract, 10,000 iterations, ${drawIndividualOutcomes ? 'drawn persons' : 'expected rates'}, ${services.pool.threads} threads: ${ms.toFixed(0)} ms (median of 5 after one request); ${warmMs.toFixed(0)} ms after ${WARM_REQUESTS} more`,
    );
  }
  server.close();
  await services.close();
  return milliseconds[0];
}

/** Requests made before the second, warm, figure of POST /simulations. */
const WARM_REQUESTS = 20;

async function medianOfAsync(repeats: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < repeats; i++) values.push(await measure());
  values.sort((a, b) => a - b);
  const middle = Math.floor(repeats / 2);
  return repeats % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}
