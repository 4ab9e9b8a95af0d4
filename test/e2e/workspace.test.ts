/**
 * End to end in headless Chromium against the real server and the built app: a new user
 * signs up, imports an example, edits a measured value and sees the EPI follow, saves, meets
 * a conflicting save, pastes cells from a spreadsheet, switches language, downloads the PDF
 * and signs out. Expected numbers come from the engine, not from the page.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStudyText } from '../../src/document/parse-study.js';
import { resolveStudy } from '../../src/document/resolve-study.js';
import { evaluateStudy } from '../../src/engine/study/evaluate-study.js';
import type { StudyInput } from '../../src/engine/study/study-input.js';
import { formatNumber } from '../../src/report/format.js';
import { runBrowserTests, skipNote, startE2e, type E2eServer } from './browser.js';

const EXAMPLE = 'examples/cv-abc.yaml';

async function exampleStudy(): Promise<StudyInput> {
  const parsed = parseStudyText(await readFile(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed.study;
}

/** The EPI the engine gives for the example with one parameter's measured value changed. */
function epiWith(study: StudyInput, parameterId: string, measured: number): number {
  const parameters = (study.effluent?.parameters ?? []).map((p) =>
    p.id === parameterId ? { ...p, measured } : p,
  );
  const changed = { ...study, effluent: { ...study.effluent, parameters } };
  const resolved = resolveStudy(changed);
  if (!resolved.ok) throw new Error('example does not resolve');
  const total = evaluateStudy(resolved.study).results.epi?.total;
  if (total === undefined) throw new Error('no EPI');
  return total;
}

/** Waits until the element with this test id shows exactly `text` (the engine runs deferred). */
async function expectText(page: Page, testId: string, text: string): Promise<void> {
  const locator = page.getByTestId(testId);
  for (let i = 0; i < 100; i += 1) {
    if ((await locator.textContent()) === text) return;
    await page.waitForTimeout(50);
  }
  expect(await locator.textContent()).toBe(text);
}

const ids = (page: Page) => {
  const m = /\/orgs\/([^/]+)\/studies\/([^/]+)/.exec(new URL(page.url()).pathname);
  if (m === null) throw new Error(`not in a study: ${page.url()}`);
  return { orgId: m[1] as string, studyId: m[2] as string };
};

