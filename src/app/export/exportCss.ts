/**
 * The style sheet inlined in HTML exports: readable on screen, tidy on paper,
 * no external resources (the page must open offline, years later).
 */
export const EXPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1f24; background: #fff; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.25rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 600; color: #57606a; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.entries { list-style: none; margin: 0; padding: 0; }
.entry { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.75rem; padding: 0.35rem 0; border-bottom: 1px solid #eaeef2; break-inside: avoid; }
.entry[data-audience='reps'] { background: #fff4d6; }
.entry time { color: #57606a; font-variant-numeric: tabular-nums; font-size: 0.85rem; padding-top: 0.1rem; }
.entry p { margin: 0; grid-column: 2; }
.meta strong { font-weight: 600; }
.status { font-style: italic; color: #57606a; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { font-size: 0.75rem; border: 1px solid #9a6700; color: #7a5200; border-radius: 0.25rem; padding: 0 0.3rem; margin-left: 0.4rem; font-style: normal; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .entry[data-audience='reps'] { background: none; }
}
`
