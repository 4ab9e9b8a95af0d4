/**
 * Cause-and-effect (fishbone, Ishikawa) diagram of one problem, drawn by hand as SVG (ECharts
 * has no fishbone): the problem in the head, one bone per cause category that has causes
 * (man, machine, method, material, environment, measurement, other), each cause on its bone.
 * Every piece of text is escaped.
 */
import type { CauseCategory, Problem } from '../engine/study/study-input.js';
import type { ReportLanguage } from './format.js';
import { escapeHtml } from './html.js';
import { labels, type LabelKey } from './i18n.js';

/** The categories in the order the diagram draws them. */
export const CAUSE_CATEGORIES: readonly CauseCategory[] = [
  'man',
  'machine',
  'method',
  'material',
  'environment',
  'measurement',
  'other',
];

/** A cause category in words. */
export function causeCategoryLabel(category: CauseCategory, language: ReportLanguage): string {
  return labels(language)[`cat_${category}` as LabelKey];
}

/** Splits text into lines of at most `width` characters, at spaces where possible. */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    let rest = word;
    while (rest.length > max) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, max - 1) + '-');
      rest = rest.slice(max - 1);
    }
    if (line === '') line = rest;
    else if (line.length + 1 + rest.length <= max) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

const WIDTH = 760;
const FONT_SIZE = 12;
const LINE = 15;
const CHAR = FONT_SIZE * 0.58;
const LABEL_HEIGHT = 24;
const GAP = 9;
const HEAD_WIDTH = 150;
const MIN_REACH = 70;
const MARGIN = 12;

interface Bone {
  readonly category: CauseCategory;
  readonly causes: readonly string[][];
  readonly height: number;
}

/**
 * The fishbone of a problem as an `<svg>` string, or '' when the problem has no causes.
 */
export function renderFishboneSvg(problem: Problem, language: ReportLanguage): string {
  const causes = problem.causes ?? [];
  if (causes.length === 0) return '';
  const categories = CAUSE_CATEGORIES.filter((c) => causes.some((cause) => cause.category === c));
  const columns = Math.ceil(categories.length / 2);
  const spineStart = MARGIN;
  const spineEnd = WIDTH - HEAD_WIDTH - MARGIN - 8;
  const columnWidth = (spineEnd - spineStart) / columns;
  const slant = Math.min(60, columnWidth * 0.22);
  const textWidth = columnWidth - slant - 24;
  // Dense diagrams (three or four columns of bones) use a smaller font to keep words whole.
  const fontSize = columns >= 3 ? FONT_SIZE - 1 : FONT_SIZE;
  const charsPerLine = Math.max(8, Math.floor(textWidth / (CHAR * (fontSize / FONT_SIZE))));

  const bones: Bone[] = categories.map((category) => {
    const lines = causes
      .filter((c) => c.category === category)
      .map((c) => wrapText(c.text, charsPerLine));
    const height = lines.reduce((h, l) => h + l.length * LINE + GAP, 0);
    return { category, causes: lines, height };
  });
  const top = bones.filter((_, i) => i % 2 === 0);
  const bottom = bones.filter((_, i) => i % 2 === 1);
  const half = (row: readonly Bone[]) =>
    Math.max(MIN_REACH, ...row.map((b) => b.height)) + LABEL_HEIGHT + 2 * GAP;
  const headLines = wrapText(problem.title, Math.floor((HEAD_WIDTH - 16) / (13 * 0.6)));
  const headHeight = Math.max(48, headLines.length * 16 + 18);
  const topHalf = Math.max(half(top), headHeight / 2 + GAP);
  const bottomHalf = Math.max(bottom.length > 0 ? half(bottom) : 0, headHeight / 2 + GAP);
  const spineY = MARGIN + topHalf;
  const height = Math.ceil(spineY + bottomHalf + MARGIN);

  const parts: string[] = [];
  const title = `${labels(language).problem}: ${problem.title}`;
  const description = bones
    .map(
      (b) =>
        `${causeCategoryLabel(b.category, language)}: ${b.causes.map((l) => l.join(' ')).join('; ')}`,
    )
    .join('. ');
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="fishbone" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="${fontSize}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<desc>${escapeHtml(description)}</desc>`,
  );
  // Spine and head.
  parts.push(
    `<line x1="${spineStart}" y1="${spineY}" x2="${spineEnd}" y2="${spineY}" stroke="#333" stroke-width="3"/>`,
    `<polygon points="${spineEnd},${spineY - 7} ${spineEnd + 12},${spineY} ${spineEnd},${spineY + 7}" fill="#333"/>`,
  );
  const headX = spineEnd + 14;
  const headY = spineY - headHeight / 2;
  parts.push(
    `<rect x="${headX}" y="${headY}" width="${HEAD_WIDTH}" height="${headHeight}" rx="6" fill="#fdecea" stroke="#c0392b" stroke-width="1.5"/>`,
  );
  const headTextY = spineY - ((headLines.length - 1) * 16) / 2;
  headLines.forEach((line, i) => {
    parts.push(
      `<text x="${headX + HEAD_WIDTH / 2}" y="${(headTextY + i * 16).toFixed(1)}" text-anchor="middle" dominant-baseline="central" font-size="13" font-weight="bold">${escapeHtml(line)}</text>`,
    );
  });

  const drawBone = (bone: Bone, column: number, up: boolean) => {
    const sign = up ? -1 : 1;
    const junctionX = spineStart + (column + 1) * columnWidth - 6;
    const reach = (up ? topHalf : bottomHalf) - LABEL_HEIGHT - GAP;
    const endX = junctionX - slant;
    const endY = spineY + sign * reach;
    parts.push(
      `<line x1="${junctionX.toFixed(1)}" y1="${spineY}" x2="${endX.toFixed(1)}" y2="${endY.toFixed(1)}" stroke="#555" stroke-width="2"/>`,
    );
    const label = causeCategoryLabel(bone.category, language);
    const labelWidth = Math.max(80, label.length * 8 + 18);
    const labelY = up ? endY - LABEL_HEIGHT : endY;
    parts.push(
      `<rect x="${(endX - labelWidth / 2).toFixed(1)}" y="${labelY.toFixed(1)}" width="${labelWidth.toFixed(1)}" height="${LABEL_HEIGHT}" rx="4" fill="#e8f0f7" stroke="#2f6f9f"/>`,
      `<text x="${endX.toFixed(1)}" y="${(labelY + LABEL_HEIGHT / 2).toFixed(1)}" text-anchor="middle" dominant-baseline="central" font-weight="bold" font-size="13">${escapeHtml(label)}</text>`,
    );
    // Causes from the category label towards the spine.
    let offset = reach - GAP;
    for (const lines of bone.causes) {
      const block = lines.length * LINE;
      const middle = offset - block / 2;
      const y = spineY + sign * middle;
      const boneX = junctionX - slant * (middle / reach);
      parts.push(
        `<line x1="${(boneX - 10).toFixed(1)}" y1="${y.toFixed(1)}" x2="${boneX.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#555" stroke-width="1.2"/>`,
      );
      const firstY = y - ((lines.length - 1) * LINE) / 2;
      lines.forEach((line, i) => {
        parts.push(
          `<text x="${(boneX - 13).toFixed(1)}" y="${(firstY + i * LINE).toFixed(1)}" text-anchor="end" dominant-baseline="central">${escapeHtml(line)}</text>`,
        );
      });
      offset -= block + GAP;
    }
  };
  top.forEach((bone, c) => drawBone(bone, c, true));
  bottom.forEach((bone, c) => drawBone(bone, c, false));
  parts.push('</svg>');
  return parts.join('\n');
}
