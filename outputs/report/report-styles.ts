/**
 * The report's stylesheet, inlined so the HTML file stands alone. Written for A4 print first
 * (the PDF is this page printed) and readable on screen.
 */
export const REPORT_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; margin: 0 auto; max-width: 800px; padding: 24px; }
@media print { body { padding: 0; max-width: none; } }
header { border-bottom: 3px solid #0072B2; padding-bottom: 10px; margin-bottom: 18px; }
.kicker { margin: 0; color: #444; font-size: 9.5pt; }
h1 { font-size: 20pt; margin: 4px 0 6px; line-height: 1.2; }
h2 { font-size: 14pt; margin: 26px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 3px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 14px 0 4px; break-after: avoid; }
.meta { margin: 0; color: #444; font-size: 9pt; }
p { margin: 0 0 8px; }
.figures { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.figure { border: 1px solid #bbb; border-left: 5px solid #0072B2; padding: 8px 10px; break-inside: avoid; page-break-inside: avoid; }
.figure-label { font-size: 9.5pt; color: #333; }
.figure-value { font-size: 18pt; font-weight: bold; font-variant-numeric: tabular-nums; margin: 2px 0; }
.figure-detail { font-size: 9pt; color: #333; }
.figure.wide { grid-column: 1 / -1; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6px 0 10px; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid #ddd; }
th { background: #eef1f4; font-weight: bold; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.budget { width: auto; min-width: 50%; }
figure { margin: 14px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 9pt; color: #333; margin-top: 4px; }
ul.findings { padding-left: 18px; }
ul.findings li { margin-bottom: 6px; }
dl.reproduction { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 9.5pt; }
dl.reproduction dt { color: #444; }
dl.reproduction dd { margin: 0; font-variant-numeric: tabular-nums; }
table.yearly td.number { line-height: 1.25; }
table.yearly tr.total td { font-weight: bold; border-top: 2px solid #999; }
.band { font-size: 8pt; color: #555; font-weight: normal; }
.caveat { border-left: 4px solid #D55E00; padding: 4px 8px; background: #fdf3ec; }
@media print { p.download { display: none; } }
@media screen { p.download-note { display: none; } }
a { color: #005a8c; }
`;
