import type { StudyInput } from '../../src/engine/study/study-input.js';

/** A small valid study whose title marks which save wrote it. */
export function studyDocument(title: string): StudyInput {
  return {
    lestari: 1,
    language: 'en',
    study: { title, organisation: { name: 'CV ABC', sector: 'tofu' } },
    walkThrough: [{ area: 'boiler', observation: `steam leak noted in ${title}` }],
  };
}

export const burstDocument = (revision: number): StudyInput => studyDocument(`burst ${revision}`);
