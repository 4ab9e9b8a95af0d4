/** One survey dimension: its scale and responses (respondents × items), and its live score. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDimension } from '../../../engine/study/study-input.js';
import type { SurveyDimensionScore } from '../../../engine/weights/index.js';
import { formatInput, formatPercent } from '../../../report/format.js';
import { labels, type LabelKey } from '../../../report/i18n.js';
import { EditableTable } from '../../components/EditableTable.js';
import { NumberField, TextField } from '../../components/fields.js';
import { Empty, Metric, ResultTable, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { pathKey } from '../../study/paths.js';
import { responseColumns } from './LikertCard.js';
import { addSurveyItem, removeSurveyItem, surveyItemCount } from './matrix.js';
import { ProblemList } from '../../components/ProblemList.js';
import { cardProblems, responseRow, SURVEY_PLACED } from './problems.js';

const BANDS: Readonly<Record<string, LabelKey>> = {
  'very-poor': 'band_very-poor',
  poor: 'band_poor',
  fair: 'band_fair',
  good: 'band_good',
  'very-good': 'band_very-good',
};

export function SurveyCard(props: {
  readonly index: number;
  readonly dimension: SurveyDimension;
  readonly result: (SurveyDimensionScore & { readonly name: string }) | undefined;
}) {
  const { t } = useTranslation('weights');
  const language = useLanguage();
  const L = labels(language);
  const { problems, update, canEdit } = useStudy();
  const { index, dimension, result } = props;
  const base = ['survey', index] as const;
  const count = surveyItemCount(dimension);
  const change = (next: (d: SurveyDimension) => SurveyDimension) =>
    update((s) => ({ ...s, survey: (s.survey ?? []).map((d, i) => (i === index ? next(d) : d)) }));
  const columns = useMemo(
    () => responseColumns(Array.from({ length: count }, (_, j) => t('surveyItem', { n: j + 1 }))),
    [count, t],
  );
  const listed = cardProblems(problems, pathKey(base), SURVEY_PLACED).map((p) => {
    const row = responseRow(p.rest);
    return {
      key: p.key,
      where: row === undefined ? p.rest.replace(/^\./, '') : t('respondentRow', { n: row + 1 }),
      message: p.message,
    };
  });
  const band = result === undefined ? undefined : BANDS[result.band];
  const name = dimension.name || t('unnamed');

  return (
    <Section
      title={t('surveyTitle', { name })}
      actions={
        canEdit && (
          <button
            type="button"
            className="danger"
            aria-label={t('removeSurvey', { name })}
            onClick={() =>
              update(({ survey, ...rest }) => {
                const left = (survey ?? []).filter((_, i) => i !== index);
                return left.length === 0 ? rest : { ...rest, survey: left };
              })
            }
          >
            {t('remove')}
          </button>
        )
      }
    >
      <div className="form-grid">
        <TextField path={[...base, 'name']} label={t('dimensionName')} required />
        <NumberField path={[...base, 'scale', 'min']} label={t('scaleMin')} />
        <NumberField path={[...base, 'scale', 'max']} label={t('scaleMax')} />
      </div>
      <div className="w-tabs">
        <span className="muted">{t('surveyItems', { count })}</span>
        {canEdit && (
          <>
            <button type="button" onClick={() => change(addSurveyItem)}>
              + {t('addColumn')}
            </button>
            <button
              type="button"
              disabled={count === 0}
              onClick={() => change((d) => removeSurveyItem(d, count - 1))}
            >
              − {t('removeColumn')}
            </button>
          </>
        )}
      </div>
      <EditableTable<readonly number[]>
        path={[...base, 'responses']}
        caption={`${t('responses')}: ${name}`}
        columns={columns}
        newRow={() => Array.from({ length: Math.max(1, count) }, () => dimension.scale.min)}
        rowHeader={(_, r) => t('respondentRow', { n: r + 1 })}
      />
      <ProblemList problems={listed} />
      <div className="w-results">
        {result === undefined ? (
          <Empty>{t('surveyNoResult')}</Empty>
        ) : (
          <>
            <div className="metrics">
              <Metric
                label={t('surveyScore')}
                value={formatPercent(result.percent, language, 2)}
                testId={`survey-percent-${index}`}
                note={band === undefined ? result.band : L[band]}
              />
            </div>
            <ResultTable
              caption={L.survey}
              head={[
                L.dimension,
                L.respondentsCount,
                L.totalScore,
                L.idealScore,
                L.scorePercent,
                L.interpretation,
              ]}
              numeric={[false, true, true, true, true, false]}
              rows={[
                [
                  result.name,
                  String(result.respondents),
                  formatInput(result.totalScore, language, 2),
                  formatInput(result.maximumScore, language, 2),
                  formatPercent(result.percent, language, 2),
                  band === undefined ? result.band : L[band],
                ],
              ]}
            />
          </>
        )}
      </div>
    </Section>
  );
}
