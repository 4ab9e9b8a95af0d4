/** GP step 1: getting started: the study, the company profile, the team and the walk-through. */
import { useTranslation } from 'react-i18next';
import type { TeamMember, WalkThroughFinding } from '../../../engine/study/study-input.js';
import { textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { NumberField, SelectField, TextField } from '../../components/fields.js';
import { Section, StepHeader } from '../../components/layout.js';

export function ProfileStep() {
  const { t } = useTranslation('profile');
  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section title={t('study')}>
        <div className="form-grid">
          <TextField path={['study', 'title']} label={t('studyTitle')} required className="wide" />
          <TextField path={['study', 'period']} label={t('period')} />
          <SelectField
            path={['language']}
            label={t('language')}
            options={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
          />
          <SelectField
            path={['numberFormat']}
            label={t('numberFormat')}
            optional
            options={[
              { value: 'id', label: '1.234,5' },
              { value: 'en', label: '1,234.5' },
            ]}
          />
          <TextField path={['study', 'source', 'citation']} label={t('source')} className="wide" />
          <TextField path={['study', 'source', 'url']} label={t('sourceUrl')} />
        </div>
      </Section>
      <Section title={t('organisation')}>
        <div className="form-grid">
          <TextField path={['study', 'organisation', 'name']} label={t('orgName')} required />
          <TextField path={['study', 'organisation', 'sector']} label={t('sector')} />
          <TextField path={['study', 'organisation', 'location']} label={t('location')} />
          <TextField path={['study', 'organisation', 'products']} label={t('products')} />
          <NumberField
            path={['study', 'organisation', 'employees']}
            label={t('employees')}
            optional
          />
        </div>
      </Section>
      <Section title={t('team')}>
        <EditableTable<TeamMember>
          path={['study', 'team']}
          caption={t('team')}
          columns={[
            textColumn('name', t('memberName')),
            textColumn('role', t('memberRole'), { optional: true }),
          ]}
          newRow={() => ({ name: '' })}
          removeWhenEmpty
        />
      </Section>
      <Section title={t('walkThrough')}>
        <EditableTable<WalkThroughFinding>
          path={['walkThrough']}
          caption={t('walkThrough')}
          columns={[
            textColumn('area', t('area'), { width: '14em' }),
            textColumn('observation', t('observation')),
          ]}
          newRow={() => ({ area: '', observation: '' })}
          removeWhenEmpty
        />
      </Section>
    </>
  );
}
