/**
 * Regulatory effluent standards (baku mutu) as data. Each set names its regulation and how
 * it was obtained: `quoted-by-study` sets hold exactly the limits a published study quotes
 * (the regulation's own text was not checked); `regulation` sets come from the regulation's
 * text. A study refers to a set by id (`effluent.standard`) or gives its own limits.
 */
import type { Limit } from '../../engine/study/study-input.js';

export interface StandardParameter {
  readonly name: string;
  readonly limit: Limit;
  readonly unit: string;
}

export interface StandardSet {
  readonly id: string;
  readonly regulation: string;
  readonly annex?: string;
  readonly industry: string;
  readonly jurisdiction: string;
  readonly provenance: 'quoted-by-study' | 'regulation';
  readonly citation: string;
  readonly note?: string;
  readonly parameters: Readonly<Record<string, StandardParameter>>;
  /** Maximum wastewater volume per unit of production, for load limits. */
  readonly maxWastewater?: { readonly value: number; readonly unit: string };
}

const mgL = (name: string, max: number): StandardParameter => ({
  name,
  limit: { max },
  unit: 'mg/L',
});
const mgKg = (name: string, max: number): StandardParameter => ({
  name,
  limit: { max },
  unit: 'mg/kg',
});

export const STANDARD_SETS: readonly StandardSet[] = [
  {
    id: 'pergub-jatim-72-2013-cv-abc',
    regulation:
      'Peraturan Gubernur Jawa Timur No. 72 Tahun 2013 tentang Baku Mutu Air Limbah bagi Industri dan/atau Kegiatan Usaha Lainnya',
    industry: 'wood processing (speakers, furniture)',
    jurisdiction: 'ID-JI',
    provenance: 'quoted-by-study',
    citation: 'As quoted in the CV. ABC Green Productivity study, Tabel II ("Standar BAPEDAL")',
    note: 'The study quotes pH 9 and uses it as an upper limit; the regulation gives pH 6–9.',
    parameters: {
      bod: mgL('BOD', 30),
      cod: mgL('COD', 50),
      tss: mgL('TSS', 50),
      'oil-grease': mgL('Oil and grease', 10),
      ph: { name: 'pH', limit: { range: { low: 6, high: 9 } }, unit: '' },
    },
  },
  {
    id: 'kepgub-jatim-45-2002-ecco',
    regulation:
      'Keputusan Gubernur Jawa Timur No. 45 Tahun 2002 tentang Baku Mutu Limbah Cair bagi Industri',
    industry: 'leather tanning',
    jurisdiction: 'ID-JI',
    provenance: 'quoted-by-study',
    citation:
      'As quoted in the PT ECCO Tannery Indonesia waste-reduction study, Tabel 6 ("Standar Bapedal")',
    note: 'The study lists sludge limits (Hg, Pb, Cd, Cr, Cu) beside the effluent limits without naming their regulation; they are kept as quoted.',
    parameters: {
      bod5: mgL('BOD5', 100),
      cod: mgL('COD', 250),
      tss: mgL('TSS', 100),
      'cr-total': mgL('Cr total', 0.5),
      'oil-grease': mgL('Oil and grease', 5),
      nh3: mgL('NH3', 10),
      sulfide: mgL('Sulfide', 0.8),
      'hg-sludge': mgKg('Hg (sludge)', 0.2),
      'pb-sludge': mgKg('Pb (sludge)', 5),
      'cd-sludge': mgKg('Cd (sludge)', 1),
      'cr-sludge': mgKg('Cr (sludge)', 5),
      'cu-sludge': mgKg('Cu (sludge)', 10),
    },
  },
  {
    id: 'permenlh-5-2014-lampiran-ii-tanning',
    regulation: 'Peraturan Menteri Lingkungan Hidup No. 5 Tahun 2014 tentang Baku Mutu Air Limbah',
    annex: 'Lampiran II: industri penyamakan kulit (chrome tanning)',
    industry: 'leather tanning',
    jurisdiction: 'ID',
    provenance: 'regulation',
    citation: 'PermenLH 5/2014, Lampiran II, maximum concentrations for leather tanning',
    note: 'Load limit = concentration limit × maximum wastewater volume ÷ 1000 (kg per ton of raw material).',
    parameters: {
      bod5: mgL('BOD5', 50),
      cod: mgL('COD', 110),
      tss: mgL('TSS', 60),
      'cr-total': mgL('Cr total', 0.6),
      'oil-grease': mgL('Oil and grease', 5),
      'n-total': mgL('Total N', 10),
      ammonia: mgL('Ammonia (NH3-N)', 0.5),
      sulfide: mgL('Sulfide', 0.8),
      ph: { name: 'pH', limit: { range: { low: 6, high: 9 } }, unit: '' },
    },
    maxWastewater: { value: 40, unit: 'm³/t raw material' },
  },
];

export function standardSet(id: string): StandardSet | undefined {
  return STANDARD_SETS.find((set) => set.id === id);
}
