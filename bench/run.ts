import os from 'node:os';
import { benchContractKernel } from './contract-bench.js';
import { benchLoad } from './load-bench.js';
import { benchAgainstNumpy, fullKernel, summaryKernel } from './numpy-bench.js';
import { benchReforecast } from './reforecast-bench.js';
import { benchSobol } from './sensitivity-bench.js';
import { benchSimulation } from './simulation-bench.js';

/**
 * `npm run bench`: throughput figures for the closing notes and the README. Each figure is
 * measured in this one run on this machine, printed with the machine it ran on.
 */
console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores, Node ${process.version}; ` +
    `load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (wall-clock figures suffer when it exceeds the cores)`,
);
benchContractKernel();
await benchAgainstNumpy((model) => [summaryKernel(model), fullKernel(model)]);
benchSobol();
benchReforecast();
await benchSimulation();
await benchLoad();
