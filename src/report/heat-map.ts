import type { Finding, ScoreBand } from '../model/index.js';
import { riskBand } from './common.js';
import { escapeHtml as h } from './escape.js';

/** Cell fills by risk band; the counts on them are #0f172a, ≥ 4.5:1 on every fill. */
export const BAND_FILL: Record<ScoreBand, string> = {
  none: '#f8fafc',
  low: '#dcfce7',
  medium: '#fef08a',
  high: '#fdba74',
  critical: '#fca5a5',
};

const CELL = 60;
const LEFT = 58;
const TOP = 8;

/** A 4×4 severity × likelihood heat map with the number of findings in each cell, as inline SVG. */
export function heatMapSvg(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.severity.level}:${f.likelihood}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (let s = 4; s >= 1; s--) {
    const y = TOP + (4 - s) * CELL;
    parts.push(
      `<text x="${LEFT - 10}" y="${y + CELL / 2 + 5}" text-anchor="end" font-size="14" fill="#0f172a">${s}</text>`,
    );
    for (let l = 1; l <= 4; l++) {
      const x = LEFT + (l - 1) * CELL;
      const n = counts.get(`${s}:${l}`) ?? 0;
      parts.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL - 2}" height="${CELL - 2}" rx="6" fill="${BAND_FILL[riskBand(s * l)]}" stroke="${n > 0 ? '#0f172a' : '#cbd5e1'}" stroke-width="${n > 0 ? 2 : 1}"/>`,
      );
      if (n > 0)
        parts.push(
          `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 7}" text-anchor="middle" font-size="20" font-weight="700" fill="#0f172a">${n}</text>`,
        );
    }
  }
  for (let l = 1; l <= 4; l++)
    parts.push(
      `<text x="${LEFT + (l - 0.5) * CELL}" y="${TOP + 4 * CELL + 18}" text-anchor="middle" font-size="14" fill="#0f172a">${l}</text>`,
    );
  const width = LEFT + 4 * CELL + 4;
  const height = TOP + 4 * CELL + 44;
  const mid = TOP + 2 * CELL;
  parts.push(
    `<text x="${LEFT + 2 * CELL}" y="${height - 4}" text-anchor="middle" font-size="13" font-weight="600" fill="#334155">Likelihood</text>`,
    `<text x="16" y="${mid}" text-anchor="middle" font-size="13" font-weight="600" fill="#334155" transform="rotate(-90 16 ${mid})">Severity</text>`,
  );
  const cells = [...counts].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const desc =
    findings.length === 0
      ? 'No findings.'
      : cells
          .map(([key, n]) => {
            const [s, l] = key.split(':');
            return `${n} finding${n === 1 ? '' : 's'} at severity ${s}, likelihood ${l}`;
          })
          .join('; ');
  return `<svg class="heat-map" role="img" aria-labelledby="hm-title hm-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title id="hm-title">Findings by severity and likelihood</title><desc id="hm-desc">${h(desc)}.</desc>${parts.join('')}</svg>`;
}
