/** IRR and payback as data shown in words: every root, "none" and "never" with their reason. */
import { useTranslation } from 'react-i18next';
import type { InternalRateOfReturn, SeriesPaybackPeriod } from '../../../engine/economics/index.js';
import { formatFractionPercent, formatNumber } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { useLanguage } from '../../i18n/index.js';

export function IrrText(props: { readonly irr: InternalRateOfReturn }) {
  const { t } = useTranslation('economics');
  const language = useLanguage();
  const irr = props.irr;
  if (irr.kind === 'unique') return <>{formatFractionPercent(irr.rate, language, 2)}</>;
  if (irr.kind === 'multiple') {
    const rates = irr.rates.map((r) => formatFractionPercent(r, language, 2)).join('; ');
    return <>{t('irr.multiple', { count: irr.rates.length, rates })}</>;
  }
  return <>{t(`irr.none.${irr.reason}`)}</>;
}

export function PaybackText(props: { readonly payback: SeriesPaybackPeriod }) {
  const { t } = useTranslation('economics');
  const language = useLanguage();
  const p = props.payback;
  if (p.kind === 'never') return <>{t(`payback.never.${p.reason}`)}</>;
  const { years, months, days } = p.duration;
  const parts = [
    years > 0 ? t('duration.years', { count: years }) : '',
    months > 0 ? t('duration.months', { count: months }) : '',
    days > 0 || (years === 0 && months === 0) ? t('duration.days', { count: days }) : '',
  ].filter((s) => s !== '');
  return (
    <>
      {fill(labels(language).years, formatNumber(p.years, language, 2))}
      <span className="muted" style={{ display: 'block' }}>
        {parts.join(' ')}
      </span>
      {p.fallsBelowZeroAgain && (
        <span className="muted" style={{ display: 'block' }}>
          {t('payback.again')}
        </span>
      )}
    </>
  );
}
