/** Exports (XLSX, report HTML and PDF) and the Excel import, through the API on each dialect. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStudyWorkbook } from '../../src/document/excel/index.js';
import { XLSX_TYPE } from '../../src/server/http/index.js';
import { studyDocument } from './fixtures.js';
import {
  Client,
  httpDialects,
  removeTempRoots,
  startTestServer,
  type TestServer,
} from './http-harness.js';

afterAll(removeTempRoots);

const CV_ABC = readFileSync(new URL('../../examples/cv-abc.yaml', import.meta.url), 'utf8');

interface View {
  id: string;
  title: string;
  document: Record<string, unknown>;
}

for (const dialect of httpDialects) {
  describe(`exports and Excel import on ${dialect.name}`, () => {
    let server: TestServer;
    let client: Client;
    let base: string;
    let study: View;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      client = await new Client(server.app).signUp('Exporter');
      base = `/api/orgs/${client.orgId}/studies`;
      const created = await client.request('POST', base, { text: CV_ABC });
      expect(created.statusCode, created.body).toBe(201);
      study = created.json<View>();
    });
    afterAll(async () => server.close());

    const importXlsx = (bytes: Uint8Array | Buffer, type = XLSX_TYPE) =>
      client.request('POST', `${base}/import-xlsx`, Buffer.from(bytes), {
        headers: { 'content-type': type },
      });

    it('exports XLSX in both languages and imports it back to the same document', async () => {
      for (const lang of ['id', 'en'] as const) {
        const exported = await client.request(
          'GET',
          `${base}/${study.id}/export?format=xlsx&lang=${lang}`,
        );
        expect(exported.statusCode, exported.body).toBe(200);
        expect(exported.headers['content-type']).toBe(XLSX_TYPE);
        expect(exported.headers['content-disposition']).toMatch(
          /^attachment; filename=".+\.xlsx"$/,
        );
        expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
        const imported = await importXlsx(exported.rawPayload);
        expect(imported.statusCode, imported.body).toBe(201);
        const view = imported.json<View>();
        expect(view.id).not.toBe(study.id);
        expect(view.title).toBe(study.title);
        expect(view.document).toEqual(study.document);
      }
    });

    it('returns the workbook errors with sheet, cell, path and message', async () => {
      const garbage = await importXlsx(Buffer.from('not a workbook'));
      expect(garbage.statusCode).toBe(400);
      const body = garbage.json<{ error: { code: string; details: { errors: unknown[] } } }>();
      expect(body.error.code).toBe('invalid-workbook');
      expect(body.error.details.errors[0]).toEqual({
        sheet: expect.any(String),
        cell: expect.any(String),
        path: expect.any(String),
        message: expect.stringContaining('xlsx'),
      });
    });

    it('refuses other content types and bodies over the workbook limit', async () => {
      const json = await client.request('POST', `${base}/import-xlsx`, { text: CV_ABC });
      expect(json.statusCode).toBe(415);
      const huge = await importXlsx(Buffer.alloc(20 * 1024 * 1024 + 1));
      expect(huge.statusCode).toBe(413);
      expect(huge.json()).toMatchObject({ error: { code: 'body-too-large' } });
      // The JSON routes keep their 2 MB bound even for a workbook body.
      const put = await client.request(
        'PUT',
        `${base}/${study.id}`,
        Buffer.alloc(3 * 1024 * 1024),
        {
          headers: { 'content-type': XLSX_TYPE },
        },
      );
      expect(put.statusCode).toBe(413);
      const small = await exportStudyWorkbook(studyDocument('Small one'), { language: 'en' });
      const imported = await importXlsx(small);
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json<View>().title).toBe('Small one');
    });

    it('exports the report as HTML with numbered tables and the audit, in id and en', async () => {
      const id = await client.request('GET', `${base}/${study.id}/export?format=html&lang=id`);
      expect(id.statusCode, id.body).toBe(200);
      expect(id.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(id.headers['content-disposition']).toMatch(/filename=".+\.html"/);
      expect(id.body).toContain('<html lang="id"');
      expect(id.body).toContain('Tabel 1.');
      expect(id.body).toContain('id="audit');
      const en = await client.request('GET', `${base}/${study.id}/export?format=html&lang=en`);
      expect(en.body).toContain('Table 1.');
      expect(en.body).not.toContain('Tabel 1.');
    });

    it('exports the report as PDF', async () => {
      const pdf = await client.request('GET', `${base}/${study.id}/export?format=pdf&lang=en`);
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(/filename=".+\.pdf"/);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }, 60_000);

    it('answers 503 with a clear error when there is no Chromium', async () => {
      const noChromium = await startTestServer(dialect, { chromiumPath: '/nonexistent/chromium' });
      try {
        const other = await new Client(noChromium.app).signUp('NoPdf');
        const url = `/api/orgs/${other.orgId}/studies`;
        const created = await other.request('POST', url, { document: studyDocument('No PDF') });
        const pdf = await other.request(
          'GET',
          `${url}/${created.json<View>().id}/export?format=pdf`,
        );
        expect(pdf.statusCode).toBe(503);
        expect(pdf.headers['content-type']).toContain('application/json');
        expect(pdf.json()).toMatchObject({ error: { code: 'pdf-unavailable' } });
        expect(pdf.body).not.toContain('/nonexistent');
      } finally {
        await noChromium.close();
      }
    });

    it('rejects unknown formats and languages', async () => {
      for (const query of ['format=docx', 'format=html&lang=fr']) {
        const response = await client.request('GET', `${base}/${study.id}/export?${query}`);
        expect(response.statusCode).toBe(400);
      }
    });
  });
}
