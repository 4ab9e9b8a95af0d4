/**
 * The uncertainty block's inputs as table columns: the input path, the distribution's kind,
 * and up to three parameters whose meaning follows the kind (low/mode/high; mean/sd; ±%).
 */
import type {
  StudyUncertainDistribution,
  StudyUncertainInput,
} from '../../../engine/uncertainty/study-block.js';
import { formatTyped, parseNumber } from '../../i18n/numbers.js';
import type { Language } from '../../i18n/index.js';
import type { GridColumn } from '../../components/columns.js';
import { textColumn } from '../../components/columns.js';
import type { CellWrite } from '../../components/grid-paste.js';

export type DistributionKind = 'uniform' | 'triangular' | 'normal' | 'plusMinus';
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  'uniform',
  'triangular',
  'normal',
  'plusMinus',
];

export function kindOf(d: StudyUncertainDistribution): DistributionKind {
  if ('uniform' in d) return 'uniform';
  if ('triangular' in d) return 'triangular';
  if ('normal' in d) return 'normal';
  return 'plusMinus';
}

/** The three parameter slots of a distribution (undefined where the kind has none). */
export function slotsOf(
  d: StudyUncertainDistribution,
): [number | undefined, number | undefined, number | undefined] {
  if ('uniform' in d) return [d.uniform.low, undefined, d.uniform.high];
  if ('triangular' in d) return [d.triangular[0], d.triangular[1], d.triangular[2]];
  if ('normal' in d) return [d.normal.mean, d.normal.sd, undefined];
  const pm = d.plusMinus;
  return typeof pm === 'number'
    ? [undefined, pm * 100, undefined]
    : [pm.value, pm.fraction * 100, undefined];
}

/** A distribution of `kind` from slots, keeping what carries over (low/high, a centre). */
export function withSlots(
  kind: DistributionKind,
  slots: readonly (number | undefined)[],
): StudyUncertainDistribution {
  const [a, b, c] = slots;
  switch (kind) {
    case 'uniform':
      return { uniform: { low: a ?? 0, high: c ?? a ?? 0 } };
    case 'triangular':
      return { triangular: [a ?? 0, b ?? a ?? 0, c ?? b ?? a ?? 0] };
    case 'normal':
      return { normal: { mean: a ?? 0, sd: b ?? 0 } };
    case 'plusMinus':
      return a === undefined
        ? { plusMinus: (b ?? 0) / 100 }
        : { plusMinus: { value: a, fraction: (b ?? 0) / 100 } };
  }
}

const ok = (row: StudyUncertainInput): CellWrite<StudyUncertainInput> => ({ ok: true, row });

export function distributionColumns(t: (key: string) => string): GridColumn<StudyUncertainInput>[] {
  const slot = (index: 0 | 1 | 2, id: string): GridColumn<StudyUncertainInput> => ({
    id,
    header: t(`slot.${id}`),
    path: ['distribution'],
    align: 'right',
    read: (row, language: Language) => formatTyped(slotsOf(row.distribution)[index], language),
    write: (row, text, language: Language) => {
      const slots = slotsOf(row.distribution);
      if (text === '') {
        slots[index] = undefined;
      } else {
        const parsed = parseNumber(text, language);
        if (!parsed.ok) return { ok: false, message: parsed.message };
        slots[index] = parsed.value;
      }
      return ok({ ...row, distribution: withSlots(kindOf(row.distribution), slots) });
    },
  });
  return [
    textColumn<StudyUncertainInput>('path', t('path')),
    {
      id: 'kind',
      header: t('kind'),
      path: ['distribution'],
      align: 'left',
      options: DISTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
      read: (row) => kindOf(row.distribution),
      write: (row, text) => {
        const kind = DISTRIBUTION_KINDS.find(
          (k) => k === text || t(`kind.${k}`).toLowerCase() === text.toLowerCase(),
        );
        if (kind === undefined)
          return { ok: false, message: `"${text}": ${DISTRIBUTION_KINDS.join(', ')}` };
        return ok({ ...row, distribution: withSlots(kind, slotsOf(row.distribution)) });
      },
    },
    slot(0, 'a'),
    slot(1, 'b'),
    slot(2, 'c'),
  ];
}
