import { useT } from '../../i18n/i18n.js';
import { formatChance, formatCount, formatEuro } from '../../numbers/format.js';
import { whoGainsTexts } from '../../../../outputs/texts/who-gains-texts.js';
import type { SimulationResult } from './key-figure-values.js';

type Output = SimulationResult['outputs'][number];

/** Ids after a prefix, in the order the run lists them: `budgetNet_uwv` -> `uwv`. */
function idsOf(outputs: Output[], prefix: string): string[] {
  return outputs.filter((o) => o.name.startsWith(prefix)).map((o) => o.name.slice(prefix.length));
}

/**
 * Who pays and who gains (issue 17), from the run's own outputs: per budget and party the mean net
 * result with its 10% and 90% bounds, each payer's chance of loss (the mean of payerLoses_), each
 * municipality of a regional contract, and the MKBA view with non-cash values in their own
 * column. Shown only when the contract has budget holders or payers. Every number carries
 * data-value as the API gave it.
 */
export function WhoGainsView({ result }: { result: SimulationResult }) {
  const { language } = useT();
  const w = whoGainsTexts(language);
  const c = w.columns;
  const outputs = result.outputs;
  const byName = new Map(outputs.map((o) => [o.name, o]));
  const holders = idsOf(outputs, 'budgetNet_');
  if (holders.length === 0) return null;
  const euro = (v: number | null | undefined) => formatEuro(v, language);
  const cell = (figure: string, value: number | null | undefined, shown = euro(value)) => (
    <td class="number" data-figure={figure} data-value={value === null || value === undefined ? '' : String(value)}>
      {shown}
    </td>
  );
  const stat = (name: string) => byName.get(name);
  const band = (name: string) => `${euro(stat(name)?.percentiles.p10)} – ${euro(stat(name)?.percentiles.p90)}`;
  const parties = idsOf(outputs, 'partyNet_');
  const payers = idsOf(outputs, 'payerPays_');
  const municipalities = idsOf(outputs, 'municipalityNet_');
  const perspectives = idsOf(outputs, 'mkbaCash_');
  return (
    <section aria-labelledby="who-gains-heading" id="who-gains">
      <h3 id="who-gains-heading">{w.heading}</h3>
      <p class="hint">{w.intro}</p>
      <div class="table-scroll">
        <table class="numbers">
          <thead>
            <tr>
              <th>{c.budget}</th>
              <th class="number">{c.netMean}</th>
              <th class="number">
                {c.netP10} – {c.netP90}
              </th>
            </tr>
          </thead>
          <tbody>
            {holders.map((h) => (
              <tr key={h}>
                <th scope="row">{w.holders[h] ?? h}</th>
                {cell(`budgetNet:${h}`, stat(`budgetNet_${h}`)?.mean)}
                <td class="number">{band(`budgetNet_${h}`)}</td>
              </tr>
            ))}
            {parties.map((p) => (
              <tr key={`party-${p}`} class="total">
                <th scope="row">
                  {c.total}: {w.parties[p] ?? p}
                </th>
                {cell(`partyNet:${p}`, stat(`partyNet_${p}`)?.mean)}
                <td class="number">{band(`partyNet_${p}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{w.payersHeading}</h4>
      <div class="table-scroll">
        <table class="numbers">
          <thead>
            <tr>
              <th>{c.payer}</th>
              <th class="number">{c.pays}</th>
              <th class="number">{c.payerNet}</th>
              <th class="number">{c.lossChance}</th>
            </tr>
          </thead>
          <tbody>
            {payers.map((p) => {
              const loss = stat(`payerLoses_${p}`)?.mean;
              return (
                <tr key={p}>
                  <th scope="row">{p}</th>
                  {cell(`payerPays:${p}`, stat(`payerPays_${p}`)?.mean)}
                  {cell(`payerNet:${p}`, stat(`payerNet_${p}`)?.mean)}
                  {cell(`payerLossChance:${p}`, loss, formatChance(loss, language))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {municipalities.length > 0 ? (
        <>
          <h4>{w.municipalitiesHeading}</h4>
          <div class="table-scroll">
            <table class="numbers">
              <thead>
                <tr>
                  <th>{c.municipality}</th>
                  <th class="number">{c.participants}</th>
                  <th class="number">{c.netMean}</th>
                  <th class="number">
                    {c.netP10} – {c.netP90}
                  </th>
                </tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <tr key={m}>
                    <th scope="row">{m}</th>
                    {cell(`municipalityParticipants:${m}`, stat(`municipalityParticipants_${m}`)?.mean, formatCount(stat(`municipalityParticipants_${m}`)?.mean, language))}
                    {cell(`municipalityNet:${m}`, stat(`municipalityNet_${m}`)?.mean)}
                    <td class="number">{band(`municipalityNet_${m}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <h4>{w.mkbaHeading}</h4>
      <div class="table-scroll">
        <table class="numbers">
          <thead>
            <tr>
              <th>{c.perspective}</th>
              <th class="number">{c.cashMean}</th>
              <th class="number">{c.nonCash}</th>
            </tr>
          </thead>
          <tbody>
            {perspectives.map((v) => (
              <tr key={v}>
                <th scope="row">{w.perspectives[v] ?? v}</th>
                {cell(`mkbaCash:${v}`, stat(`mkbaCash_${v}`)?.mean)}
                {cell(`mkbaNonCash:${v}`, stat(`mkbaNonCash_${v}`)?.mean)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{w.mkbaNote}</p>
    </section>
  );
}
