/** GP step 2: productivity per period, and the year's total and partial productivity. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCTIVITY_INPUT_CATEGORIES } from '../../../engine/productivity/index.js';
import type { ProductivityInput, ProductivityPeriod } from '../../../engine/study/study-input.js';
import { numberColumn, textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { NumberField, SelectField, TextField } from '../../components/fields.js';
import { Empty, Section, StepHeader } from '../../components/layout.js';
import { inputCategoryLabel, outputLabel } from '../../../report/i18n.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import {
  addCategory,
  amountColumn,
  categoryNames,
  isPlaced,
  newPeriod,
  periodPlace,
  removeCategory,
  renameCategory,
  renameKey,
  studyPath,
  withoutKey,
  type AmountKind,
} from './categories.js';
import { NameList } from './NameList.js';
import { ProblemList, type PlacedProblem } from '../../components/ProblemList.js';
import { ProductivityResults } from './ProductivityResults.js';
import './productivity.css';

export function ProductivityStep() {
  const { t } = useTranslation('productivity');
  const language = useLanguage();
  const { input, live, problems, update, canEdit } = useStudy();
  const productivity = input.productivity;
  const result = live.evaluation?.results.productivity;

  const change = (next: (p: ProductivityInput) => ProductivityInput) =>
    update((s) =>
      s.productivity === undefined ? s : { ...s, productivity: next(s.productivity) },
    );

  const periods = productivity?.periods;
  const outputs = useMemo(() => categoryNames(periods ?? [], 'outputs'), [periods]);
  const inputs = useMemo(() => categoryNames(periods ?? [], 'inputs'), [periods]);
  const display = (kind: AmountKind) => (name: string) =>
    kind === 'outputs' ? outputLabel(name, language) : inputCategoryLabel(name, language);

  const columns = useMemo(
    () => [
      textColumn<ProductivityPeriod>('label', t('label'), { width: '8em' }),
      ...outputs.map((name) =>
        amountColumn('outputs', name, outputLabel(name, language), t('outputSub')),
      ),
      ...inputs.map((name) =>
        amountColumn('inputs', name, inputCategoryLabel(name, language), t('inputSub')),
      ),
      numberColumn<ProductivityPeriod>('ratio', t('ratio'), {
        optional: true,
        percent: true,
        sub: t('ratioSub'),
      }),
    ],
    [t, language, outputs, inputs],
  );

  // Problems no cell or field shows, by where they belong.
  const unplaced = useMemo(() => {
    const groups: Record<'settings' | 'periods' | 'year', PlacedProblem[]> = {
      settings: [],
      periods: [],
      year: [],
    };
    const hasYear = productivity?.yearInputs !== undefined;
    problems.forEach((p, k) => {
      if (!p.path.startsWith('productivity') || isPlaced(p.path)) return;
      const place = periodPlace(studyPath(p.path, hasYear));
      if (place.kind === 'period') {
        const label = productivity?.periods[place.index]?.label;
        const name =
          place.name === undefined
            ? ''
            : ` ${place.field === 'outputs' ? outputLabel(place.name, language) : inputCategoryLabel(place.name, language)}`;
        const where = [
          `${t('where.period', { n: place.index + 1 })}${label ? ` (${label})` : ''}`,
          place.field === undefined ? '' : `${t(`where.${place.field}`)}${name}`,
        ]
          .filter(Boolean)
          .join(' · ');
        groups.periods.push({ key: `${k}`, where, message: p.message });
      } else if (place.kind === 'periods') {
        groups.periods.push({ key: `${k}`, where: '', message: p.message });
      } else if (place.kind === 'year') {
        const where = [t('where.year'), place.name && inputCategoryLabel(place.name, language)]
          .filter(Boolean)
          .join(' · ');
        groups.year.push({ key: `${k}`, where, message: p.message });
      } else {
        groups.settings.push({ key: `${k}`, where: '', message: p.message });
      }
    });
    return groups;
  }, [problems, productivity, t, language]);

  if (productivity === undefined) {
    return (
      <>
        <StepHeader title={t('title')} intro={t('intro')} />
        <Section title={t('settings')}>
          <Empty>{t('empty')}</Empty>
          {canEdit && (
            <button
              type="button"
              className="primary"
              onClick={() =>
                update((s) => ({
                  ...s,
                  productivity: {
                    basis: 'value',
                    periods: [
                      {
                        label: 'Jan',
                        outputs: { output: 0 },
                        inputs: { material: 0, labour: 0, energy: 0 },
                      },
                    ],
                  },
                }))
              }
            >
              {t('start')}
            </button>
          )}
        </Section>
      </>
    );
  }

  const suggestions = PRODUCTIVITY_INPUT_CATEGORIES.map((c) => ({
    value: c,
    label: inputCategoryLabel(c, language),
  }));
  const yearInputs = productivity.yearInputs;

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section
        title={t('settings')}
        actions={
          canEdit && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(t('confirmRemove')))
                  update(({ productivity: _, ...rest }) => rest);
              }}
            >
              {t('removeSection')}
            </button>
          )
        }
      >
        <div className="form-grid">
          <SelectField
            path={['productivity', 'basis']}
            label={t('basis')}
            options={(['value', 'physical'] as const).map((v) => ({
              value: v,
              label: t(`basis.${v}`),
            }))}
          />
          <TextField path={['productivity', 'unit']} label={t('unit')} hint={t('unitHint')} />
        </div>
        <ProblemList problems={unplaced.settings} />
      </Section>

      <Section title={t('categories')}>
        <p className="muted">{t('categoriesHint')}</p>
        <div className="pd-columns">
          {(['outputs', 'inputs'] as const).map((kind) => (
            <NameList
              key={kind}
              legend={t(kind)}
              names={kind === 'outputs' ? outputs : inputs}
              display={display(kind)}
              placeholder={t(kind === 'outputs' ? 'newOutput' : 'newInput')}
              {...(kind === 'inputs' && { suggestions })}
              onRename={(from, to) => change((p) => renameCategory(p, kind, from, to))}
              onRemove={(name) => change((p) => removeCategory(p, kind, name))}
              onAdd={(name) => change((p) => addCategory(p, kind, name))}
            />
          ))}
        </div>
        {outputs.length === 0 && inputs.length === 0 && (
          <p className="empty">{t('noCategories')}</p>
        )}
      </Section>

      <Section title={t('periods')}>
        <EditableTable<ProductivityPeriod>
          path={['productivity', 'periods']}
          caption={t('periods')}
          columns={columns}
          newRow={() => newPeriod(productivity)}
          rowHeader={(_, i) => String(i + 1)}
        />
        <ProblemList problems={unplaced.periods} />
      </Section>

      <Section
        title={t('year')}
        actions={
          canEdit &&
          yearInputs !== undefined && (
            <button
              type="button"
              className="danger"
              onClick={() => change(({ yearInputs: _, ...rest }) => rest)}
            >
              {t('yearRemove')}
            </button>
          )
        }
      >
        <p className="muted">{t('yearHint')}</p>
        {yearInputs === undefined ? (
          canEdit && (
            <button
              type="button"
              onClick={() =>
                change((p) => ({
                  ...p,
                  yearInputs: Object.fromEntries(
                    (inputs.some((c) => c !== 'total')
                      ? inputs.filter((c) => c !== 'total')
                      : ['material', 'labour', 'energy']
                    ).map((c) => [c, 0]),
                  ),
                }))
              }
            >
              + {t('yearAdd')}
            </button>
          )
        ) : (
          <>
            <div className="pd-columns">
              <NameList
                legend={t('inputs')}
                names={Object.keys(yearInputs)}
                display={display('inputs')}
                placeholder={t('newInput')}
                suggestions={suggestions}
                onRename={(from, to) =>
                  change((p) =>
                    p.yearInputs === undefined
                      ? p
                      : { ...p, yearInputs: renameKey(p.yearInputs, from, to) },
                  )
                }
                onRemove={(name) =>
                  change(({ yearInputs: year, ...rest }) => {
                    const left = year === undefined ? undefined : withoutKey(year, name);
                    return left === undefined ? rest : { ...rest, yearInputs: left };
                  })
                }
                onAdd={(name) =>
                  change((p) => ({ ...p, yearInputs: { ...p.yearInputs, [name]: 0 } }))
                }
              />
            </div>
            <div className="form-grid">
              {Object.keys(yearInputs).map((name) => (
                <NumberField
                  key={name}
                  path={['productivity', 'yearInputs', name]}
                  label={inputCategoryLabel(name, language)}
                  {...(productivity.unit === undefined ? {} : { unit: productivity.unit })}
                />
              ))}
            </div>
          </>
        )}
        <ProblemList problems={unplaced.year} />
      </Section>

      <Section title={t('results')}>
        {result === undefined ? (
          <Empty>{t('noResult')}</Empty>
        ) : (
          <ProductivityResults result={result} />
        )}
      </Section>
    </>
  );
}
