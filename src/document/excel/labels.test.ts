import { describe, expect, it } from 'vitest';
import {
  COLUMN_LABELS,
  ENUM_LABELS,
  type Label,
  labelMatches,
  normaliseLabel,
  SHEET_LABELS,
  STUDY_FIELD_LABELS,
} from './labels.js';

const languages = ['id', 'en'] as const;

function unique(values: readonly string[]): boolean {
  return new Set(values.map(normaliseLabel)).size === values.length;
}

describe('labels', () => {
  it('names sheets the way Excel allows, uniquely in each language', () => {
    const sheets: Label[] = Object.values(SHEET_LABELS);
    for (const language of languages) {
      const names = sheets.map((l) => l[language]);
      expect(unique(names)).toBe(true);
      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[*?:/\\[\]]|^'|'$/);
      }
    }
    // A sheet name of one language is never another sheet's name in the other language.
    for (const a of sheets) {
      for (const b of sheets) {
        if (a !== b) expect(labelMatches(a, b.id) || labelMatches(a, b.en)).toBe(false);
      }
    }
  });

  it('gives every column of a sheet a distinct header in both languages', () => {
    for (const columns of Object.values(COLUMN_LABELS)) {
      const labels: Label[] = Object.values(columns);
      for (const language of languages) expect(unique(labels.map((l) => l[language]))).toBe(true);
      for (const a of labels) {
        for (const b of labels) {
          if (a !== b) expect(labelMatches(a, b.id) || labelMatches(a, b.en)).toBe(false);
        }
      }
    }
    const fields: Label[] = Object.values(STUDY_FIELD_LABELS);
    for (const language of languages) expect(unique(fields.map((l) => l[language]))).toBe(true);
  });

  it('keeps enumeration words distinct and free of commas (Excel list validation)', () => {
    for (const words of Object.values(ENUM_LABELS)) {
      const labels: Label[] = Object.values(words);
      for (const language of languages) {
        const list = labels.map((l) => l[language]);
        expect(unique(list)).toBe(true);
        expect(list.join(',').length).toBeLessThan(255);
        for (const word of list) expect(word).not.toContain(',');
      }
      // A word of either language names one value only.
      for (const a of labels) {
        for (const b of labels) {
          if (a !== b) expect(labelMatches(a, b.id) || labelMatches(a, b.en)).toBe(false);
        }
      }
    }
  });
});
