/** The report's only stylesheet, inlined into the page: system fonts, no external resources. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #222; --muted: #666; --rule: #ddd; --accent: #4c78a8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1600px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.source, .note, figcaption, footer { color: var(--muted); }
footer { margin-top: 40px; font-size: 12px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 12px 4px 0; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom-color: #999; }
td.num, th.num { text-align: right; padding-left: 16px; }
td.key { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
td.value { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; word-break: break-word; }
td.columns { font-size: 12px; color: #555; max-width: 28em; word-break: break-word; }
td.depth-1 { padding-left: 1.5em; }
td.depth-2 { padding-left: 3em; }
td.depth-3 { padding-left: 4.5em; }
td.depth-4 { padding-left: 6em; }
td.composite { font-weight: 600; }
figure.chart { margin: 12px 0 20px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 13px; margin-top: 4px; }
.empty { font-style: italic; color: var(--muted); }
ul.files { padding-left: 1.2em; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); column-gap: 40px; }
main > section { min-width: 0; overflow-x: auto; }
section#funnel, section#columns { grid-column: 1 / -1; }
`.trim();
