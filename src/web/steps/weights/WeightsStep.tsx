/** GP step 2: weights by AHP (one matrix or respondents), Likert questionnaires and surveys. */
import { useTranslation } from 'react-i18next';
import type { AhpInput, LikertInput, SurveyDimension } from '../../../engine/study/study-input.js';
import { Empty, StepHeader } from '../../components/layout.js';
import { useStudy } from '../../study/editor.js';
import { problemsUnder } from '../../study/live.js';
import { AhpCard } from './AhpCard.js';
import { LikertCard } from './LikertCard.js';
import { identityMatrix, nextId, nextName } from './matrix.js';
import { resultIndex } from './problems.js';
import { SurveyCard } from './SurveyCard.js';
import './weights.css';

export function WeightsStep() {
  const { t } = useTranslation('weights');
  const { input, live, update, canEdit } = useStudy();
  const ahp = input.weights?.ahp ?? [];
  const likert = input.weights?.likert ?? [];
  const survey = input.survey ?? [];
  const parameters = input.effluent?.parameters ?? [];
  const surveyResults = live.evaluation?.results.survey ?? [];
  const surveyFailed = (i: number) => problemsUnder(live.problems, `survey[${i}]`).length > 0;
  const defaultItems = (n = 3) => Array.from({ length: n }, (_, i) => `${t('newItem')} ${i + 1}`);

  const addAhp = () =>
    update((s) => {
      const list = s.weights?.ahp ?? [];
      const items = parameters.length > 0 ? parameters.map((p) => p.id) : defaultItems();
      const next: AhpInput = {
        id: nextId(
          'ahp',
          list.map((a) => a.id),
        ),
        items,
        matrix: identityMatrix(items.length),
      };
      return { ...s, weights: { ...s.weights, ahp: [...list, next] } };
    });
  const addLikert = () =>
    update((s) => {
      const list = s.weights?.likert ?? [];
      const next: LikertInput = {
        id: nextId(
          'likert',
          list.map((l) => l.id),
        ),
        items: Array.from({ length: 3 }, (_, i) => `${t('newLikertItem')} ${i + 1}`),
        scale: { min: 1, max: 5 },
        responses: [],
      };
      return { ...s, weights: { ...s.weights, likert: [...list, next] } };
    });
  const addSurvey = () =>
    update((s) => {
      const list = s.survey ?? [];
      // One respondent with three items at the scale minimum: the columns to type or paste into.
      const next: SurveyDimension = {
        name: nextName(
          t('newDimension'),
          list.map((d) => d.name),
        ),
        scale: { min: 1, max: 5 },
        responses: [[1, 1, 1]],
      };
      return { ...s, survey: [...list, next] };
    });

  const addButton = (label: string, onClick: () => void) =>
    canEdit && (
      <div className="w-add">
        <button type="button" onClick={onClick}>
          + {label}
        </button>
      </div>
    );

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      {ahp.length === 0 && likert.length === 0 && survey.length === 0 && (
        <Empty>{t('empty')}</Empty>
      )}

      <h3>{t('ahpSection')}</h3>
      {ahp.map((a, i) => (
        <AhpCard key={i} index={i} ahp={a} />
      ))}
      {addButton(t('addAhp'), addAhp)}

      <h3>{t('likertSection')}</h3>
      {likert.map((l, i) => (
        <LikertCard key={i} index={i} likert={l} />
      ))}
      {addButton(t('addLikert'), addLikert)}

      <h3>{t('surveySection')}</h3>
      {survey.map((d, i) => {
        const k = resultIndex(i, surveyFailed);
        return (
          <SurveyCard
            key={i}
            index={i}
            dimension={d}
            result={k === undefined ? undefined : surveyResults[k]}
          />
        );
      })}
      {addButton(t('addSurvey'), addSurvey)}
    </>
  );
}
