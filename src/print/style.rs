//! The printout's stylesheet, every rule under `.wg-print` so that it can
//! join the app's page without touching it. A4; the CLI's page adds only
//! its body. No colour carries meaning alone: a failed condition is also
//! worded 不符合.

/// The stylesheet (the app adopts it; the CLI's page inlines it by hash).
pub const STYLE: &str = "\
@page { size: A4; margin: 14mm 14mm 16mm; }
.wg-print { font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'Songti SC', 'Noto Sans CJK SC', 'Microsoft YaHei', serif; font-size: 10pt; line-height: 1.45; color: #111; background: #fff; }
.wg-print .gloss { display: block; font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; font-size: 0.8em; font-weight: normal; color: #444; line-height: 1.3; }
.wg-print th .gloss, .wg-print td .gloss, .wg-print .wg-sign .gloss, .wg-print .wg-seal .gloss { display: block; }
.wg-print .wg-sheet { position: relative; border: 1px solid #999; padding: 10mm 12mm; margin: 0 0 8mm; background: #fff; overflow-wrap: anywhere; }
.wg-print .wg-sheet--sample { background-image: repeating-linear-gradient(-35deg, transparent 0 28mm, rgba(179, 0, 0, 0.06) 28mm 30mm); }
.wg-print .wg-sample { border: 1.5pt solid #b30000; color: #b30000; padding: 1mm 3mm; margin: 0 0 3mm; font-size: 10pt; text-align: center; line-height: 1.3; }
.wg-print .wg-sample strong { font-size: 13pt; letter-spacing: 0.3em; margin-right: 0.5em; }
.wg-print .wg-sample span { font-size: 8.5pt; margin-left: 0.5em; }
.wg-print .wg-sample-mark { display: none; }
.wg-print .wg-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; border-bottom: 1.5pt solid #111; padding-bottom: 2mm; margin-bottom: 2mm; }
.wg-print h1 { font-size: 18pt; margin: 0 0 1mm; letter-spacing: 0.05em; }
.wg-print h2 { font-size: 12pt; margin: 3mm 0 1.5mm; break-after: avoid; }
.wg-print h3 { font-size: 10.5pt; margin: 2.5mm 0 1mm; break-after: avoid; }
.wg-print .wg-meta { font-size: 9pt; color: #333; margin: 0; }
.wg-print .wg-qr { margin: 0; text-align: center; flex: none; width: 32mm; }
.wg-print .wg-qr__code { display: block; width: 28mm; height: 28mm; margin: 0 auto; }
.wg-print .wg-qr__digest { font-family: 'DejaVu Sans Mono', monospace; font-size: 6pt; overflow-wrap: anywhere; color: #333; }
.wg-print .wg-noqr { font-size: 9pt; max-width: 40mm; }
.wg-print table { border-collapse: collapse; width: 100%; margin: 0 0 2mm; break-inside: auto; }
.wg-print caption { text-align: left; font-weight: bold; font-size: 10.5pt; padding: 1mm 0 0.5mm; }
.wg-print th, .wg-print td { border: 0.75pt solid #555; padding: 0.7mm 1.5mm; text-align: left; vertical-align: top; }
.wg-print tbody th { width: 42%; font-weight: normal; background: #f3f3f3; }
.wg-print .wg-answers--pairs { table-layout: fixed; }
.wg-print .wg-answers--pairs th { width: 19%; }
.wg-print .wg-answers--pairs td { width: 31%; }
.wg-print .wg-answers--pairs .wg-empty { border: 0; }
.wg-print .wg-months th { width: auto; }
.wg-print .num { text-align: right; font-variant-numeric: tabular-nums; }
.wg-print tr { break-inside: avoid; }
.wg-print .wg-outcome { font-size: 12pt; font-weight: bold; margin: 0 0 2mm; }
.wg-print .wg-amount td { font-size: 12pt; font-weight: bold; }
.wg-print .wg-capitals { letter-spacing: 0.08em; }
.wg-print .wg-reasons { padding-left: 6mm; margin: 0 0 2mm; font-size: 9.5pt; line-height: 1.4; }
.wg-print .wg-reasons li { margin: 0 0 1mm; break-inside: avoid; }
.wg-print .wg-reason--failed strong { text-decoration: underline; }
.wg-print .wg-source { display: block; font-size: 8.5pt; color: #333; }
.wg-print .wg-notes { font-size: 8.5pt; line-height: 1.35; padding-left: 6mm; margin: 0 0 2mm; }
.wg-print .wg-letter { font-size: 12pt; margin: 4mm 0; }
.wg-print .wg-clauses { font-size: 12pt; line-height: 1.8; padding-left: 8mm; }
.wg-print .wg-signs { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm; margin-top: 6mm; break-inside: avoid; }
.wg-print .wg-sign-lines { flex: 1; }
.wg-print .wg-sign { margin: 0 0 6mm; font-size: 10.5pt; }
.wg-print .wg-line { display: inline-block; width: 50mm; border-bottom: 0.75pt solid #111; vertical-align: bottom; height: 1.2em; }
.wg-print .wg-seal { flex: none; width: 36mm; height: 36mm; border: 1pt dashed #555; display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; color: #333; }
.wg-print .wg-error { border-left: 3pt solid #b30000; padding: 2mm 3mm; }
.wg-print .wg-page + .wg-page { border-top: 1px dashed #999; margin-top: 8mm; padding-top: 8mm; }
.wg-print .wg-close { break-inside: avoid; }
@media print {
  .wg-print .wg-sheet { border: 0; padding: 0; margin: 0; break-after: page; }
  .wg-print .wg-sheet:last-child { break-after: auto; }
  .wg-print .wg-page { break-after: page; }
  .wg-print .wg-page:last-child { break-after: auto; }
  .wg-print .wg-page + .wg-page { border-top: 0; margin-top: 0; padding-top: 0; }
  /* The sample mark across every printed page, even one a long answer adds. */
  .wg-print .wg-sample-mark { display: block; position: fixed; top: 40%; left: 0; right: 0; text-align: center; transform: rotate(-30deg); font-size: 64pt; font-weight: bold; letter-spacing: 0.2em; color: rgba(179, 0, 0, 0.12); pointer-events: none; z-index: 1; }
  .wg-print .wg-sample, .wg-print .wg-sheet--sample, .wg-print tbody th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
";
