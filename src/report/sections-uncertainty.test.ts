import { describe, expect, it } from 'vitest';
import { evaluateStudy } from '../engine/study/evaluate-study.js';
import type { StudyInput } from '../engine/study/study-input.js';
import { loadExample } from '../../test/report/examples.js';
import { renderReportHtml } from './render-html.js';

const render = (study: StudyInput, language: 'id' | 'en') =>
  renderReportHtml(study, evaluateStudy(study), { language, date: '2026-11-23' });

describe('the uncertainty section’s flip margins and EPI before', () => {
  it('shows each weighted sum’s flip margins (adi-bungsu)', () => {
    const { study } = loadExample('adi-bungsu');
    const withBlock: StudyInput = {
      ...study,
      uncertainty: {
        iterations: 200,
        seed: 1,
        inputs: [
          {
            path: 'screening.weightedSum[0].criteria[risk].weight',
            distribution: { uniform: { low: 4, high: 8 } },
          },
        ],
      },
    };
    const en = render(withBlock, 'en');
    expect(en).toContain('Flip margins of weighted sum #1');
    expect(en).toContain('Flip margins of weighted sum #2');
    expect(en).toContain('Increase by (→ option that ties)');
    expect(render(withBlock, 'id')).toContain('Flip margin weighted sum #1');
  });

  it('shows the AHP weights’ flip margins when the EPI takes them, and the EPI before', () => {
    const { study } = loadExample('cv-abc');
    const ids = (study.effluent?.parameters ?? []).map((p) => p.id);
    const n = ids.length;
    const fromAhp: StudyInput = {
      ...study,
      weights: {
        ahp: [
          {
            id: 'epi-weights',
            items: ids,
            matrix: ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : i < j ? 2 : 0.5))),
          },
        ],
      },
      epi: { method: 'deviation', belowDetectionLimit: 'limit', weightsFrom: 'epi-weights' },
      effluent: {
        ...(study.effluent as NonNullable<StudyInput['effluent']>),
        parameters: (study.effluent?.parameters ?? []).map(({ weight: _, ...p }) => p),
      },
      uncertainty: {
        iterations: 300,
        seed: 2,
        inputs: [
          {
            path: `effluent.parameters[${ids[1]}].measured`,
            distribution: { plusMinus: 0.2 },
          },
        ],
      },
    };
    expect(n).toBeGreaterThan(2);
    const en = render(fromAhp, 'en');
    expect(en).toContain('Flip margins of the AHP weights &quot;epi-weights&quot;');
    expect(en).toContain('EPI before (as measured)');
    const id = render(fromAhp, 'id');
    expect(id).toContain('Flip margin bobot AHP');
    expect(id).toContain('EPI sebelum (hasil ukur)');
  });
});
