import type { ComponentChildren } from 'preact';
import { NumberField } from '../../components/number-field.js';
import { CheckboxField, PresenceToggle, Section, SelectField, TextField } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';
import type { Messages } from '../../i18n/nl.js';
import { ContractContext } from '../../state/contract-store.js';
import { updateFund, useFund, type Portfolio } from '../../state/fund-store.js';

/**
 * The fund in forms (models/portfolio/portfolio-schema.ts): general settings, capital layers,
 * enterprises or archetypes with their instruments and outcome contract, fund costs, regional
 * correlation, impact and the municipality. The shared field components edit "the contract" of
 * ContractContext; here that context holds the fund, so every field (fixed or range, Dutch number
 * entry, plausible-range warning, the API's refusal beside it) works the same on funds.
 */

type Layer = Portfolio['fund']['layers'][number];
type Enterprise = Portfolio['enterprises'][number];

export function layerKindLabel(t: Messages, kind: string): string {
  return (t.fund.kinds as Record<string, string>)[kind] ?? kind;
}

/** A capital layer id the schema accepts (lower-case letter, then letters and digits), unique in the fund. */
function newLayerId(layers: readonly Layer[]): string {
  for (let i = layers.length + 1; ; i++) if (!layers.some((l) => l.id.toLowerCase() === `laag${i}`)) return `laag${i}`;
}

function newEnterpriseId(enterprises: readonly Enterprise[]): string {
  for (let i = enterprises.length + 1; ; i++) if (!enterprises.some((e) => e.id === `onderneming${i}`)) return `onderneming${i}`;
}

export function FundEditor() {
  const { t } = useT();
  const { portfolio, revision } = useFund();
  if (portfolio === null) return null;
  const layers = portfolio.fund.layers;
  const enterprises = portfolio.enterprises;
  return (
    <ContractContext.Provider
      value={{ contract: portfolio as never, about: null, revision, edited: [], update: updateFund, replace: () => undefined }}
    >
      <div class="fund-editor">
        <Section id="fund-general" title={t.fund.general}>
          <div class="grid">
            <TextField path={['name']} label={t.fund.name} wide />
            <NumberField path={['horizonYears']} unit="wholeNumber" label={t.fund.horizonYears} />
            <NumberField path={['fund', 'investmentPeriodYears']} unit="wholeNumber" label={t.fund.investmentPeriodYears} />
            <CheckboxField path={['fund', 'revolving']} label={t.fund.revolving} />
          </div>
        </Section>

        <Section id="fund-layers" title={t.fund.layers}>
          <p class="hint">{t.fund.layersHint}</p>
          {layers.map((layer, i) => (
            <div class="item" key={`${layer.id}-${i}`} data-layer={layer.id}>
              <div class="grid">
                <TextField path={['fund', 'layers', i, 'provider']} label={t.fund.provider} wide />
                <SelectField
                  path={['fund', 'layers', i, 'kind']}
                  label={t.fund.kind}
                  options={(['senior', 'junior', 'firstLoss', 'grant'] as const).map((k) => [k, layerKindLabel(t, k)] as const)}
                />
                <UncertainField path={['fund', 'layers', i, 'amount']} unit="euro" label={t.fund.amount} plausible={[0, 100_000_000]} />
                {/* A grant is not repaid: the schema ignores its target return, so the form does not ask for one. */}
                {layer.kind === 'grant' ? null : (
                  <UncertainField path={['fund', 'layers', i, 'targetReturn']} unit="yearlyPercent" label={t.fund.targetReturn} plausible={[0, 0.15]} />
                )}
                <CheckboxField path={['fund', 'layers', i, 'fromMunicipality']} label={t.fund.fromMunicipality} />
              </div>
              <RemoveButton disabled={layers.length <= 1} label={t.fund.removeLayer(layer.provider)} onClick={() => updateFund(['fund', 'layers', i], undefined)} />
            </div>
          ))}
          <button
            type="button"
            id="add-layer"
            onClick={() => updateFund(['fund', 'layers', layers.length], { id: newLayerId(layers), provider: t.fund.newProvider, kind: 'junior', amount: 500_000, targetReturn: 0, fromMunicipality: false })}
          >
            {t.fund.addLayer}
          </button>
        </Section>

        <Section id="fund-enterprises" title={t.fund.enterprises}>
          <p class="hint">{t.fund.enterprisesHint}</p>
          {enterprises.map((e, i) => (
            <EnterpriseForm key={`${e.id}-${i}`} index={i} enterprise={e} removable={enterprises.length > 1} />
          ))}
          <button
            type="button"
            id="add-enterprise"
            onClick={() =>
              updateFund(['enterprises', enterprises.length], {
                id: newEnterpriseId(enterprises),
                label: t.fund.newEnterprise,
                count: 1,
                intake: { firstYear: 0 },
                business: { startupCosts: 100_000, ownCash: 10_000, revenue: 400_000, costs: 360_000, resultVolatility: 0.1 },
                jobs: { positions: 5, rampUpYears: 0, yearlyLeaveRate: 0.23, sustainedAfterMonths: 12, extraCostPerWorkerYear: 5_000 },
                loan: { amount: 100_000, rate: 0.04, termYears: 5, graceYears: 0, amortisation: 'annuity' },
              })
            }
          >
            {t.fund.addEnterprise}
          </button>
        </Section>

        <Section id="fund-costs" title={t.fund.costs}>
          <div class="grid">
            <UncertainField path={['fund', 'costs', 'fixedPerYear']} unit="euro" label={t.fund.fixedPerYear} />
            <UncertainField path={['fund', 'costs', 'perEnterpriseYear']} unit="euro" label={t.fund.perEnterpriseYear} />
            <UncertainField path={['fund', 'costs', 'managementFeeRate']} unit="yearlyPercent" label={t.fund.managementFeeRate} plausible={[0, 0.05]} />
          </div>
        </Section>

        <Section id="fund-risk" title={t.fund.riskAndImpact}>
          <div class="grid">
            <UncertainField path={['risk', 'regionalCorrelation']} unit="percent" label={t.fund.regionalCorrelation} plausible={[0, 0.5]} />
            <UncertainField path={['impact', 'avoidedBenefitPerWorkerYear']} unit="euro" label={t.fund.avoidedBenefit} plausible={[5_000, 25_000]} />
            <UncertainField path={['impact', 'administrationCostPerWorkerYear']} unit="euro" label={t.fund.administrationCost} />
            <UncertainField path={['impact', 'deadweight']} unit="percent" label={t.fund.deadweight} plausible={[0, 0.95]} />
            <UncertainField path={['impact', 'lksPerWorkerYear']} unit="euro" label={t.fund.lks} />
            <TextField path={['municipality', 'name']} label={t.fund.municipality} />
            <UncertainField path={['municipality', 'ownCostsPerYear']} unit="euro" label={t.fund.ownCosts} />
            <UncertainField path={['money', 'discountRate']} unit="yearlyPercent" label={t.fund.discountRate} plausible={[0, 0.08]} />
          </div>
        </Section>
      </div>
    </ContractContext.Provider>
  );
}

function RemoveButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" class="remove" disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
}

function Group({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="group">
      <legend>{title}</legend>
      <div class="grid">{children}</div>
    </fieldset>
  );
}

function EnterpriseForm({ index: i, enterprise: e, removable }: { index: number; enterprise: Enterprise; removable: boolean }) {
  const { t } = useT();
  const base = ['enterprises', i] as const;
  return (
    // Each archetype folds away (a fund has several, each with a long form); the first is open.
    <details class="item" data-enterprise={e.id} open={i === 0}>
      <summary>
        <h4>
          {e.label ?? e.id} ({t.fund.countShort(e.count ?? 1)})
        </h4>
      </summary>
      <div class="grid">
        <TextField path={[...base, 'label']} label={t.fund.enterpriseLabel} wide />
        <NumberField path={[...base, 'count']} unit="wholeNumber" label={t.fund.count} plausible={[1, 100]} />
        <NumberField path={[...base, 'intake', 'firstYear']} unit="wholeNumber" label={t.fund.firstYear} />
        <NumberField path={[...base, 'intake', 'perYear']} unit="wholeNumber" label={t.fund.perYear} optional />
      </div>
      <Group title={t.fund.business}>
        <UncertainField path={[...base, 'business', 'startupCosts']} unit="euro" label={t.fund.startupCosts} />
        <UncertainField path={[...base, 'business', 'ownCash']} unit="euro" label={t.fund.ownCash} />
        <UncertainField path={[...base, 'business', 'revenue']} unit="euro" label={t.fund.revenue} />
        <UncertainField path={[...base, 'business', 'revenueGrowth']} unit="yearlyPercent" label={t.fund.revenueGrowth} plausible={[-0.2, 0.3]} />
        <UncertainField path={[...base, 'business', 'costs']} unit="euro" label={t.fund.operatingCosts} />
        <UncertainField path={[...base, 'business', 'costGrowth']} unit="yearlyPercent" label={t.fund.costGrowth} plausible={[-0.2, 0.3]} />
        <UncertainField path={[...base, 'business', 'resultVolatility']} unit="percent" label={t.fund.resultVolatility} plausible={[0, 0.5]} />
        <UncertainField path={[...base, 'business', 'otherFailureRate']} unit="yearlyPercent" label={t.fund.otherFailureRate} plausible={[0, 0.2]} />
      </Group>
      <Group title={t.fund.jobs}>
        <UncertainField path={[...base, 'jobs', 'positions']} unit="plain" label={t.fund.positions} plausible={[0, 200]} />
        <NumberField path={[...base, 'jobs', 'rampUpYears']} unit="wholeNumber" label={t.fund.rampUpYears} />
        <UncertainField path={[...base, 'jobs', 'yearlyLeaveRate']} unit="yearlyPercent" label={t.fund.yearlyLeaveRate} plausible={[0, 0.6]} />
        <NumberField path={[...base, 'jobs', 'sustainedAfterMonths']} unit="months" label={t.fund.sustainedAfterMonths} />
        <UncertainField path={[...base, 'jobs', 'extraCostPerWorkerYear']} unit="euro" label={t.fund.extraCostPerWorkerYear} />
      </Group>
      <div class="instruments">
        <PresenceToggle
          path={[...base, 'loan']}
          label={t.fund.loan}
          make={() => ({ amount: 100_000, rate: 0.04, termYears: 5, graceYears: 0, amortisation: 'annuity' })}
        />
        {e.loan ? (
          <Group title={t.fund.loan}>
            <UncertainField path={[...base, 'loan', 'amount']} unit="euro" label={t.fund.loanAmount} />
            <UncertainField path={[...base, 'loan', 'rate']} unit="yearlyPercent" label={t.fund.loanRate} plausible={[0, 0.15]} />
            <NumberField path={[...base, 'loan', 'termYears']} unit="wholeNumber" label={t.fund.termYears} />
            <NumberField path={[...base, 'loan', 'graceYears']} unit="wholeNumber" label={t.fund.graceYears} />
            <SelectField
              path={[...base, 'loan', 'amortisation']}
              label={t.fund.amortisation}
              options={(['annuity', 'linear', 'bullet'] as const).map((k) => [k, t.fund.amortisations[k]] as const)}
            />
            <UncertainField path={[...base, 'loan', 'recoveryRate']} unit="percent" label={t.fund.recoveryRate} plausible={[0, 1]} />
          </Group>
        ) : null}
        <PresenceToggle path={[...base, 'equity']} label={t.fund.equity} make={() => ({ amount: 50_000, stake: 0.2, exitAfterYears: 5, exitMultiple: 4 })} />
        {e.equity ? (
          <Group title={t.fund.equity}>
            <UncertainField path={[...base, 'equity', 'amount']} unit="euro" label={t.fund.equityAmount} />
            <UncertainField path={[...base, 'equity', 'stake']} unit="percent" label={t.fund.stake} plausible={[0, 1]} />
            <NumberField path={[...base, 'equity', 'exitAfterYears']} unit="wholeNumber" label={t.fund.exitAfterYears} />
            <UncertainField path={[...base, 'equity', 'exitMultiple']} unit="plain" label={t.fund.exitMultiple} plausible={[0, 15]} />
          </Group>
        ) : null}
        <PresenceToggle path={[...base, 'grant']} label={t.fund.grant} make={() => ({ amount: 25_000 })} />
        {e.grant ? (
          <Group title={t.fund.grant}>
            <UncertainField path={[...base, 'grant', 'amount']} unit="euro" label={t.fund.grantAmount} />
          </Group>
        ) : null}
        <PresenceToggle
          path={[...base, 'outcomeContract']}
          label={t.fund.outcomeContract}
          make={() => ({ pricePerSustainedPlacement: 5_000, pricePerWorkerYear: 0, paidBy: 'municipality' })}
        />
        {e.outcomeContract ? (
          <Group title={t.fund.outcomeContract}>
            <UncertainField path={[...base, 'outcomeContract', 'pricePerSustainedPlacement']} unit="euro" label={t.fund.pricePerSustainedPlacement} />
            <UncertainField path={[...base, 'outcomeContract', 'pricePerWorkerYear']} unit="euro" label={t.fund.pricePerWorkerYear} />
            <SelectField
              path={[...base, 'outcomeContract', 'paidBy']}
              label={t.fund.paidBy}
              options={(['municipality', 'fund'] as const).map((k) => [k, t.fund.payers[k]] as const)}
            />
          </Group>
        ) : null}
      </div>
      <RemoveButton disabled={!removable} label={t.fund.removeEnterprise(e.label ?? e.id)} onClick={() => updateFund(['enterprises', i], undefined)} />
    </details>
  );
}
