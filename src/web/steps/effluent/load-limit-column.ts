/**
 * The load limit columns of the effluent table (kg/day, kg/h): number cells under
 * `loadLimit`, which drop the whole `loadLimit` once both numbers and the citation are
 * cleared, so an emptied row does not leave `loadLimit: {}` (an error in the study file).
 */
import type { EffluentParameter } from '../../../engine/study/study-input.js';
import { numberColumn, type GridColumn } from '../../components/columns.js';

export function loadLimitColumn(
  field: 'perDay' | 'perHour',
  header: string,
  sub: string,
): GridColumn<EffluentParameter> {
  const base = numberColumn<EffluentParameter>(`load-${field}`, header, {
    path: ['loadLimit', field],
    optional: true,
    sub,
  });
  return {
    ...base,
    write: (row, text, language) => {
      const written = base.write(row, text, language);
      if (!written.ok) return written;
      const { loadLimit, ...rest } = written.row;
      return loadLimit === undefined || Object.keys(loadLimit).length > 0
        ? written
        : { ok: true, row: rest };
    },
  };
}
