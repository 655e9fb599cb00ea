import { PresenceToggle, Section, SelectField } from '../../components/simple-fields.js';
import { UncertainField } from '../../components/uncertain-field.js';
import { useT } from '../../i18n/i18n.js';
import { useContract } from '../../state/contract-store.js';
import { getAt } from '../../state/paths.js';

/**
 * The optional investor (a social impact bond) and its first-loss guarantee. Switching the investor
 * on fills the schema's own defaults (financed share 100%, return cap 12% as in the Buzinezzclub
 * Rotterdam SIB, hurdle 8%); the commitment is left for the user.
 */
export function InvestorSection() {
  const { t } = useT();
  const { contract } = useContract();
  const investor = getAt(contract, ['investor']);
  const guarantee = getAt(contract, ['investor', 'firstLossGuarantee']);
  return (
    <Section id="section-investor" title={t.builder.investorSection}>
      <PresenceToggle path={['investor']} label={t.builder.useInvestor} make={() => ({ financedShare: 1, returnCap: 0.12, hurdleRate: 0.08 })} />
      {investor !== undefined ? (
        <>
          <div class="grid">
            <UncertainField path={['investor', 'commitment']} unit="euro" />
            <UncertainField path={['investor', 'financedShare']} unit="percent" plausible={[0, 1]} />
            <UncertainField path={['investor', 'returnCap']} unit="yearlyPercent" plausible={[0, 0.3]} />
            <UncertainField path={['investor', 'hurdleRate']} unit="yearlyPercent" plausible={[0, 0.3]} />
          </div>
          <PresenceToggle path={['investor', 'firstLossGuarantee']} label={t.builder.useGuarantee} make={() => ({ guarantor: 'thirdParty' })} />
          {guarantee !== undefined ? (
            <div class="grid">
              <UncertainField path={['investor', 'firstLossGuarantee', 'amount']} unit="euro" />
              <SelectField path={['investor', 'firstLossGuarantee', 'guarantor']} options={(['thirdParty', 'payer'] as const).map((g) => [g, t.builder.guarantors[g]] as const)} />
            </div>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
