import { useMemo } from 'preact/hooks';
import { Chart } from '../../components/chart.js';
import { useT } from '../../i18n/i18n.js';
import { formatChance, formatEuro, formatPercent } from '../../numbers/format.js';
import { eventChance, outputOf, type SimulationResult } from './key-figure-values.js';
import { netResultSpec, yearlyFanRows, yearlyFanSpec } from './result-charts.js';
import { REPORT_EVENTS } from '../../../../outputs/report/report-analyses.js';

/** The yearly budget fan and the distribution of the net result, each with a title, a text alternative and its figures in a table. */
export function ResultCharts({ result, contract, budget }: { result: SimulationResult; contract: { startMonth?: string; horizonMonths?: number }; budget: number | null }) {
  const { t, language } = useT();
  const w = t.resultsRun;
  const euro = (v: number | null | undefined) => formatEuro(v, language);
  const rows = useMemo(() => yearlyFanRows(result, contract, language), [result, contract, language]);
  const fan = useMemo(
    () => yearlyFanSpec(rows, budget, language, { title: w.chartYearly, year: w.fanYear, axis: w.fanAxis, band: w.fanBand, median: w.fanMedian, budget: w.fanBudget }),
    [rows, budget, language],
  );
  const net = useMemo(() => netResultSpec(result, language), [result, language]);
  const netOutput = outputOf(result, 'payerNetResult');
  const cell = (column: string, value: unknown) => {
    if (typeof value !== 'number') return String(value ?? '').replace('|', ' ');
    return column === 'share' ? formatPercent(value, language, 1) : euro(value);
  };
  const label = (column: string) => w.columns[column] ?? column;
  return (
    <>
      <Chart
        id="chart-yearly-fan"
        title={w.chartYearly}
        spec={fan}
        formatCell={cell}
        columnLabel={label}
        description={w.fanAlt(rows.map((r) => w.fanYearWords(r.year, euro(r.p10), euro(r.p50), euro(r.p90))).join('; '))}
      />
      {fan !== null ? (
        <p class="hint" id="fan-legend">
          {[w.fanBand, w.fanMedian, ...(budget !== null ? [w.fanBudget(euro(budget))] : [])].join(' · ')}
        </p>
      ) : null}
      <Chart
        id="chart-net-result"
        title={w.chartNet}
        spec={net}
        formatCell={cell}
        columnLabel={label}
        description={
          netOutput
            ? w.netAlt(euro(netOutput.percentiles.p10), euro(netOutput.mean), euro(netOutput.percentiles.p90), formatChance(eventChance(result, REPORT_EVENTS.payerGains.name), language))
            : undefined
        }
      />
    </>
  );
}
