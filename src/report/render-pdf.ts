/**
 * PDF from the report's HTML with a headless Chromium (Debian's `/usr/bin/chromium` by
 * default) driven by playwright-core: A4 with margins, page numbers in the footer. Nothing is
 * fetched from the network: the context is offline and every request is aborted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { fill, labels } from './i18n.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PdfOptions {
  /** The Chromium to drive; default /usr/bin/chromium. */
  readonly executablePath?: string;
}

/** The footer: "Halaman 3 dari 9" / "Page 3 of 9", in the document's language. */
function footerTemplate(html: string): string {
  const lang = /<html[^>]*\slang="([a-z]+)"/i.exec(html)?.[1];
  const words = labels(lang === 'en' ? 'en' : 'id').pageOf;
  const text = fill(words, '<span class="pageNumber"></span>', '<span class="totalPages"></span>');
  return `<div style="width:100%;font-size:8px;font-family:'DejaVu Sans',Arial,sans-serif;color:#5b6670;text-align:center;">${text}</div>`;
}

/** Renders a self-contained HTML document to PDF bytes. */
export async function renderReportPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'lestari-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.executablePath ?? DEFAULT_CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline: true,
      javaScriptEnabled: false,
      serviceWorkers: 'block',
    });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: footerTemplate(html),
        margin: { top: '18mm', right: '15mm', bottom: '20mm', left: '15mm' },
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
}
