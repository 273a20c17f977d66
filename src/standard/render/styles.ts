/**
 * The one stylesheet of the rendered dossier, embedded in the page: calm typography, readable
 * sizes, colours with enough contrast (WCAG AA on white), and print rules for A4.
 */
export const STYLES = `
:root {
  --ink: #1f2933;
  --muted: #4f5b67;
  --line: #d9e2ec;
  --line-strong: #b6c4d2;
  --soft: #f4f6f9;
  --accent: #1c4f8a;
  --accent-soft: #eaf1fa;
  --warn: #7a4a00;
  --warn-line: #d69e2e;
  --warn-soft: #fff7e6;
  --ok: #1e6b3a;
  --off: #5f6b76;
}
* { box-sizing: border-box; }
html { font-size: 16px; -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  color: var(--ink);
  background: #fff;
  line-height: 1.5;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
main { max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
a { color: var(--accent); }
h1, h2, h3, h4 { line-height: 1.25; font-weight: 600; }
h1 { font-size: 2rem; margin: .2rem 0 0; letter-spacing: -.01em; }
h2 { font-size: 1.35rem; color: var(--accent); margin: 0 0 1rem; padding-bottom: .35rem; border-bottom: 2px solid var(--accent); }
h2 .num { display: inline-block; min-width: 1.6em; color: var(--muted); font-weight: 500; }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .5rem; }
h4 { font-size: .98rem; margin: 1.1rem 0 .4rem; color: var(--ink); }
p { margin: .5rem 0; }
.muted { color: var(--muted); }
.lead { font-weight: 600; }

/* header */
.doc-header { margin-bottom: 2rem; }
.kicker { margin: 0; font-size: .78rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.formal-name { margin: .15rem 0 0; color: var(--muted); }
dl.facts { margin: 1.25rem 0 1rem; display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.5rem; }
dl.facts > div { display: contents; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; }
.note { margin: 1rem 0 .5rem; padding: .75rem 1rem; background: var(--soft); border-left: 4px solid var(--accent); font-size: .92rem; }
.generated { font-size: .8rem; color: var(--muted); margin: .25rem 0 0; }

/* field lists */
dl.fields { margin: .5rem 0 1rem; border-top: 1px solid var(--line); }
dl.fields > div { display: grid; grid-template-columns: minmax(9rem, 15rem) 1fr; gap: 1rem; padding: .4rem 0; border-bottom: 1px solid var(--line); }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
dl.fields.nested { border-top: 0; margin: 0; }
dl.fields.nested > div { grid-template-columns: minmax(7rem, 11rem) 1fr; padding: .15rem 0; border-bottom: 0; }
dl.fields.compact > div { padding: .25rem 0; }
.prose { white-space: pre-line; margin: .25rem 0; }
dd .prose, td .prose { margin: 0; }
span.prose { display: block; }

/* tables */
.table-wrap { margin: .75rem 0 1.25rem; overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: .92rem; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 .4rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); color: var(--muted); font-size: .82rem; font-weight: 600; border-bottom: 2px solid var(--line-strong); }
tbody th { font-weight: 600; }
th:first-child, td:first-child { padding-left: .4rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
table.diagnoses tbody th { font-weight: 400; }
/* A table right under its own heading: the caption stays for screen readers only. */
section.sub > h3 + .table-wrap caption,
section.category > h2 + .table-wrap caption {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.none { color: var(--line-strong); }
table.contents-table td, table.contents-table th { padding-top: .3rem; padding-bottom: .3rem; }
table.contents-table th.num { width: 3rem; color: var(--muted); font-weight: 500; }
table.career tbody th { white-space: nowrap; }
table.grades tbody tr:last-child th, table.grades tbody tr:last-child td { border-top: 2px solid var(--line-strong); }

/* status of a category */
.status { white-space: nowrap; }
.status::before { content: ""; display: inline-block; width: .6em; height: .6em; border-radius: 50%; margin-right: .45em; vertical-align: .05em; background: var(--off); }
.status.delivered::before { background: var(--ok); }
.status.opt-out::before { background: var(--warn-line); }
.status.forbidden::before, .status.empty::before { background: #aab4be; }
.status.conflict { color: var(--warn); font-weight: 600; }
td .status { white-space: normal; }

/* sections */
section.category, section.appendix, section.summary, section.contents { margin: 2.75rem 0 0; }
section.summary { margin-top: 0; }
section.summary h2, section.contents h2 { font-size: 1.15rem; }
section.category.collapsed { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; margin: 0; padding: .55rem 0; border-bottom: 1px solid var(--line); }
section.category.collapsed h2 { flex: 0 0 15rem; margin: 0; padding: 0; border: 0; font-size: 1rem; color: var(--ink); }
section.category.collapsed p.status { margin: 0; color: var(--muted); font-size: .92rem; }
section.category:not(.collapsed) + section.category.collapsed { margin-top: 2rem; }
section.sub { margin-top: 1.25rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1.15rem; margin: 1rem 0; background: #fff; }
.card > h3:first-child, .card > h4:first-child, .card-head > h3:first-child { margin-top: 0; }
.rest { margin: .75rem 0; }
.rest-title, .rest-item { margin: .5rem 0 0; font-size: .8rem; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
.rest-item { text-transform: none; letter-spacing: 0; font-weight: 600; }

/* advice */
.tiles { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .75rem; margin: .75rem 0 1rem; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: .7rem 1rem; min-width: 0; overflow-wrap: anywhere; hyphens: auto; }
.tile.main, .tiles:has(.main + .main) .tile { grid-column: span 2; }
@media (max-width: 40rem) { .tiles { grid-template-columns: 1fr 1fr; } .tile.main { grid-column: span 2; } }
.tile .k { display: block; font-size: .75rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.tile .v { display: block; font-size: 1.08rem; font-weight: 600; margin-top: .15rem; }
.tile .n { display: block; font-size: .85rem; color: var(--muted); margin-top: .25rem; }
.tile.main { border-color: var(--accent); background: var(--accent-soft); }
.tile.main .v { font-size: 1.25rem; color: var(--accent); }
.summary-note { font-size: .95rem; }
.callout { margin: .75rem 0; padding: .7rem 1rem; border-radius: 0 6px 6px 0; border-left: 4px solid var(--accent); background: var(--accent-soft); }
.callout.warn { border-left-color: var(--warn-line); background: var(--warn-soft); }
.callout .prose { margin: 0; }
.score { font-size: 1.15rem; }

/* addresses, contact, documents */
.addresses { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .6rem; margin: .5rem 0; }
.address { display: flex; flex-direction: column; border: 1px solid var(--line); border-radius: 6px; padding: .55rem .8rem; font-size: .93rem; }
.address .kind, ul.contact .kind { font-size: .75rem; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
ul.contact { list-style: none; margin: .5rem 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .35rem 1.25rem; }
ul.contact li { padding: .2rem 0; }
ul.contact .kind { display: block; }
ul.contact .value { overflow-wrap: anywhere; }
.secret { font-style: italic; color: var(--muted); }
p.secret { margin: .5rem 0; }
.tag { display: inline-block; font-size: .72rem; line-height: 1.4; padding: 0 .45em; border: 1px solid var(--line-strong); border-radius: 999px; color: var(--muted); font-weight: 500; vertical-align: .1em; }
ul.docs { list-style: none; margin: .35rem 0; padding: 0; }
ul.docs li { padding: .1rem 0 .1rem 1.1rem; position: relative; }
ul.docs li::before { content: ""; position: absolute; left: .15rem; top: .55em; width: .5em; height: .65em; border: 1.5px solid var(--muted); border-radius: 1px; }
.doc .file { font-weight: 600; overflow-wrap: anywhere; }
.doc .desc, .doc .size { color: var(--muted); }
td ul.docs { margin: 0; }
ul.plain { margin: .5rem 0; padding-left: 1.2rem; }
.party-name { margin: 0 0 .25rem; font-weight: 600; }
.person { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 1.5rem; align-items: start; }
.person dl.fields { margin-top: 0; }
.person dl.fields > div { grid-template-columns: minmax(7rem, 11rem) 1fr; gap: .75rem; }
.person-contact .addresses, .person-contact ul.contact { grid-template-columns: 1fr; margin-top: 0; }
@media (max-width: 40rem) { .person { grid-template-columns: 1fr; } }

/* print: A4 */
@page { size: A4; margin: 20mm 16mm 18mm; }
@media print {
  html { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .new-page { break-before: page; }
  h1, h2, h3, h4, caption, .rest-title, .rest-item { break-after: avoid; }
  tr, .address, .tile, .tiles, dl.fields > div, ul.contact li, ul.docs li, .callout { break-inside: avoid; }
  .table-wrap.keep, .card:not(.test), .card-head, .person, .addresses, .party { break-inside: avoid; }
  .doc-header { margin-bottom: 1rem; }
  dl.facts { margin: .75rem 0; }
  .note { padding: .5rem .8rem; }
  section.summary h2, section.contents h2 { margin-bottom: .5rem; }
  section.contents { margin-top: 1.25rem; break-inside: avoid; }
  section.contents > p { margin: .25rem 0; }
  table.contents-table td, table.contents-table th { padding-top: .12rem; padding-bottom: .12rem; }
  .tiles { margin: .5rem 0; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  section.category, section.appendix { margin-top: 2rem; }
}
`;
