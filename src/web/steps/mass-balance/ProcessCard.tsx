/** One process: its name, its input, product and waste streams, and its own balance live. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { processMassBalance, type ProcessMassBalance } from '../../../engine/mass-balance/index.js';
import type { MassBalanceInput, Process, Stream } from '../../../engine/study/study-input.js';
import { formatNumber, formatPercent } from '../../../report/format.js';
import { numberColumn, textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { TextField } from '../../components/fields.js';
import { ResultTable, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { moveProcess, removeProcess, withStream, type StreamList } from './model.js';
import { ProblemList, type PlacedProblem } from '../../components/ProblemList.js';

/** The process balanced on its own, so one bad process does not hide the others' balances. */
function balanceOf(process: Process, unit: string): ProcessMassBalance | undefined {
  try {
    return processMassBalance(process, unit);
  } catch {
    return undefined;
  }
}

export function ProcessCard(props: {
  readonly index: number;
  readonly process: Process;
  readonly unit: string;
  readonly count: number;
  readonly problems: readonly PlacedProblem[];
}) {
  const { t } = useTranslation('mass-balance');
  const { update, canEdit } = useStudy();
  const { index, process, unit } = props;
  const base = ['massBalance', 'processes', index] as const;
  const name = process.name === '' ? t('unnamed') : process.name;
  const balance = useMemo(() => balanceOf(process, unit), [process, unit]);

  const columns = useMemo(
    () => [
      textColumn<Stream>('name', t('col.name'), { width: '45%' }),
      numberColumn<Stream>('quantity', t('col.quantity')),
      textColumn<Stream>('unit', t('col.unit'), { optional: true, width: '5.5em' }),
      numberColumn<Stream>('density', t('col.density'), { optional: true, sub: t('densityUnit') }),
    ],
    [t],
  );
  const columnsWithUnit = useMemo(
    () => columns.map((c) => (c.id === 'unit' ? { ...c, sub: t('unitDefault', { unit }) } : c)),
    [columns, t, unit],
  );

  const edit = (change: (balance: MassBalanceInput) => MassBalanceInput) =>
    update((study) =>
      study.massBalance === undefined
        ? study
        : { ...study, massBalance: change(study.massBalance) },
    );

  const table = (list: StreamList) => (
    <div>
      <h4>{t(`list.${list}`)}</h4>
      {process[list] === undefined ? (
        // No table over a missing list: EditableTable would get a new [] on every render.
        <>
          <p className="empty">{t('noStreams')}</p>
          {canEdit && (
            <button
              type="button"
              className="add-row"
              onClick={() => edit((b) => withStream(b, index, list))}
            >
              + {t('addStream')}
            </button>
          )}
        </>
      ) : (
        <EditableTable<Stream>
          path={[...base, list]}
          caption={`${name}: ${t(`list.${list}`)}`}
          columns={columnsWithUnit}
          newRow={() => ({ name: '', quantity: 0 })}
          rowHeader={(_, i) => String(i + 1)}
          removeWhenEmpty={list === 'wastes'}
        />
      )}
    </div>
  );

  return (
    <Section
      title={`${index + 1}. ${name}`}
      actions={
        canEdit && (
          <div className="row-buttons">
            <button
              type="button"
              className="icon"
              disabled={index === 0}
              aria-label={t('moveUp', { name })}
              title={t('moveUp', { name })}
              onClick={() => edit((b) => moveProcess(b, index, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon"
              disabled={index === props.count - 1}
              aria-label={t('moveDown', { name })}
              title={t('moveDown', { name })}
              onClick={() => edit((b) => moveProcess(b, index, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="danger"
              aria-label={t('removeProcess', { name })}
              onClick={() => edit((b) => removeProcess(b, index))}
            >
              {t('remove')}
            </button>
          </div>
        )
      }
    >
      <div className="form-grid">
        <TextField path={[...base, 'name']} label={t('processName')} required className="wide" />
      </div>
      {/* What goes in on the left, what comes out on the right. */}
      <div className="mb-streams">
        {table('inputs')}
        <div>
          {table('products')}
          {table('wastes')}
        </div>
      </div>
      <ProblemList problems={props.problems} />
      {balance === undefined ? (
        <p className="empty">{t('noLocal')}</p>
      ) : (
        <ProcessResult index={index} name={name} balance={balance} />
      )}
    </Section>
  );
}

function ProcessResult(props: {
  readonly index: number;
  readonly name: string;
  readonly balance: ProcessMassBalance;
}) {
  const { t } = useTranslation('mass-balance');
  const language = useLanguage();
  const b = props.balance;
  const q = (x: number) => formatNumber(x, language, 2);
  const productivity = (b.totalProduct / b.totalInput) * 100;
  return (
    <>
      <ResultTable
        caption={t('processResult', { name: props.name })}
        head={[
          `${t('sumInput')} (${b.unit})`,
          t('sumProduct'),
          t('sumWaste'),
          t('sumOutput'),
          t('closure'),
          t('closurePercent'),
          t('status'),
          t('productivity'),
        ]}
        numeric={[true, true, true, true, true, true, false, true]}
        rows={[
          [
            q(b.totalInput),
            q(b.totalProduct),
            q(b.totalWaste),
            q(b.totalProduct + b.totalWaste),
            <span data-testid={`closure-${props.index}`}>{q(b.closureError)}</span>,
            formatPercent(b.closureErrorPercent, language, 2),
            <ClosureFlag closure={b.closure} />,
            <span data-testid={`process-productivity-${props.index}`}>
              {formatPercent(productivity, language, 2)}
            </span>,
          ],
        ]}
      />
      {b.closure !== 'within-tolerance' && (
        <p className="notice" role="status">
          {t(b.closure === 'missing-mass' ? 'missingSentence' : 'excessSentence', {
            amount: `${formatNumber(Math.abs(b.closureError), language, 2)} ${b.unit}`,
            percent: formatPercent(Math.abs(b.closureErrorPercent), language, 2),
            tolerance: formatPercent(b.closureTolerancePercent, language, 0),
          })}
        </p>
      )}
    </>
  );
}

export function ClosureFlag(props: { readonly closure: ProcessMassBalance['closure'] }) {
  const { t } = useTranslation('mass-balance');
  if (props.closure === 'within-tolerance') {
    return <span className="band band-green mb-flag">✓ {t('closes')}</span>;
  }
  return (
    <span className="band band-red mb-flag">
      ⚠ {t(props.closure === 'missing-mass' ? 'missing' : 'excess')}
    </span>
  );
}
