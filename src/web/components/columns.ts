/**
 * Column kinds for editable tables: how a cell reads a row into text in the UI language and
 * writes typed or pasted text back. `path` is the cell's field inside the row, so the
 * engine's error for that field shows on that cell.
 */
import type { ReactNode } from 'react';
import type { NumberOrRange } from '../../engine/range.js';
import type { MeasuredValue } from '../../engine/study/study-input.js';
import { formatTyped, parseNumber, parseTyped } from '../i18n/numbers.js';
import type { Language } from '../i18n/index.js';
import { getAt, setAt, type Path } from '../study/paths.js';
import type { CellWrite } from './grid-paste.js';

export interface GridColumn<Row> {
  readonly id: string;
  readonly header: string;
  /** Shown under the header (a unit, say). */
  readonly sub?: ReactNode;
  readonly path: Path;
  readonly readOnly?: boolean;
  readonly align?: 'left' | 'right';
  readonly width?: string;
  /** A fixed list of values: a drop-down instead of free text. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  read(row: Row, language: Language): string;
  write(row: Row, text: string, language: Language): CellWrite<Row>;
}

const ok = <Row>(row: Row): CellWrite<Row> => ({ ok: true, row });
const fail = <Row>(message: string): CellWrite<Row> => ({ ok: false, message });

export function textColumn<Row>(
  id: string,
  header: string,
  options: { path?: Path; optional?: boolean; width?: string } = {},
): GridColumn<Row> {
  const path = options.path ?? [id];
  return {
    id,
    header,
    path,
    align: 'left',
    ...(options.width === undefined ? {} : { width: options.width }),
    read: (row) => {
      const v = getAt(row, path);
      return typeof v === 'string' ? v : '';
    },
    write: (row, text) =>
      text === '' && options.optional
        ? ok(setAt(row, path, undefined))
        : ok(setAt(row, path, text)),
  };
}

export function numberColumn<Row>(
  id: string,
  header: string,
  options: {
    path?: Path;
    optional?: boolean;
    percent?: boolean;
    sub?: ReactNode;
    readOnly?: boolean;
  } = {},
): GridColumn<Row> {
  const path = options.path ?? [id];
  const scale = options.percent ? 100 : 1;
  return {
    id,
    header,
    path,
    align: 'right',
    ...(options.sub === undefined ? {} : { sub: options.sub }),
    ...(options.readOnly ? { readOnly: true } : {}),
    read: (row, language) => {
      const v = getAt(row, path);
      return typeof v === 'number' ? formatTyped(v * scale, language) : '';
    },
    write: (row, text, language) => {
      if (text === '') return options.optional ? ok(setAt(row, path, undefined)) : fail('required');
      const parsed = parseNumber(text, language);
      return parsed.ok ? ok(setAt(row, path, parsed.value / scale)) : fail(parsed.message);
    },
  };
}

/** A measured value: a number, or a detection-limit bound such as "< 0,5". */
export function measuredColumn<Row>(
  id: string,
  header: string,
  options: { path?: Path; sub?: ReactNode } = {},
): GridColumn<Row> {
  const path = options.path ?? [id];
  return {
    id,
    header,
    path,
    align: 'right',
    ...(options.sub === undefined ? {} : { sub: options.sub }),
    read: (row, language) => {
      const v = getAt(row, path) as MeasuredValue | undefined;
      if (typeof v === 'number') return formatTyped(v, language);
      if (v !== undefined && typeof v === 'object')
        return `${v.qualifier} ${formatTyped(v.value, language)}`;
      return '';
    },
    write: (row, text, language) => {
      if (text === '') return fail('required');
      const parsed = parseTyped(text, language, ['number', 'bound']);
      if (!parsed.ok) return fail(parsed.message);
      const v = parsed.value;
      return v.kind === 'bound'
        ? ok(setAt(row, path, { qualifier: v.qualifier, value: v.value }))
        : v.kind === 'number'
          ? ok(setAt(row, path, v.value))
          : fail('give a number or a bound such as < 0,5');
    },
  };
}

/** A number or a range ("80–90 %"); `percent` keeps fractions and shows percentages. */
export function rangeColumn<Row>(
  id: string,
  header: string,
  options: { path?: Path; optional?: boolean; percent?: boolean; sub?: ReactNode } = {},
): GridColumn<Row> {
  const path = options.path ?? [id];
  const scale = options.percent ? 100 : 1;
  const suffix = options.percent ? ' %' : '';
  return {
    id,
    header,
    path,
    align: 'right',
    ...(options.sub === undefined ? {} : { sub: options.sub }),
    read: (row, language) => {
      const v = getAt(row, path) as NumberOrRange | undefined;
      if (typeof v === 'number') return formatTyped(v * scale, language) + suffix;
      if (v !== undefined && typeof v === 'object' && 'low' in v) {
        return `${formatTyped(v.low * scale, language)}–${formatTyped(v.high * scale, language)}${suffix}`;
      }
      return '';
    },
    write: (row, text, language) => {
      if (text === '') return options.optional ? ok(setAt(row, path, undefined)) : fail('required');
      const parsed = parseTyped(text, language, ['number', 'range']);
      if (!parsed.ok) return fail(parsed.message);
      const v = parsed.value;
      if (v.kind === 'number') return ok(setAt(row, path, v.value / scale));
      if (v.kind === 'range')
        return ok(setAt(row, path, { low: v.low / scale, high: v.high / scale }));
      return fail('give a number or a range');
    },
  };
}

export function selectColumn<Row>(
  id: string,
  header: string,
  choices: readonly { readonly value: string; readonly label: string }[],
  options: { path?: Path; optional?: boolean } = {},
): GridColumn<Row> {
  const path = options.path ?? [id];
  return {
    id,
    header,
    path,
    align: 'left',
    options: options.optional ? [{ value: '', label: '—' }, ...choices] : choices,
    read: (row) => {
      const v = getAt(row, path);
      return typeof v === 'string' ? v : '';
    },
    write: (row, text) => {
      if (text === '') return options.optional ? ok(setAt(row, path, undefined)) : fail('required');
      const choice = choices.find(
        (c) => c.value === text || c.label.toLowerCase() === text.toLowerCase(),
      );
      return choice === undefined
        ? fail(`"${text}" is not one of ${choices.map((c) => c.value).join(', ')}`)
        : ok(setAt(row, path, choice.value));
    },
  };
}
