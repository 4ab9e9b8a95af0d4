/**
 * The demo (`npm start`, or `--demo` / LESTARI_DEMO=1): an account with an organisation holding
 * the three published studies, so the app opens on real data. It is a local demo: the password
 * is the fixed, documented `lestari-demo` unless LESTARI_DEMO_PASSWORD gives another, so do not
 * expose a demo server to a network you do not trust.
 */
import { readFile } from 'node:fs/promises';
import { sampleMonitoringCsv } from '../../document/monitoring/sample-data.js';
import { resolveStudy } from '../../document/resolve-study.js';
import { importReadings } from '../monitoring/index.js';
import { StoreError, type Store } from '../store/index.js';
import { hashPassword } from './passwords.js';
import { studyFromText } from './routes.js';

export const DEMO_EMAIL = 'demo@lestari.local';
export const DEMO_NAME = 'Demo';
export const DEMO_PASSWORD = 'lestari-demo';
export const DEMO_ORGANISATION = 'Demo — contoh studi GP';
/** The example given a month of SPARING-style readings (a stored series) in the demo. */
export const DEMO_MONITORED_EXAMPLE = 'cv-abc.yaml';
export const DEMO_SERIES_NAME = 'Outlet IPAL';

/** The published studies, as study files under examples/. */
export const DEMO_EXAMPLES = ['cv-abc.yaml', 'adi-bungsu.yaml', 'ecco-tannery.yaml'] as const;

/** An example's text; examples/ is at the package root, from src/ and from dist/ alike. */
function exampleText(name: string): Promise<string> {
  return readFile(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
}

/**
 * Creates the demo account, its organisation and one study per example, unless the account
 * exists: a second start changes nothing (and keeps what the demo user did since).
 */
export async function seedDemo(
  store: Store,
  options: { readonly password?: string; readonly now?: () => Date } = {},
): Promise<'created' | 'exists'> {
  if ((await store.findUserByEmail(DEMO_EMAIL)) !== undefined) return 'exists';
  // Everything that can fail on bad input comes before the first write.
  const studies = await Promise.all(
    DEMO_EXAMPLES.map(async (name) => ({ name, document: studyFromText(await exampleText(name)) })),
  );
  const passwordHash = await hashPassword(options.password ?? DEMO_PASSWORD);
  let userId: string;
  try {
    userId = (await store.createUser({ email: DEMO_EMAIL, name: DEMO_NAME, passwordHash })).id;
  } catch (error) {
    // Another server on the same database made it a moment ago.
    if (error instanceof StoreError && error.code === 'duplicate') return 'exists';
    throw error;
  }
  const organisation = await store.createOrganisation({ name: DEMO_ORGANISATION, ownerId: userId });
  for (const { name, document } of studies) {
    const study = await store.createStudy(organisation.id, {
      document,
      authorId: userId,
      summary: `imported from examples/${name}`,
    });
    if (name === DEMO_MONITORED_EXAMPLE) {
      await seedMonitoring(
        store,
        organisation.id,
        study.id,
        userId,
        options.now ?? (() => new Date()),
      );
    }
  }
  return 'created';
}

/**
 * Last month's readings every 2 minutes (the web step's sample: two exceedance episodes, a bad
 * day, a logger outage, an improvement mid-month), stored as the study's series so the
 * Monitoring step and the report open on data.
 */
async function seedMonitoring(
  store: Store,
  organisationId: string,
  studyId: string,
  userId: string,
  now: () => Date,
): Promise<void> {
  const stored = await store.getStudy(organisationId, studyId);
  const resolved = resolveStudy(stored.document);
  if (!resolved.ok) return;
  const today = now();
  const month = today.getUTCMonth() === 0 ? 12 : today.getUTCMonth();
  const year = today.getUTCMonth() === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
  const csv = sampleMonitoringCsv(resolved.study.effluent?.parameters ?? [], {
    language: 'id',
    year,
    month,
    days: 28,
  });
  const outcome = await importReadings({
    store,
    organisationId,
    studyId,
    study: resolved.study,
    seriesName: DEMO_SERIES_NAME,
    fileName: `sparing-${year}-${String(month).padStart(2, '0')}.csv`,
    createdBy: userId,
    chunks: [csv],
    maxBytes: Infinity,
  });
  if (!outcome.ok) throw new Error('the demo readings were refused');
}
