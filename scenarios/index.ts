import { buzinezzclubSib } from './buzinezzclub-sib.js';
import type { ContractPreset } from './preset.js';
import { regionalContractProvince } from './regional-contract-province.js';
import { rotterdamPrestatiecontractWerk } from './rotterdam-prestatiecontract-werk.js';
import { smallMunicipalityPilot } from './small-municipality-pilot.js';

export type { ContractPreset } from './preset.js';
export { PresetSummarySchema } from './preset.js';

export const CONTRACT_PRESETS: readonly ContractPreset[] = [rotterdamPrestatiecontractWerk, buzinezzclubSib, smallMunicipalityPilot, regionalContractProvince];
