/**
 * Monitoring through the API on each database: a CSV streamed in is stored all or nothing,
 * the dashboard's numbers are the engine's on the same file, later files append, changed
 * limits recompute the rollups, and SQLite and PostgreSQL answer the same numbers.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDefaultAlerts } from '../../src/document/monitoring/default-alerts.js';
import {
  monitoringSettingsFromStudy,
  readMonitoringCsv,
  rowsInTimeOrder,
} from '../../src/document/monitoring/index.js';
import {
  createMonitoringAccumulator,
  type MonitoringResult,
} from '../../src/engine/monitoring/index.js';
import { studyFileData } from '../../src/document/serialize-study.js';
import type { StudyInput } from '../../src/engine/study/study-input.js';
import { XLSX_TYPE } from '../../src/server/http/index.js';
import { monitoredStudyDocument, monitoringCsv } from './fixtures.js';
import {
  Client,
  httpDialects,
  removeTempRoots,
  startTestServer,
  type TestServer,
} from './http-harness.js';

afterAll(removeTempRoots);

/** The engine's result for a file read on its own, as the API sends it (JSON). */
function engineResult(study: StudyInput, csv: string): MonitoringResult {
  const { summary, rows } = readMonitoringCsv(csv);
  if (summary.header === undefined) throw new Error('no header');
  const mapping = monitoringSettingsFromStudy(study, summary.header);
  if (!mapping.ok) throw new Error(JSON.stringify(mapping.problems));
  const accumulator = createMonitoringAccumulator(withDefaultAlerts(mapping.settings));
  const ordered = rowsInTimeOrder(rows, mapping.columns, -Infinity);
  accumulator.addColumns(ordered.times, ordered.values);
  return JSON.parse(JSON.stringify(accumulator.result())) as MonitoringResult;
}

/** Two files' rows as one file. */
function joined(first: string, second: string): string {
  return first + second.slice(second.indexOf('\n') + 1);
}

/** A result without its hourly rollups (the dashboard's default grains are day and month). */
function withoutHours(result: MonitoringResult): MonitoringResult {
  return { ...result, parameters: result.parameters.map((p) => ({ ...p, hourly: [] })) };
}

interface Dashboard {
  series: { id: string; name: string; readings: number; parameters: { id: string }[] };
  imports: { id: string; fileName: string; rows: number }[];
  result: MonitoringResult | null;
  recomputed: boolean;
}

const resultsByDialect = new Map<string, MonitoringResult>();

