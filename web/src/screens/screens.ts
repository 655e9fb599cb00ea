import type { ComponentType } from 'preact';
import type { Messages } from '../i18n/nl.js';
import { ContractBuilder } from './contract-builder/contract-builder.js';
import { ResultsScreen } from './results/results-screen.js';
import { FundScreen } from './fund/fund-screen.js';
import { SavedScreen } from './saved/saved-screen.js';
import { DriversScreen } from './drivers/drivers-screen.js';
import { VariantsScreen } from './variants/variants-screen.js';
import { SteeringScreen } from './steering/steering-screen.js';

/**
 * The screens of the workbench, in navigation order. A screen registers by one entry here: its
 * hash route (#/contract), its navigation label (a key of `nav` in i18n) and its component.
 * A screen without a component shows "still to come".
 */
export interface Screen {
  route: string;
  nav: keyof Messages['nav'];
  Component: ComponentType | null;
}

export const SCREENS: readonly Screen[] = [
  { route: 'contract', nav: 'contract', Component: ContractBuilder },
  { route: 'results', nav: 'results', Component: ResultsScreen },
  { route: 'drivers', nav: 'drivers', Component: DriversScreen },
  { route: 'variants', nav: 'variants', Component: VariantsScreen },
  { route: 'fund', nav: 'fund', Component: FundScreen },
  { route: 'saved', nav: 'saved', Component: SavedScreen },
  { route: 'steering', nav: 'steering', Component: SteeringScreen },
];

export const DEFAULT_ROUTE = 'contract';
