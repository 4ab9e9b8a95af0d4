/**
 * The traffic-light view of a traffic-light EPI: one row per parameter with a level gauge
 * (0–10, coloured red / yellow / green by the study's bands), a marker at the parameter's
 * level, and a tile with the level and its band in words (colour is never the only cue).
 */
import type { TrafficLightEpiResult } from '../engine/epi/index.js';
import { BAND_COLOURS } from './charts.js';
import { formatInput, formatNumber, type ReportLanguage } from './format.js';
import { escapeHtml } from './html.js';
import { fill, labels } from './i18n.js';

const WIDTH = 680;
const ROW = 34;
const NAME_WIDTH = 170;
const TILE_WIDTH = 110;
const SCALE = 10;

/** The traffic-light gauges of a traffic-light EPI result as an `<svg>` string. */
export function renderTrafficLightSvg(
  epi: TrafficLightEpiResult,
  language: ReportLanguage,
): string {
  const L = labels(language);
  const gaugeX = NAME_WIDTH + 10;
  const gaugeWidth = WIDTH - gaugeX - TILE_WIDTH - 20;
  const x = (level: number) => gaugeX + (Math.min(SCALE, Math.max(0, level)) / SCALE) * gaugeWidth;
  const rows = [
    ...epi.terms.map((t, i) => ({
      name: t.name ?? t.id ?? String(i + 1),
      level: t.level,
      band: t.band,
      strong: false,
    })),
    { name: L.meanLevel, level: epi.meanLevel, band: epi.band, strong: true },
  ];
  const height = 26 + rows.length * ROW + 8;
  const { yellowFrom, greenFrom } = epi.bands;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="traffic-light" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="11">`,
    `<title>${escapeHtml(L.trafficLightCaption)}</title>`,
    `<desc>${escapeHtml(rows.map((r) => `${r.name}: ${formatNumber(r.level, language, 2)} (${L[r.band]})`).join('; '))}</desc>`,
  ];
  // Scale ticks.
  for (let level = 0; level <= SCALE; level += 1) {
    parts.push(
      `<text x="${x(level).toFixed(1)}" y="14" text-anchor="middle" fill="#555">${level}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const top = 22 + i * ROW;
    const middle = top + ROW / 2;
    if (row.strong) {
      parts.push(
        `<line x1="0" y1="${top}" x2="${WIDTH}" y2="${top}" stroke="#999" stroke-dasharray="3 3"/>`,
      );
    }
    parts.push(
      `<text x="${NAME_WIDTH}" y="${middle}" text-anchor="end" dominant-baseline="central"${row.strong ? ' font-weight="bold"' : ''}>${escapeHtml(truncate(row.name, 30))}</text>`,
    );
    const barY = middle - 6;
    const zones: [number, number, string][] = [
      [0, yellowFrom, BAND_COLOURS.red],
      [yellowFrom, greenFrom, BAND_COLOURS.yellow],
      [greenFrom, SCALE, BAND_COLOURS.green],
    ];
    for (const [from, to, colour] of zones) {
      if (to <= from) continue;
      parts.push(
        `<rect x="${x(from).toFixed(1)}" y="${barY}" width="${(x(to) - x(from)).toFixed(1)}" height="12" fill="${colour}" fill-opacity="0.28"/>`,
      );
    }
    parts.push(
      `<rect x="${gaugeX}" y="${barY}" width="${(x(row.level) - gaugeX).toFixed(1)}" height="12" fill="${BAND_COLOURS[row.band]}"/>`,
      `<rect x="${gaugeX}" y="${barY}" width="${gaugeWidth}" height="12" fill="none" stroke="#777"/>`,
      `<line x1="${x(row.level).toFixed(1)}" y1="${barY - 4}" x2="${x(row.level).toFixed(1)}" y2="${barY + 16}" stroke="#111" stroke-width="2"/>`,
    );
    const tileX = WIDTH - TILE_WIDTH;
    parts.push(
      `<rect x="${tileX}" y="${top + 4}" width="${TILE_WIDTH}" height="${ROW - 8}" rx="4" fill="${BAND_COLOURS[row.band]}"/>`,
      `<text x="${tileX + TILE_WIDTH / 2}" y="${middle}" text-anchor="middle" dominant-baseline="central" font-weight="bold" fill="${row.band === 'yellow' ? '#222' : '#fff'}">${escapeHtml(`${formatNumber(row.level, language, 2)} · ${L[row.band]}`)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** The band legend in words: "merah < 3 ≤ kuning < 8 ≤ hijau". */
export function bandLegend(epi: TrafficLightEpiResult, language: ReportLanguage): string {
  return fill(
    labels(language).bandLegend,
    formatInput(epi.bands.yellowFrom, language),
    formatInput(epi.bands.greenFrom, language),
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
