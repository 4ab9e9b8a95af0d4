/**
 * The PDF: one report through Debian's Chromium. Skipped only when /usr/bin/chromium is
 * missing (CI installs it, so it runs there).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/render-html.js';
import { DEFAULT_CHROMIUM_PATH, renderReportPdf } from '../../src/report/render-pdf.js';
import { loadExample } from './examples.js';

const hasChromium = existsSync(DEFAULT_CHROMIUM_PATH);
const skipNote = hasChromium
  ? ''
  : ` (SKIPPED: ${DEFAULT_CHROMIUM_PATH} is missing; apt-get install chromium)`;

describe('renderReportPdf', () => {
  it.skipIf(!hasChromium)(
    `renders a report to a multi-page A4 PDF${skipNote}`,
    async () => {
      const { study, evaluation } = loadExample('ecco-tannery');
      const html = renderReportHtml(study, evaluation, { language: 'id', date: '2026-11-23' });
      const pdf = await renderReportPdf(html);
      const head = new TextDecoder('latin1').decode(pdf.subarray(0, 5));
      expect(head).toBe('%PDF-');
      const body = new TextDecoder('latin1').decode(pdf);
      const pages = body.match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length).toBeGreaterThan(1);
      // A4: 595 × 842 points.
      expect(body).toMatch(
        /\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841(\.\d+)?|\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842/,
      );
    },
    60_000,
  );
});
