export {
  DISCLAIMER,
  type Reportable,
  type ReportOptions,
  type ReportRef,
  type ReportVerification,
  replayCommand,
  type SignOff,
  UNVERIFIED,
} from './common.js';
export { escapeHtml, escapeMarkdown, markdownCode, neutralizeBidi } from './escape.js';
export { heatMapSvg } from './heat-map.js';
export { REPORT_CSP, renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
