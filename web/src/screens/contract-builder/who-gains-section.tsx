import { PresenceToggle, Section } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt } from '../../state/paths.js';
import { whoGainsTexts } from '../../../../outputs/texts/who-gains-texts.js';
import { defaultBudgetEffects } from '../../../../scenarios/budget-holder-figures.js';
import { RegionFields } from './region-fields.js';

/**
 * Who gains (issue 17): switching it on adds the default effect per budget (UWV premiums, Zvw,
 * wage tax, allowances, debt counselling, the participant's income and wellbeing), each an
 * estimate with its source that the user can replace; a second switch lets the province co-fund
 * the outcome payments by a share; a third makes the contract regional (RegionFields). Outcomes
 * beyond work have their own section (OutcomesSection).
 */
export function WhoGainsSection() {
  const { language } = useT();
  const w = whoGainsTexts(language);
  const { contract, update } = useContract();
  const effects = getAt(contract, ['budgetHolders', 'effects']);
  const funding = getAt(contract, ['funding']);
  const list = Array.isArray(effects) ? (effects as { label?: string; id: string }[]) : [];
  const payers = funding !== undefined ? ((getAt(contract, ['funding', 'payers']) as { id: string; label?: string }[] | undefined) ?? []) : [];
  return (
    <Section id="section-who-gains" title={w.builder.section}>
      <p class="hint">{w.builder.intro}</p>
      <div class="field checkbox">
        <label>
          <input
            id="f-budgetHolders-present"
            type="checkbox"
            checked={list.length > 0}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              // The region's municipalities live in budgetHolders too: keep them when the defaults go.
              if (on) update(['budgetHolders'], { ...((getAt(contract, ['budgetHolders']) as object | undefined) ?? {}), effects: defaultBudgetEffects() });
              else if (getAt(contract, ['budgetHolders', 'municipalities']) !== undefined) update(['budgetHolders', 'effects'], []);
              else update(['budgetHolders'], undefined);
            }}
          />{' '}
          {w.builder.useDefaults}
        </label>
      </div>
      {list.length > 0 ? (
        <div class="grid">
          {list.map((effect, i) => (
            <UncertainField key={effect.id} path={['budgetHolders', 'effects', i, 'amount']} unit="euro" label={w.builder.perMonthInWork(effect.label ?? effect.id)} />
          ))}
        </div>
      ) : null}
      <PresenceToggle
        path={['funding']}
        label={w.builder.useProvince}
        make={() => ({
          method: 'shares',
          payers: [
            { id: 'gemeente', label: w.parties.gemeente, holder: 'gemeenteParticipatiebudget', share: 0.5 },
            { id: 'provincie', label: w.parties.provincie, holder: 'provincie', share: 0.5 },
          ],
        })}
      />
      {payers.length > 0 ? (
        <div class="grid">
          {payers.map((payer, i) => (
            <UncertainField key={payer.id} path={['funding', 'payers', i, 'share']} unit="percent" plausible={[0, 1]} label={w.builder.shareOf(payer.label ?? payer.id)} />
          ))}
        </div>
      ) : null}
      <RegionFields />
    </Section>
  );
}
