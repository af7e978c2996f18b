export {
  DISCLAIMER,
  type Reportable,
  type ReportOptions,
  type ReportRef,
  replayCommand,
} from './common.js';
export { escapeHtml, escapeMarkdown, markdownCode } from './escape.js';
export { heatMapSvg } from './heat-map.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