for (const dialect of httpDialects) {
  describe(`monitoring API on ${dialect.name}`, () => {
    let server: TestServer;
    let owner: Client;
    let viewer: Client;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      owner = await new Client(server.app).signUp('Owner');
      viewer = await new Client(server.app).signUp('Viewer');
      const { token } = await server.store.createInvitation({
        organisationId: owner.orgId,
        email: viewer.email,
        role: 'viewer',
        invitedBy: owner.userId,
        expiresAt: new Date(Date.now() + 3600_000),
      });
      await server.store.acceptInvitation({ token, userId: viewer.userId });
    });
    afterAll(async () => server.close());

    async function newStudy(title: string): Promise<string> {
      const response = await owner.request('POST', `/api/orgs/${owner.orgId}/studies`, {
        document: studyFileData(monitoredStudyDocument(title)),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    }

    const base = (studyId: string) => `/api/orgs/${owner.orgId}/studies/${studyId}/monitoring`;

    async function upload(studyId: string, csv: string, query = '') {
      return owner.request('POST', `${base(studyId)}/imports?file=sparing.csv${query}`, csv, {
        headers: { 'content-type': 'text/csv' },
      });
    }

    async function dashboard(studyId: string, seriesId: string, query = '') {
      const response = await viewer.request('GET', `${base(studyId)}/${seriesId}${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Dashboard>();
    }

    it("stores a file and answers the engine's numbers for it", async () => {
      const studyId = await newStudy('Stored');
      const csv = monitoringCsv('2026-01-30', 72);
      const response = await upload(studyId, csv);
      expect(response.statusCode, response.body).toBe(201);
      const { series, report } = response.json<{
        series: Dashboard['series'];
        report: { storedRows: number };
      }>();
      expect(report.storedRows).toBe(72 * 30);
      expect(series.readings).toBe(72 * 30);
      expect(series.parameters.map((p) => p.id)).toEqual(['cod', 'ph', 'flow']);

      const board = await dashboard(studyId, series.id);
      const expected = engineResult(monitoredStudyDocument('Stored'), csv);
      expect(board.result).toEqual(withoutHours(expected));
      // COD exceeds in the second hour of each of the 3 days: 15 readings a day.
      expect(board.result?.parameters[0]?.summary.exceedances).toBe(45);
      expect(board.result?.parameters[0]?.daily.map((d) => d.key)).toEqual([
        '2026-01-30',
        '2026-01-31',
        '2026-02-01',
      ]);
      resultsByDialect.set(dialect.name, board.result as MonitoringResult);

      const hours = await dashboard(
        studyId,
        series.id,
        '?grains=hour&from=2026-01-31T00:00:00%2B07:00&to=2026-02-01T00:00:00%2B07:00',
      );
      const hourly = hours.result?.parameters[0]?.hourly ?? [];
      expect(hourly.map((h) => h.key)).toEqual(
        expected.parameters[0]?.hourly
          .filter((h) => h.key.startsWith('2026-01-31'))
          .map((h) => h.key),
      );
      expect(hours.result?.parameters[0]?.daily).toEqual([]);
    });

    it("puts the stored series in the study's report", async () => {
      const studyId = await newStudy('Reported');
      await upload(studyId, monitoringCsv('2026-09-01', 24), '&series=Outlet%20IPAL');
      const response = await viewer.request(
        'GET',
        `/api/orgs/${owner.orgId}/studies/${studyId}/export?format=html&lang=en&implemented=2026-09-01`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Monitoring data: Outlet IPAL');
      expect(response.body).toContain('Lestari server database');
      expect(response.body).toContain('Daily means before 1 September 2026');
    });

    it('takes lab results from an Excel workbook as from the same CSV', async () => {
      const csv = [
        'Tanggal (WIB),COD (mg/L),pH',
        '2026-01-15 09:30,61.4,7.1',
        '2026-02-15 09:30,122.8,6.9',
        '2026-03-15 09:30,88,7.4',
      ];
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Lab');
      for (const [k, line] of csv.entries()) {
        const cells = line.split(',');
        sheet.addRow(
          k === 0
            ? cells
            : [
                new Date(`${(cells[0] as string).replace(' ', 'T')}:00Z`),
                ...cells.slice(1).map(Number),
              ],
        );
      }
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const studyId = await newStudy('Lab results');
      const response = await owner.request(
        'POST',
        `${base(studyId)}/imports?file=lab.xlsx`,
        bytes,
        { headers: { 'content-type': XLSX_TYPE } },
      );
      expect(response.statusCode, response.body).toBe(201);
      const seriesId = response.json<{ series: { id: string } }>().series.id;
      const board = await dashboard(studyId, seriesId);
      expect(board.result).toEqual(
        withoutHours(engineResult(monitoredStudyDocument('Lab results'), `${csv.join('\n')}\n`)),
      );
      expect(board.result?.parameters[0]?.summary.exceedances).toBe(1);

      const broken = await owner.request('POST', `${base(studyId)}/imports`, Buffer.from('no'), {
        headers: { 'content-type': XLSX_TYPE },
      });
      expect(broken.statusCode, broken.body).toBe(422);
      expect(broken.json<{ error: { code: string } }>().error.code).toBe('invalid-workbook');
    });

    it('refuses a file with a rejected issue, names its line and stores nothing', async () => {
      const studyId = await newStudy('Refused');
      const lines = monitoringCsv('2026-03-01', 2).split('\n');
      lines[5] = lines[5]?.replace(/,7(\.\d)?,/, ',15,') ?? '';
      const response = await upload(studyId, lines.join('\n'), '&policy=impossible-value=reject');
      expect(response.statusCode, response.body).toBe(422);
      const body = response.json<{
        error: { code: string; details: { issues: { line: number; rule: string }[] } };
      }>();
      expect(body.error.code).toBe('refused');
      expect(body.error.details.issues).toContainEqual(
        expect.objectContaining({ line: 6, rule: 'impossible-value' }),
      );
      const list = await viewer.request('GET', base(studyId));
      expect(list.json<{ series: unknown[] }>().series).toEqual([]);
    });

    it('appends a later file and refuses one that overlaps the stored readings', async () => {
      const studyId = await newStudy('Appended');
      const first = await upload(studyId, monitoringCsv('2026-04-01', 24));
      const seriesId = first.json<{ series: { id: string } }>().series.id;
      const second = await upload(studyId, monitoringCsv('2026-04-02', 24));
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json<{ series: { id: string } }>().series.id).toBe(seriesId);

      const again = await upload(studyId, monitoringCsv('2026-04-02', 1));
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json<{ error: { code: string } }>().error.code).toBe('overlap');

      const board = await dashboard(studyId, seriesId);
      expect(board.series.readings).toBe(48 * 30);
      expect(board.imports).toHaveLength(2);
      const expected = engineResult(
        monitoredStudyDocument('Appended'),
        joined(monitoringCsv('2026-04-01', 24), monitoringCsv('2026-04-02', 24)),
      );
      expect(board.result).toEqual(withoutHours(expected));
    });

    it("recomputes the rollups when the study's limit changes", async () => {
      const studyId = await newStudy('Limits');
      const seriesId = (await upload(studyId, monitoringCsv('2026-05-01', 24))).json<{
        series: { id: string };
      }>().series.id;
      const before = await dashboard(studyId, seriesId);
      expect(before.recomputed).toBe(false);
      expect(before.result?.parameters[0]?.summary.exceedances).toBe(15);

      const document = monitoredStudyDocument('Limits');
      const changed: StudyInput = {
        ...document,
        effluent: {
          parameters: (document.effluent?.parameters ?? []).map((p) =>
            p.id === 'cod' ? { ...p, limit: { max: 124 } } : p,
          ),
        },
      };
      const saved = await owner.request('PUT', `/api/orgs/${owner.orgId}/studies/${studyId}`, {
        baseRevision: 1,
        document: studyFileData(changed),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const after = await dashboard(studyId, seriesId);
      expect(after.recomputed).toBe(true);
      const expected = engineResult(changed, monitoringCsv('2026-05-01', 24));
      expect(after.result).toEqual(withoutHours(expected));
      expect(after.result?.parameters[0]?.summary.exceedances).toBeLessThan(15);
      expect((await dashboard(studyId, seriesId)).recomputed).toBe(false);
    });

    it('deleting an import recomputes the series from the rest', async () => {
      const studyId = await newStudy('Deleted');
      await upload(studyId, monitoringCsv('2026-06-01', 24));
      const second = (await upload(studyId, monitoringCsv('2026-06-02', 24))).json<{
        series: { id: string };
        import: { id: string };
      }>();
      const response = await owner.request(
        'DELETE',
        `${base(studyId)}/${second.series.id}/imports/${second.import.id}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const board = await dashboard(studyId, second.series.id);
      expect(board.series.readings).toBe(24 * 30);
      expect(board.result).toEqual(
        withoutHours(
          engineResult(monitoredStudyDocument('Deleted'), monitoringCsv('2026-06-01', 24)),
        ),
      );
    });

    it('bounds hourly windows and refuses a file without the study’s parameters', async () => {
      const studyId = await newStudy('Bounds');
      const seriesId = (await upload(studyId, monitoringCsv('2026-07-01', 2))).json<{
        series: { id: string };
      }>().series.id;
      const wide = await viewer.request('GET', `${base(studyId)}/${seriesId}?grains=hour`);
      expect(wide.statusCode, wide.body).toBe(400);
      const foreign = await upload(
        await newStudy('Foreign'),
        'waktu (WIB),BOD (mg/L)\n2026-07-01 00:00:00,12\n',
        '&series=Other',
      );
      expect(foreign.statusCode, foreign.body).toBe(422);
      expect(foreign.json<{ error: { code: string } }>().error.code).toBe('mapping');
    });

    it('lets a viewer read but not import', async () => {
      const studyId = await newStudy('Viewer');
      const response = await viewer.request(
        'POST',
        `${base(studyId)}/imports`,
        monitoringCsv('2026-08-01', 1),
        { headers: { 'content-type': 'text/csv' } },
      );
      expect(response.statusCode).toBe(403);
    });
  });
}

describe('monitoring on both databases', () => {
  it.runIf(httpDialects.length === 2)('gives the same numbers on SQLite and PostgreSQL', () => {
    expect(resultsByDialect.get('postgres')).toEqual(resultsByDialect.get('sqlite'));
    expect(JSON.stringify(resultsByDialect.get('postgres'))).toBe(
      JSON.stringify(resultsByDialect.get('sqlite')),
    );
  });
});
