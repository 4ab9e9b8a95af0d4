/**
 * Two people in Chromium: an owner invites a colleague as viewer; the colleague joins with the
 * code, sees the organisation's study read-only, and cannot save; the owner signs out everywhere.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBrowserTests, skipNote, startE2e, type E2eServer } from './browser.js';

async function signUp(
  page: Page,
  baseUrl: string,
  name: string,
  email: string,
  organisation: string,
) {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Nama Anda').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill('kata-sandi-yang-panjang');
  await page.getByLabel(/Organisasi/).fill(organisation);
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await page.waitForURL(/\/orgs\/[^/]+$/);
}

describe.skipIf(!runBrowserTests)(`members and invitations in Chromium${skipNote}`, () => {
  let server: E2eServer;
  let owner: Page;
  let colleague: Page;

  beforeAll(async () => {
    server = await startE2e();
    const newPage = async () => {
      const context = await server.browser.newContext({
        locale: 'id-ID',
        viewport: { width: 1280, height: 860 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return page;
    };
    owner = await newPage();
    colleague = await newPage();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('lets an owner invite a viewer who then reads the study but cannot save it', async () => {
    await signUp(owner, server.baseUrl, 'Ani Pemilik', 'ani@example.id', 'PT Contoh');
    await owner.setInputFiles('[data-testid=import-file]', 'examples/adi-bungsu.yaml');
    await owner.waitForURL(/\/studies\/[^/]+$/);
    const studyUrl = owner.url();

    await signUp(colleague, server.baseUrl, 'Budi Pembaca', 'budi@example.id', 'Budi');

    await owner.getByRole('link', { name: 'Anggota' }).click();
    await owner.getByRole('heading', { name: 'Anggota PT Contoh' }).waitFor();
    await owner.getByRole('textbox', { name: 'Email' }).fill('budi@example.id');
    await owner.getByRole('combobox', { name: 'Peran', exact: true }).selectOption('viewer');
    await owner.getByRole('button', { name: 'Buat undangan' }).click();
    const token = (await owner.getByTestId('invitation-token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThan(10);

    await colleague.getByRole('link', { name: 'Anggota' }).click();
    await colleague.getByLabel('Kode undangan').fill(token);
    await colleague.getByRole('button', { name: 'Bergabung' }).click();
    await colleague.getByRole('heading', { name: 'Studi PT Contoh' }).waitFor();
    await colleague.getByText('peran Anda: pembaca').waitFor();

    await colleague.goto(studyUrl);
    await colleague.getByText('Hanya baca: Anda pembaca di organisasi ini.').waitFor();
    expect(await colleague.getByRole('button', { name: 'Simpan' }).count()).toBe(0);
    const firstCell = colleague.locator('table.grid input').first();
    if ((await firstCell.count()) > 0) expect(await firstCell.isDisabled()).toBe(true);

    await owner.getByRole('heading', { name: 'Anggota PT Contoh' }).waitFor();
    await owner.reload();
    await owner.getByRole('cell', { name: 'Budi Pembaca' }).waitFor();
  }, 120_000);

  it('signs the owner out on every device at once', async () => {
    const other = await (await server.browser.newContext({ locale: 'id-ID' })).newPage();
    await other.goto(`${server.baseUrl}/sign-in`);
    await other.getByLabel('Email').fill('ani@example.id');
    await other.getByLabel('Kata sandi').fill('kata-sandi-yang-panjang');
    await other.getByRole('button', { name: 'Masuk' }).click();
    await other.waitForURL(/\/orgs\/[^/]+$/);

    await owner.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
    await owner.waitForURL(/\/sign-in$/);
    await other.reload();
    await other.waitForURL(/\/sign-in$/);
  }, 120_000);
});
