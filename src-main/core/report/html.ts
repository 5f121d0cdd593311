/**
 * The pieces every report is built of: escaping, the page with its own styles (screen and print),
 * and small blocks. A report is one file that must open offline, years later, in any browser, and
 * print to PDF: so no script, no external reference, no web font — styles are inline in <style>.
 */
import { scrubSecrets } from '../scrub.js';

/**
 * Everything that came from input goes through here: escaped for HTML, and scrubbed of anything
 * shaped like a token-uuid or a token body (the second net — report data is already masked).
 */
export function text(value: string | number | null | undefined): string {
  return esc(scrubSecrets(String(value ?? '')));
}

/** HTML escaping only, for text the report itself wrote */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** ms since the epoch → "2026-12-07 21:30:05 UTC" */
export function utc(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function section(title: string, body: string, cls = ''): string {
  return `<section${cls ? ` class="${cls}"` : ''}><h2>${esc(title)}</h2>\n${body}</section>\n`;
}

/** A two-column table of label → value; values are already HTML */
export function facts(rows: readonly [string, string][]): string {
  if (rows.length === 0) return '';
  return `<table class="facts">${rows.map(([k, v]) => `<tr><th scope="row">${text(k)}</th><td>${v}</td></tr>`).join('')}</table>\n`;
}

/** A verdict banner: good, bad or warn */
export function verdict(tone: 'good' | 'bad' | 'warn', headline: string, detail: string): string {
  return `<div class="verdict ${tone}"><p class="headline">${text(headline)}</p>${detail ? `<p>${text(detail)}</p>` : ''}</div>\n`;
}

export function pre(content: string): string {
  return `<pre>${text(content)}</pre>\n`;
}

const STYLE = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--good:#1a7f37;--bad:#cf222e;--warn:#9a6700;--bg2:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);margin:0 auto;max-width:980px;padding:24px}
header{border-bottom:2px solid var(--fg);margin-bottom:16px;padding-bottom:8px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:22px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:14px 0 6px}
.meta{color:var(--muted);margin:0}
code,pre,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12.5px}
pre{background:var(--bg2);border:1px solid var(--line);border-radius:4px;padding:8px 10px;white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:var(--bg2)}
table.facts th{width:28%;background:var(--bg2);font-weight:600}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.nowrap{white-space:nowrap;overflow-wrap:normal}
.verdict{border-left:6px solid;padding:8px 12px;margin:12px 0;background:var(--bg2)}
.verdict p{margin:2px 0}.verdict .headline{font-weight:700;font-size:16px}
.good{border-color:var(--good)}.bad{border-color:var(--bad)}.warn{border-color:var(--warn)}
.st-ok{color:var(--good);font-weight:600}.st-failed{color:var(--bad);font-weight:700}.st-skipped{color:var(--muted)}
.finding{border:1px solid var(--line);border-left:5px solid;border-radius:4px;padding:6px 10px;margin:8px 0;break-inside:avoid}
.finding.error{border-left-color:var(--bad)}.finding.warning{border-left-color:var(--warn)}.finding.info{border-left-color:var(--muted)}
.finding p{margin:3px 0}
.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 5px;font-size:11.5px;margin-right:4px;background:#fff}
.tag.genesys{border-color:#0969da;color:#0969da}.tag.model{border-color:#8250df;color:#8250df}.tag.advice{border-color:var(--warn);color:var(--warn)}
.cert{break-inside:avoid}
.muted{color:var(--muted)}
footer{margin-top:28px;border-top:1px solid var(--line);padding-top:6px;color:var(--muted);font-size:12px}
@page{size:A4;margin:16mm 14mm}
@media print{body{max-width:none;padding:0;font-size:11.5px}pre{white-space:pre-wrap}h2{break-after:avoid}section{break-inside:auto}tr,.finding,.cert{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

/** The whole page. `title` is the report's own words; `body` is HTML already escaped. */
export function page(title: string, subtitle: string, body: string, footer: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="GAX Token Lab">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="meta">${subtitle}</p></header>
<main>
${body}</main>
<footer>${footer}</footer>
</body>
</html>
`;
}
