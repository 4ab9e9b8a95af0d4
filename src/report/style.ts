/** The report's stylesheet: screen and print (A4), inlined so the report needs no other file. */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 15mm 20mm 15mm; }
:root {
  --ink: #1d2329; --muted: #5b6670; --rule: #b9c3cc; --accent: #2f6f9f; --accent-soft: #e8f0f7;
  --bad: #b03a2e; --bad-soft: #fdecea; --good: #2e7d4f; --good-soft: #e6f4ea; --chosen: #fff1c7;
}
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: var(--ink); line-height: 1.42; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 4mm 16mm; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 12pt; }
h2 { font-size: 15pt; color: var(--accent); border-bottom: 1.5pt solid var(--accent); padding-bottom: 2pt; margin: 0 0 8pt; }
h3 { font-size: 12pt; margin: 16pt 0 6pt; }
h4 { font-size: 10.5pt; margin: 12pt 0 4pt; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0 6pt; }
section.major { break-before: page; page-break-before: always; }
.cover { min-height: 245mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.cover .kind { font-size: 11pt; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); margin: 0 0 6pt; font-weight: bold; }
.cover .organisation { font-size: 14pt; margin: 0 0 18pt; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 12pt; margin: 0 0 24pt; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; }
.cover .prepared { color: var(--muted); font-size: 8.5pt; border-top: 0.5pt solid var(--rule); padding-top: 6pt; }
.cover nav h2 { font-size: 11pt; border: 0; color: var(--ink); margin: 0 0 4pt; }
.cover nav ol { margin: 0; padding-left: 16pt; }
.cover nav a { color: inherit; text-decoration: none; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8pt; margin: 6pt 0 12pt; }
.card { border: 0.75pt solid var(--rule); border-top: 3pt solid var(--accent); padding: 6pt 8pt; break-inside: avoid; }
.card .label { font-size: 8pt; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.card .value { font-size: 16pt; font-weight: bold; line-height: 1.2; margin: 2pt 0; }
.card .detail { font-size: 8.5pt; }
.card.red { border-top-color: #d64541; } .card.yellow { border-top-color: #f2c12e; } .card.green { border-top-color: #3a9d5d; }
.card.negative { border-top-color: var(--bad); } .card.positive { border-top-color: var(--good); }
.summary ul { margin: 2pt 0 8pt; padding-left: 14pt; }
.table-block { margin: 8pt 0 12pt; }
.table-block.keep { break-inside: avoid; page-break-inside: avoid; }
th.no { width: 2.2em; white-space: nowrap; }
table.epi { font-size: 8pt; }
table.weighted-sum { table-layout: fixed; }
table.weighted-sum thead th:first-child { width: 22%; }
table.weighted-sum thead th:nth-child(2) { width: 11%; }
table.financial thead th:first-child { width: 34%; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.3; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9pt; padding: 0 0 3pt; }
caption .number, figcaption .number { color: var(--accent); }
th, td { border: 0.5pt solid var(--rule); padding: 2.5pt 4pt; vertical-align: top; text-align: left; overflow-wrap: break-word; hyphens: manual; }
thead th { background: var(--accent-soft); font-weight: bold; vertical-align: bottom; }
tbody th { font-weight: normal; }
thead { display: table-header-group; }
tr, tbody.keep { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th.group { font-weight: bold; background: #f6f8fa; width: 22%; }
tr.group-head th { font-weight: bold; background: #f6f8fa; }
tr.total th, tr.total td { font-weight: bold; border-top: 1pt solid var(--ink); }
tr.subtotal td, tr.subtotal th { font-style: italic; }
tr.closure td { color: var(--muted); }
tr.closure.warn td { color: var(--bad); font-weight: bold; }
tr.key th, tr.key td { font-weight: bold; }
tr.bad td { background: var(--bad-soft); }
tr.low td, tr.low th { background: var(--bad-soft); }
tr.high td, tr.high th { background: var(--good-soft); }
tr.highlight td, tr.highlight th { background: var(--bad-soft); }
.chosen, tr.chosen td, tr.chosen th { background: var(--chosen); }
.chosen-mark { font-weight: bold; color: #7a5200; font-size: 8pt; }
.strong { font-weight: bold; }
.fail { color: var(--bad); font-weight: bold; }
.ok { color: var(--good); font-weight: bold; }
tr.eliminated th { color: var(--muted); }
.sub { font-weight: normal; font-size: 7.5pt; color: var(--muted); }
.band { display: inline-block; padding: 0 5pt; border-radius: 3pt; font-weight: bold; }
.band-red { background: #d64541; color: #fff; }
.band-yellow { background: #f2c12e; color: #222; }
.band-green { background: #3a9d5d; color: #fff; }
.table-note { font-size: 8pt; color: var(--muted); margin: 2pt 0 0; }
figure { margin: 8pt 0 14pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 9pt; font-weight: bold; margin-top: 4pt; text-align: center; }
.warning { border-left: 3pt solid var(--bad); background: var(--bad-soft); padding: 4pt 6pt; font-weight: bold; }
.decision { border-left: 3pt solid var(--accent); background: var(--accent-soft); padding: 4pt 6pt; }
.status { font-weight: bold; }
.status-match { color: var(--good); }
.status-discrepancy { color: var(--bad); }
.status-unresolved { color: var(--muted); }
tr.audit-discrepancy td, tr.audit-discrepancy th { background: var(--bad-soft); }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt; overflow-wrap: anywhere; }
table.plan thead th { width: 17%; }
table.plan thead th:nth-child(3) { width: 32%; }
`;
