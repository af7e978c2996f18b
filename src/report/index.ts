export { DISCLAIMER, type Reportable, type ReportOptions } from './common.js';
export { escapeHtml, heatMapSvg, renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
