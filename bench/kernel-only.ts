import os from 'node:os';
import { benchContractKernel } from './contract-bench.js';
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores, Node ${process.version}`);
benchContractKernel();
