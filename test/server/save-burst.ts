/**
 * Child process of the crash test: saves a study as fast as it can and prints each revision
 * right after its save resolved (was acknowledged). The parent SIGKILLs it mid-burst.
 * Usage: node --import tsx save-burst.ts DATA_DIR ORGANISATION_ID STUDY_ID USER_ID
 */
import { openStore } from '../../src/server/store/index.js';
import { burstDocument } from './fixtures.js';

const [dataDir, organisationId, studyId, userId] = process.argv.slice(2);
if (
  dataDir === undefined ||
  organisationId === undefined ||
  studyId === undefined ||
  userId === undefined
) {
  throw new Error('usage: save-burst.ts DATA_DIR ORGANISATION_ID STUDY_ID USER_ID');
}
const store = await openStore({ dataDir });
let revision = (await store.getStudy(organisationId, studyId)).revision;
for (;;) {
  const result = await store.saveStudy(organisationId, studyId, {
    baseRevision: revision,
    document: burstDocument(revision + 1),
    authorId: userId,
    summary: `burst ${revision + 1}`,
  });
  if (result.kind !== 'saved') throw new Error(`unexpected conflict at ${revision}`);
  revision = result.study.revision;
  process.stdout.write(`${revision}\n`);
}
