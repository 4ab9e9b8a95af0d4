import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/support/cli.js';
import { monitoredStudyDocument, monitoringCsv } from '../../test/server/fixtures.js';
import type { MonitoringResult } from '../engine/monitoring/index.js';
import { openStore } from '../server/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'lestari-monitor-db-'));
const dataDir = join(dir, 'data');
const EMAIL = 'sari@example.id';
const VIEWER = 'budi@example.id';

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const january = file('january.csv', monitoringCsv('2026-01-01', 48));
const february = file('february.csv', monitoringCsv('2026-02-01', 24));
const as = (email: string) => ['--study', 'Outlet IPAL', '--as', email, '--data-dir', dataDir];

beforeAll(async () => {
  const store = await openStore({ dataDir });
  const owner = await store.createUser({ email: EMAIL, name: 'Sari', passwordHash: 'x' });
  const viewer = await store.createUser({ email: VIEWER, name: 'Budi', passwordHash: 'x' });
  const org = await store.createOrganisation({ name: 'PT Uji', ownerId: owner.id });
  const { token } = await store.createInvitation({
    organisationId: org.id,
    email: VIEWER,
    role: 'viewer',
    invitedBy: owner.id,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  await store.acceptInvitation({ token, userId: viewer.id });
  await store.createStudy(org.id, {
    document: monitoredStudyDocument('Outlet IPAL'),
    authorId: owner.id,
  });
  await store.close();
});

describe('lestari monitor import, summary and alerts on the server database', () => {
  it('stores files in a study of the database and summarises the whole series', async () => {
    const first = await cli('monitor', 'import', january, ...as(EMAIL), '--lang', 'en');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1,440 rows stored in series "Outlet" (now 1,440 readings)');
    const second = await cli('monitor', 'import', february, ...as(EMAIL), '--lang', 'en');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('(now 2,160 readings)');
    expect(second.stdout).toContain('Stored series "Outlet"');

    const shown = await cli('monitor', 'summary', ...as(VIEWER), '--json');
    // Exit 1 on exceedances, as for a file.
    expect(shown.code).toBe(1);
    const json = JSON.parse(shown.stdout) as { monitoring: MonitoringResult };
    const cod = json.monitoring.parameters.find((p) => p.id === 'cod');
    // COD exceeds for 15 readings on each of the 3 days.
    expect(cod?.summary.exceedances).toBe(45);
    expect(cod?.daily.filter((d) => d.count > 0).map((d) => d.key)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-01',
    ]);
    expect(json.monitoring.readings).toBe(2160);
  });

  it('refuses an overlapping file and a viewer’s import, storing nothing', async () => {
    const again = await cli('monitor', 'import', january, ...as(EMAIL));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is not after the series');
    const viewer = await cli('monitor', 'import', february, ...as(VIEWER));
    expect(viewer.code).toBe(2);
    expect(viewer.stderr).toContain('this needs the editor role');
    const shown = await cli('monitor', 'summary', ...as(VIEWER), '--json');
    expect((JSON.parse(shown.stdout) as { monitoring: MonitoringResult }).monitoring.readings).toBe(
      2160,
    );
  });

  it('lists the alert events of the stored series', async () => {
    const r = await cli('monitor', 'alerts', ...as(VIEWER), '--lang', 'en');
    expect(r.code).toBe(1);
    // A 30-minute run (15 readings of 2 minutes) of COD over its limit on each of the 3 days,
    // and each parameter's days without readings (3 to 31 January) under 90 % complete.
    expect(r.stdout.match(/≥ 15 consecutive exceedances +COD/g)).toHaveLength(3);
    expect(r.stdout.match(/daily completeness < 90% +pH +2026-01-\d\d/g)).toHaveLength(29);
    expect(r.stdout).toContain(`${3 + 29 * 3} alerts`);
  });

  it('keeps the stored series’ alert rules: --run applies to files only', async () => {
    const r = await cli('monitor', 'alerts', ...as(VIEWER), '--run', '3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--run and --completeness apply to a readings file');
  });

  it('names what is missing: the account, the study', async () => {
    const noUser = await cli('monitor', 'summary', '--study', 'x', '--data-dir', dataDir);
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain('--as <email>');
    const noStudy = await cli(
      'monitor',
      'summary',
      '--study',
      'Nope',
      '--as',
      EMAIL,
      '--data-dir',
      dataDir,
    );
    expect(noStudy.code).toBe(2);
    expect(noStudy.stderr).toContain('no such study in PT Uji ("Outlet IPAL")');
  });
});