describe.skipIf(!runBrowserTests)(`the web workspace in Chromium${skipNote}`, () => {
  let server: E2eServer;
  let page: Page;
  let study: StudyInput;
  let codRow: number;

  beforeAll(async () => {
    server = await startE2e();
    study = await exampleStudy();
    codRow = (study.effluent?.parameters ?? []).findIndex((p) => p.id === 'cod') + 1;
    const context = await server.browser.newContext({
      locale: 'id-ID',
      acceptDownloads: true,
      viewport: { width: 1280, height: 860 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('sends a visitor to sign in, and signs a new user up into an empty organisation', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByRole('link', { name: 'Buat akun' }).click();
    await page.getByLabel('Nama Anda').fill('Sari Lestari');
    await page.getByLabel('Email').fill('sari@example.id');
    await page.getByLabel('Kata sandi').fill('kata-sandi-yang-panjang');
    await page.getByLabel(/Organisasi/).fill('CV Contoh');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.waitForURL(/\/orgs\/[^/]+$/);
    // Wait for them: the list arrives from the server after the page has drawn.
    await page.getByRole('heading', { name: 'Studi CV Contoh' }).waitFor();
    await page.getByText('Belum ada studi').waitFor();
  }, 120_000);

  it('imports a study file and opens it at the first GP step', async () => {
    await page.setInputFiles('[data-testid=import-file]', EXAMPLE);
    await page.waitForURL(/\/studies\/[^/]+$/);
    await page.getByRole('heading', { name: 'Tim dan profil' }).waitFor();
    expect(await page.getByTestId('save-status').textContent()).toBe('Tersimpan · revisi 1');
  }, 120_000);

  it('recomputes the EPI in the browser as a measured value is typed, in Indonesian format', async () => {
    await page.getByRole('link', { name: 'Limbah cair dan EPI' }).click();
    const epi = page.getByTestId('epi-total');
    await epi.waitFor();
    expect(await epi.textContent()).toBe(formatNumber(epiWith(study, 'cod', 61.4), 'id', 4));

    const cell = page.getByRole('textbox', { name: `Hasil analisa ${codRow}`, exact: true });
    // Key by key, as a person types: the cell keeps the caret while the results recompute.
    await cell.click();
    await cell.press('Control+A');
    await cell.pressSequentially('200,5', { delay: 20 });
    expect(await cell.inputValue()).toBe('200,5');
    const expected = formatNumber(epiWith(study, 'cod', 200.5), 'id', 4);
    await expectText(page, 'epi-total', expected);
    expect(await page.getByTestId('save-status').textContent()).toBe(
      'Ada perubahan belum disimpan',
    );
  }, 120_000);

  it('says at the cell what is wrong with a value that does not read, and keeps the last good one', async () => {
    const cell = page.getByRole('textbox', { name: `Hasil analisa ${codRow}`, exact: true });
    await cell.fill('dua ratus');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(await cell.getAttribute('title')).toMatch(/dua ratus/);
    expect(await page.getByTestId('epi-total').textContent()).toBe(
      formatNumber(epiWith(study, 'cod', 200.5), 'id', 4),
    );
    await cell.fill('200,5');
    expect(await cell.getAttribute('aria-invalid')).toBeNull();
  }, 120_000);

  it('saves the edit as revision 2, stored with full precision', async () => {
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Tersimpan · revisi 2').waitFor();
    const { orgId, studyId } = ids(page);
    const saved = await server.store.getStudy(orgId, studyId);
    const cod = saved.document.effluent?.parameters.find((p) => p.id === 'cod');
    expect(cod?.measured).toBe(200.5);
    expect(saved.revision).toBe(2);
  }, 120_000);

  it('does not lose an edit to a save made elsewhere: it asks, and keeps mine on request', async () => {
    const { orgId, studyId } = ids(page);
    const current = await server.store.getStudy(orgId, studyId);
    const elsewhere = await server.store.saveStudy(orgId, studyId, {
      baseRevision: current.revision,
      document: { ...current.document, study: { ...current.document.study, period: '2019' } },
      authorId: current.updatedBy,
      summary: 'edited elsewhere',
    });
    expect(elsewhere.kind).toBe('saved');

    const cell = page.getByRole('textbox', { name: `Hasil analisa ${codRow}`, exact: true });
    await cell.fill('150');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Revisi 3/);
    await dialog.getByRole('button', { name: /Pakai perubahan saya/ }).click();
    await page.getByText('Tersimpan · revisi 4').waitFor();
    const saved = await server.store.getStudy(orgId, studyId);
    expect(saved.document.effluent?.parameters.find((p) => p.id === 'cod')?.measured).toBe(150);
  }, 120_000);

  it('fills cells and adds rows from a block pasted from a spreadsheet', async () => {
    const rowsBefore = await page.locator('table.grid').first().locator('tbody tr').count();
    const firstCell = page.getByRole('textbox', { name: 'Id 1', exact: true });
    await firstCell.focus();
    // What Excel (Indonesian locale) puts on the clipboard for two rows of five cells.
    const block = 'bod\tBOD\tmg/L\t17,5\t\r\nnh3\tAmonia\tmg/L\t1,25\t5\r\n';
    await firstCell.evaluate((element, text) => {
      // This file compiles without the DOM's types: name the two browser classes it needs.
      const browser = globalThis as unknown as {
        DataTransfer: new () => { setData(type: string, value: string): void };
        ClipboardEvent: new (type: string, init: Record<string, unknown>) => Event;
      };
      const data = new browser.DataTransfer();
      data.setData('text/plain', text);
      element.dispatchEvent(
        new browser.ClipboardEvent('paste', {
          clipboardData: data,
          bubbles: true,
          cancelable: true,
        }),
      );
    }, block);
    await page.getByRole('status').filter({ hasText: 'sel ditempel' }).waitFor();
    const rowsAfter = await page.locator('table.grid').first().locator('tbody tr').count();
    expect(rowsAfter).toBe(Math.max(rowsBefore, 2));
    expect(await page.getByRole('textbox', { name: 'Id 2', exact: true }).inputValue()).toBe('nh3');
    expect(
      await page.getByRole('textbox', { name: 'Hasil analisa 2', exact: true }).inputValue(),
    ).toBe('1,25');
    await page.getByRole('button', { name: 'Batalkan' }).click();
    expect(await page.getByRole('textbox', { name: 'Id 2', exact: true }).inputValue()).not.toBe(
      'nh3',
    );
  }, 120_000);

  it('switches to English: labels and the number format change together', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Effluent and EPI' }).waitFor();
    expect(await page.getByTestId('epi-total').textContent()).toBe(
      formatNumber(epiWith(study, 'cod', 150), 'en', 4),
    );
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.getByRole('heading', { name: 'Limbah cair dan EPI' }).waitFor();
  }, 120_000);

  it('reads a readings file in the Monitoring step and counts the exceedances against the standard', async () => {
    const resolved = resolveStudy(study);
    if (!resolved.ok) throw new Error('example does not resolve');
    const limit = resolved.study.effluent?.parameters.find((p) => p.id === 'cod')?.limit?.max;
    expect(limit).toBeDefined();
    // Two days of hourly COD readings, WIB, Indonesian notation; every 10th reading is over.
    const lines = ['waktu;COD (mg/L)'];
    let over = 0;
    for (let h = 0; h < 48; h += 1) {
      const value = h % 10 === 3 ? (limit as number) * 1.5 : (limit as number) * 0.4;
      if (value > (limit as number)) over += 1;
      const day = 1 + Math.floor(h / 24);
      lines.push(
        `2024-03-0${day}T${String(h % 24).padStart(2, '0')}:00:00+07:00;${String(value).replace('.', ',')}`,
      );
    }
    const file = join(tmpdir(), `lestari-e2e-readings-${process.pid}.csv`);
    await writeFile(file, `${lines.join('\r\n')}\r\n`);
    await page.getByRole('link', { name: 'Pemantauan dan tinjauan' }).click();
    await page.getByTestId('monitoring-mode-local').click();
    await page.setInputFiles('[data-testid=monitoring-file]', file);
    const cell = page.getByTestId('monitoring-exceedances-cod');
    await cell.waitFor({ timeout: 30_000 });
    expect(await cell.textContent()).toMatch(new RegExp(`^${over} \\(`));

    // Uploaded to the study: stored on the server, counted the same, there after a reload.
    await page.getByTestId('monitoring-mode-stored').click();
    await page.setInputFiles('[data-testid=monitoring-upload]', file);
    await page.getByTestId('monitoring-upload-done').waitFor({ timeout: 30_000 });
    await cell.waitFor({ timeout: 30_000 });
    expect(await cell.textContent()).toMatch(new RegExp(`^${over} \\(`));
    const { orgId, studyId } = ids(page);
    const stored = await page.evaluate(
      async ([o, s]) => (await fetch(`/api/orgs/${o}/studies/${s}/monitoring`)).json(),
      [orgId, studyId],
    );
    expect(stored).toMatchObject({ series: [{ name: 'Outlet', readings: 48 }] });

    // Production records for the month: into the study's periods, then output per kg of load.
    const records = join(tmpdir(), `lestari-e2e-production-${process.pid}.csv`);
    await writeFile(
      records,
      'bulan;produksi (Rp);bahan baku (Rp);tenaga kerja (Rp)\n2024-03;1.500.000;400.000;200.000\n',
    );
    await page.setInputFiles('[data-testid=production-file]', records);
    await page.getByTestId('production-apply').click();
    await page.getByTestId('production-applied').waitFor();
    const overTime = page.locator('table', { hasText: 'Mar 2024' });
    await overTime.waitFor();
    // 1 500 000 ÷ 600 000 = 2,5: the productivity column shows it.
    expect(await overTime.textContent()).toContain('2,5');
    await rm(records, { force: true });
    await rm(file, { force: true });
    await page.getByRole('link', { name: 'Limbah cair dan EPI' }).click();
  }, 120_000);

  it('downloads the report as a PDF', async () => {
    await page.getByText('Unduh', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('export-pdf').click(),
    ]);
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  }, 120_000);

  it('asks before signing out over unsaved edits; once out, the study is not reachable', async () => {
    const url = page.url();
    expect(await page.getByTestId('save-status').textContent()).toBe(
      'Ada perubahan belum disimpan',
    );
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Keluar' }).click();
    expect(questions).toEqual(['Ada perubahan belum disimpan. Tetap keluar?']);
    expect(page.url()).toBe(url);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(url);
    await page.waitForURL(/\/sign-in$/);
  }, 120_000);
});
