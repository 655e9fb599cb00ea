import type { DomainError } from '../errors.js';
import type { Result } from '../result.js';
import type { CompiledModel } from '../simulation/model.js';
import { breakEven } from './break-even.js';
import { morris } from './morris.js';
import { rankCorrelation } from './rank-correlation.js';
import type { SensitivityResult, SensitivitySettings } from './settings.js';
import { sobol } from './sobol.js';
import { spider } from './spider.js';
import { tornado } from './tornado.js';
import { twoWay } from './two-way.js';
import { valueOfInformation } from './value-of-information.js';

/** Runs the method a validated request names; the one entry point the API needs. */
export function runSensitivity(model: CompiledModel, settings: SensitivitySettings): Result<SensitivityResult, DomainError> {
  switch (settings.method) {
    case 'tornado':
      return tornado(model, settings);
    case 'spider':
      return spider(model, settings);
    case 'break-even':
      return breakEven(model, settings);
    case 'two-way':
      return twoWay(model, settings);
    case 'sobol':
      return sobol(model, settings);
    case 'morris':
      return morris(model, settings);
    case 'rank-correlation':
      return rankCorrelation(model, settings);
    case 'value-of-information':
      return valueOfInformation(model, settings);
  }
}
