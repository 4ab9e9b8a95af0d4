/**
 * The demo (`npm start`, or `--demo` / LESTARI_DEMO=1): an account with an organisation holding
 * the three published studies, so the app opens on real data. It is a local demo: the password
 * is the fixed, documented `lestari-demo` unless LESTARI_DEMO_PASSWORD gives another, so do not
 * expose a demo server to a network you do not trust.
 */
import { readFile } from 'node:fs/promises';
import { StoreError, type Store } from '../store/index.js';
import { hashPassword } from './passwords.js';
import { studyFromText } from './routes.js';

export const DEMO_EMAIL = 'demo@lestari.local';
export const DEMO_NAME = 'Demo';
export const DEMO_PASSWORD = 'lestari-demo';
export const DEMO_ORGANISATION = 'Demo — contoh studi GP';
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
  options: { readonly password?: string } = {},
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
    await store.createStudy(organisation.id, {
      document,
      authorId: userId,
      summary: `imported from examples/${name}`,
    });
  }
  return 'created';
}
