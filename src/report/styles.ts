/**
 * The report's stylesheet. Every text colour is ≥ 4.5:1 against its background (WCAG AA); print keeps the
 * coloured banner and badges, drops the page width and keeps table rows whole.
 */
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#0f172a;--muted:#475569;--line:#cbd5e1;--soft:#f1f5f9;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1040px;padding:32px 28px 40px;line-height:1.5;font-size:15px}
header.top{border-bottom:3px solid var(--ink);padding-bottom:14px;margin-bottom:20px}
.kicker{margin:0;color:var(--muted);font-size:.8rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase}
h1{font-size:1.75rem;margin:2px 0 10px;line-height:1.2}
h2{font-size:1.2rem;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
section{margin:28px 0}
dl.meta{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0}
dl.meta div{display:flex;gap:6px}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;font-weight:600}
.decision{color:#fff;border-radius:10px;padding:18px 22px;margin:0}
.decision h2{color:#fff;border:0;margin:0;padding:0;font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;opacity:.95}
.decision .verdict{font-size:1.45rem;font-weight:700;margin:2px 0}.decision p{margin:2px 0 0}
.decision code{background:rgba(255,255,255,.16);color:#fff;padding:1px 6px;border-radius:4px}
.d-proceed{background:#166534}.d-proceed-with-conditions{background:#854d0e}.d-escalate{background:#9a3412}.d-decline{background:#991b1b}
.stats{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:14px 0 0;padding:0;list-style:none}
.stats li{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fff}
.stats .n{display:block;font-size:1.5rem;font-weight:700;line-height:1.2}.stats .l{color:var(--muted);font-size:.85rem}
.overview{display:flex;gap:36px;flex-wrap:wrap;align-items:flex-start}.overview>div{flex:1;min-width:260px}
figure{margin:0}figcaption{color:var(--muted);font-size:.85rem;margin-top:4px}
.legend{list-style:none;padding:0;margin:0 0 12px;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:.88rem}
.legend li{display:flex;align-items:center;gap:6px}.sw-low{background:#dcfce7}.sw-medium{background:#fef08a}.sw-high{background:#fdba74}.sw-critical{background:#fca5a5}
.verify{border-radius:8px;padding:12px 16px;margin:0 0 18px;font-weight:700;border:2px solid}
.v-verified{background:#dcfce7;color:#14532d;border-color:#166534}.v-not-verified{background:#fee2e2;color:#7f1d1d;border-color:#b91c1c;font-size:1.15rem}.v-could-not-verify{background:#fef9c3;color:#713f12;border-color:#a16207}
.verify ul{margin:6px 0 0;font-weight:400}
.hardstop{border:2px solid #991b1b;border-radius:8px;padding:10px 16px;background:#fef2f2}
.signoff td{height:2.6em;min-width:9em}.swatch{width:16px;height:16px;border-radius:4px;border:1px solid #94a3b8;display:inline-block}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}
dl.facts dt{color:var(--muted);font-weight:600}dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:0 0 8px;color:var(--muted)}
th,td{border-bottom:1px solid var(--line);padding:8px 10px;text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid #94a3b8;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
tbody th{font-weight:600}td.num{text-align:center;font-variant-numeric:tabular-nums}
.rationale{margin:4px 0 0;font-weight:400}
.refs{margin:6px 0 0;padding:0;list-style:none;color:var(--muted);font-size:.82rem;font-weight:400}
.refs a{color:#1d4ed8}
.sub{display:block;color:var(--muted);font-size:.82rem;font-weight:400}
.badge{display:inline-block;border-radius:999px;padding:1px 10px;font-size:.8rem;font-weight:700;white-space:nowrap}
.s4{background:#fee2e2;color:#991b1b}.s3{background:#ffedd5;color:#9a3412}.s2{background:#fef9c3;color:#854d0e}.s1{background:#dcfce7;color:#166534}
.b-critical{background:#fee2e2;color:#991b1b}.b-high{background:#ffedd5;color:#9a3412}.b-medium{background:#fef9c3;color:#854d0e}.b-low,.b-none{background:#dcfce7;color:#166534}
.outstanding{background:#ffedd5;color:#9a3412}.satisfied{background:#dcfce7;color:#166534}
.blocking{background:#fee2e2;color:#991b1b}.condition{background:#e0f2fe;color:#075985}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:break-word}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 14px;overflow-x:auto;margin:8px 0 0}
.none{color:var(--muted);margin:0}
footer{margin-top:36px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
@media (max-width:720px){.stats{grid-template-columns:repeat(2,1fr)}}
@page{margin:14mm}
@media print{body{max-width:none;padding:0;font-size:11pt}.decision,.badge,.swatch,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}tr,li,.stats,figure{break-inside:avoid}h2{break-after:avoid}thead{display:table-header-group}.refs a{color:inherit;text-decoration:none}}
`;
