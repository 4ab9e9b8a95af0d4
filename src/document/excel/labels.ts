/**
 * Every text the study workbook shows, in Indonesian and English: sheet names, column
 * headers, the fields of the study sheet and the words of enumerations. The importer accepts
 * either language (and, for enumerations, the study file's own codes), so a workbook
 * exported in one language and edited in the other still reads back.
 */

export type WorkbookLanguage = 'id' | 'en';

export interface Label {
  readonly id: string;
  readonly en: string;
}

/** Sheet names in GP step order (at most 31 characters, none of `/ \ ? * [ ] :`). */
export const SHEET_LABELS = {
  study: { id: 'Studi', en: 'Study' },
  team: { id: 'Tim', en: 'Team' },
  walkThrough: { id: 'Penelusuran', en: 'Walk-through' },
  massBalance: { id: 'Neraca massa', en: 'Mass balance' },
  productivity: { id: 'Produktivitas', en: 'Productivity' },
  yearInputs: { id: 'Masukan setahun', en: 'Year inputs' },
  effluent: { id: 'Parameter limbah', en: 'Effluent' },
  anchors: { id: 'Jangkar level', en: 'Level anchors' },
  ahp: { id: 'AHP', en: 'AHP' },
  likert: { id: 'Likert', en: 'Likert' },
  survey: { id: 'Survei', en: 'Survey' },
  problems: { id: 'Masalah & penyebab', en: 'Problems & causes' },
  goals: { id: 'Tujuan & target', en: 'Goals & targets' },
  options: { id: 'Opsi', en: 'Options' },
  costs: { id: 'Biaya opsi', en: 'Option costs' },
  effects: { id: 'Efek opsi', en: 'Option effects' },
  sieve: { id: 'Kriteria saringan', en: 'Sieve criteria' },
  sieveValues: { id: 'Nilai saringan', en: 'Sieve values' },
  weightedSum: { id: 'Kriteria bobot', en: 'Weighted-sum criteria' },
  scores: { id: 'Skor opsi', en: 'Option scores' },
  implementation: { id: 'Rencana implementasi', en: 'Implementation plan' },
  published: { id: 'Nilai terbit', en: 'Published values' },
  uncertainty: { id: 'Ketidakpastian', en: 'Uncertainty' },
  results: { id: 'Hasil', en: 'Results' },
} as const satisfies Record<string, Label>;

export type SheetKey = keyof typeof SHEET_LABELS;

/** The hidden sheet with the workbook format version and what reading it back needs. */
export const META_SHEET = '_lestari';

/** Column headers per sheet. */
export const COLUMN_LABELS = {
  study: {
    field: { id: 'Isian', en: 'Field' },
    value: { id: 'Nilai', en: 'Value' },
    path: { id: 'Jalur di berkas studi', en: 'Path in the study file' },
  },
  team: {
    name: { id: 'Nama', en: 'Name' },
    role: { id: 'Peran', en: 'Role' },
  },
  walkThrough: {
    area: { id: 'Area', en: 'Area' },
    observation: { id: 'Temuan', en: 'Observation' },
  },
  massBalance: {
    process: { id: 'Proses', en: 'Process' },
    kind: { id: 'Jenis aliran', en: 'Stream kind' },
    name: { id: 'Aliran', en: 'Stream' },
    quantity: { id: 'Jumlah', en: 'Quantity' },
    unit: { id: 'Satuan', en: 'Unit' },
    density: { id: 'Densitas (kg/m³)', en: 'Density (kg/m³)' },
  },
  productivity: {
    label: { id: 'Periode', en: 'Period' },
    ratio: { id: 'Rasio keluaran/masukan', en: 'Output/input ratio' },
  },
  yearInputs: {
    category: { id: 'Kategori masukan', en: 'Input category' },
    amount: { id: 'Jumlah setahun', en: 'Amount for the year' },
  },
  effluent: {
    id: { id: 'Id', en: 'Id' },
    name: { id: 'Parameter', en: 'Parameter' },
    unit: { id: 'Satuan', en: 'Unit' },
    measured: { id: 'Hasil uji', en: 'Measured' },
    limitKind: { id: 'Jenis baku mutu', en: 'Limit kind' },
    limitValue: { id: 'Baku mutu', en: 'Limit' },
    limitUnit: { id: 'Satuan baku mutu', en: 'Limit unit' },
    citation: { id: 'Sumber baku mutu', en: 'Limit source' },
    weight: { id: 'Bobot', en: 'Weight' },
    level: { id: 'Level', en: 'Level' },
    ideal: { id: 'Nilai ideal', en: 'Ideal value' },
    loadPerDay: { id: 'Beban maksimum (kg/hari)', en: 'Load limit (kg/day)' },
    loadPerHour: { id: 'Beban maksimum (kg/jam)', en: 'Load limit (kg/h)' },
    loadCitation: { id: 'Sumber beban maksimum', en: 'Load limit source' },
  },
  anchors: {
    parameter: { id: 'Id parameter', en: 'Parameter id' },
    level: { id: 'Level', en: 'Level' },
    value: { id: 'Nilai', en: 'Value' },
  },
  ahp: {
    id: { id: 'Id', en: 'Id' },
    method: { id: 'Metode', en: 'Method' },
    respondent: { id: 'Responden ke-', en: 'Respondent no.' },
    respondentName: { id: 'Nama responden', en: 'Respondent name' },
    item: { id: 'Butir', en: 'Item' },
  },
  likert: {
    id: { id: 'Id', en: 'Id' },
    scaleMin: { id: 'Skala min', en: 'Scale min' },
    scaleMax: { id: 'Skala maks', en: 'Scale max' },
    alpha: { id: 'Alfa', en: 'Alpha' },
    respondent: { id: 'Responden ke-', en: 'Respondent no.' },
  },
  survey: {
    name: { id: 'Dimensi', en: 'Dimension' },
    scaleMin: { id: 'Skala min', en: 'Scale min' },
    scaleMax: { id: 'Skala maks', en: 'Scale max' },
    respondent: { id: 'Responden ke-', en: 'Respondent no.' },
  },
  problems: {
    id: { id: 'Id', en: 'Id' },
    title: { id: 'Masalah', en: 'Problem' },
    category: { id: 'Kategori penyebab', en: 'Cause category' },
    cause: { id: 'Penyebab', en: 'Cause' },
  },
  goals: {
    problem: { id: 'Id masalah', en: 'Problem id' },
    goal: { id: 'Tujuan', en: 'Goal' },
    target: { id: 'Target', en: 'Target' },
  },
  options: {
    id: { id: 'Id', en: 'Id' },
    name: { id: 'Opsi', en: 'Option' },
    problem: { id: 'Id masalah', en: 'Problem id' },
    life: { id: 'Umur pakai (tahun)', en: 'Life (years)' },
    interestRate: { id: 'Suku bunga', en: 'Interest rate' },
    salvage: { id: 'Nilai sisa', en: 'Salvage value' },
    wasteBefore: { id: 'Limbah sebelum', en: 'Waste before' },
    wasteAfter: { id: 'Limbah sesudah', en: 'Waste after' },
    wasteUnit: { id: 'Satuan limbah', en: 'Waste unit' },
    description: { id: 'Uraian', en: 'Description' },
  },
  costs: {
    option: { id: 'Id opsi', en: 'Option id' },
    kind: { id: 'Jenis', en: 'Kind' },
    item: { id: 'Uraian', en: 'Item' },
    amount: { id: 'Jumlah (per unit)', en: 'Amount (per unit)' },
    quantity: { id: 'Banyaknya', en: 'Quantity' },
  },
  effects: {
    option: { id: 'Id opsi', en: 'Option id' },
    kind: { id: 'Jenis efek', en: 'Effect kind' },
    key: { id: 'Parameter / kategori', en: 'Parameter / category' },
    value: { id: 'Nilai', en: 'Value' },
  },
  sieve: {
    group: { id: 'Penyaringan ke-', en: 'Screening no.' },
    problem: { id: 'Id masalah', en: 'Problem id' },
    options: { id: 'Opsi yang disaring', en: 'Options screened' },
    id: { id: 'Id kriteria', en: 'Criterion id' },
    name: { id: 'Kriteria', en: 'Criterion' },
    kind: { id: 'Jenis', en: 'Kind' },
    cutoff: { id: 'Batas', en: 'Cutoff' },
  },
  sieveValues: {
    option: { id: 'Id opsi', en: 'Option id' },
  },
  weightedSum: {
    group: { id: 'Penilaian ke-', en: 'Ranking no.' },
    problem: { id: 'Id masalah', en: 'Problem id' },
    options: { id: 'Opsi yang dinilai', en: 'Options ranked' },
    id: { id: 'Id kriteria', en: 'Criterion id' },
    name: { id: 'Kriteria', en: 'Criterion' },
    weight: { id: 'Bobot', en: 'Weight' },
  },
  scores: {
    option: { id: 'Id opsi', en: 'Option id' },
  },
  implementation: {
    goal: { id: 'Tujuan', en: 'Goal' },
    target: { id: 'Target', en: 'Target' },
    action: { id: 'Tindakan', en: 'Action' },
    responsible: { id: 'Penanggung jawab', en: 'Responsible' },
    executor: { id: 'Pelaksana', en: 'Executor' },
    option: { id: 'Id opsi', en: 'Option id' },
    schedule: { id: 'Jadwal', en: 'Schedule' },
  },
  published: {
    result: { id: 'Hasil (jalur)', en: 'Result (path)' },
    value: { id: 'Nilai tercetak', en: 'Printed value' },
    where: { id: 'Letak', en: 'Where' },
    note: { id: 'Catatan', en: 'Note' },
  },
  uncertainty: {
    path: { id: 'Jalur masukan', en: 'Input path' },
    distribution: { id: 'Distribusi', en: 'Distribution' },
    low: { id: 'Batas bawah', en: 'Low' },
    mode: { id: 'Modus', en: 'Mode' },
    high: { id: 'Batas atas', en: 'High' },
    mean: { id: 'Rata-rata', en: 'Mean' },
    sd: { id: 'Simpangan baku', en: 'Standard deviation' },
    value: {
      id: 'Nilai pusat ± (kosong: nilai masukan)',
      en: 'Centre of ± (blank: the input’s value)',
    },
    fraction: { id: 'Sebaran ± (%)', en: 'Spread ± (%)' },
  },
  results: {
    path: { id: 'Hasil (jalur)', en: 'Result (path)' },
    value: { id: 'Nilai', en: 'Value' },
  },
} as const satisfies { readonly [S in SheetKey]: Record<string, Label> };

/** Rows of the study sheet: one field each, by its path in the study file. */
export const STUDY_FIELD_LABELS = {
  language: { id: 'Bahasa studi (id/en)', en: 'Study language (id/en)' },
  numberFormat: {
    id: 'Format angka teks (id: 1.234,5; en: 1,234.5)',
    en: 'Number format of text (id: 1.234,5; en: 1,234.5)',
  },
  'study.title': { id: 'Judul studi', en: 'Study title' },
  'study.organisation.name': { id: 'Nama organisasi', en: 'Organisation' },
  'study.organisation.sector': { id: 'Sektor', en: 'Sector' },
  'study.organisation.location': { id: 'Lokasi', en: 'Location' },
  'study.organisation.products': { id: 'Produk', en: 'Products' },
  'study.organisation.employees': { id: 'Jumlah karyawan', en: 'Employees' },
  'study.period': { id: 'Periode studi', en: 'Study period' },
  'study.source.citation': { id: 'Sumber (sitasi)', en: 'Source (citation)' },
  'study.source.url': { id: 'Sumber (URL)', en: 'Source (URL)' },
  'massBalance.unit': { id: 'Satuan neraca massa', en: 'Mass balance unit' },
  'productivity.basis': { id: 'Dasar produktivitas', en: 'Productivity basis' },
  'productivity.unit': { id: 'Satuan produktivitas', en: 'Productivity unit' },
  'effluent.standard': { id: 'Set baku mutu (id)', en: 'Standard set (id)' },
  'epi.method': { id: 'Metode EPI', en: 'EPI method' },
  'epi.belowDetectionLimit': {
    id: 'Hasil di bawah batas deteksi',
    en: 'Results below detection limit',
  },
  'epi.bands.yellowFrom': { id: 'Kuning mulai level', en: 'Yellow from level' },
  'epi.bands.greenFrom': { id: 'Hijau mulai level', en: 'Green from level' },
  'epi.scoring': { id: 'Penilaian lampu lalu lintas', en: 'Traffic-light scoring' },
  'epi.weightsFrom': { id: 'Bobot EPI dari AHP (id)', en: 'EPI weights from AHP (id)' },
  decisionRule: { id: 'Aturan keputusan ekonomi', en: 'Economic decision rule' },
  'uncertainty.iterations': { id: 'Iterasi Monte Carlo', en: 'Monte Carlo iterations' },
  'uncertainty.seed': { id: 'Benih acak (seed) Monte Carlo', en: 'Monte Carlo random seed' },
} as const satisfies Record<string, Label>;

export type StudyFieldPath = keyof typeof STUDY_FIELD_LABELS;

/** Words of each enumeration, by the study file's code. */
export const ENUM_LABELS = {
  language: { id: { id: 'id', en: 'id' }, en: { id: 'en', en: 'en' } },
  numberFormat: { id: { id: 'id', en: 'id' }, en: { id: 'en', en: 'en' } },
  basis: { value: { id: 'nilai', en: 'value' }, physical: { id: 'fisik', en: 'physical' } },
  streamKind: {
    inputs: { id: 'masukan', en: 'input' },
    products: { id: 'produk', en: 'product' },
    wastes: { id: 'limbah', en: 'waste' },
  },
  limitKind: {
    max: { id: 'maks', en: 'max' },
    min: { id: 'min', en: 'min' },
    range: { id: 'rentang', en: 'range' },
  },
  epiMethod: {
    deviation: { id: 'penyimpangan', en: 'deviation' },
    'traffic-light': { id: 'lampu lalu lintas', en: 'traffic light' },
  },
  belowDetectionLimit: {
    limit: { id: 'pakai batas', en: 'use the limit' },
    half: { id: 'setengah batas', en: 'half the limit' },
    zero: { id: 'nol', en: 'zero' },
  },
  scoring: {
    interpolated: { id: 'interpolasi', en: 'interpolated' },
    omax: { id: 'OMAX', en: 'OMAX' },
  },
  decisionRule: {
    bcr: { id: 'rasio B/C', en: 'B/C ratio' },
    npv: { id: 'NPV', en: 'NPV' },
    'annual-worth': { id: 'nilai tahunan', en: 'annual worth' },
    'incremental-irr': { id: 'IRR inkremental', en: 'incremental IRR' },
  },
  ahpMethod: {
    eigenvector: { id: 'eigenvektor', en: 'eigenvector' },
    'geometric-mean': { id: 'rata-rata geometrik', en: 'geometric mean' },
  },
  causeCategory: {
    man: { id: 'manusia', en: 'man' },
    machine: { id: 'mesin', en: 'machine' },
    method: { id: 'metode', en: 'method' },
    material: { id: 'material', en: 'material' },
    environment: { id: 'lingkungan', en: 'environment' },
    measurement: { id: 'pengukuran', en: 'measurement' },
    other: { id: 'lainnya', en: 'other' },
  },
  costKind: {
    investment: { id: 'investasi', en: 'investment' },
    annualCosts: { id: 'biaya tahunan', en: 'annual cost' },
    annualBenefits: { id: 'manfaat tahunan', en: 'annual benefit' },
  },
  effectKind: {
    removal: { id: 'efisiensi penyisihan', en: 'removal' },
    inputChanges: { id: 'perubahan masukan', en: 'input change' },
    outputChanges: { id: 'perubahan keluaran', en: 'output change' },
  },
  sieveKind: {
    max: { id: 'maks', en: 'max' },
    min: { id: 'min', en: 'min' },
    required: { id: 'wajib', en: 'required' },
  },
  distribution: {
    uniform: { id: 'seragam', en: 'uniform' },
    triangular: { id: 'segitiga', en: 'triangular' },
    normal: { id: 'normal', en: 'normal' },
    plusMinus: { id: 'plus-minus', en: 'plus-minus' },
  },
} as const satisfies Record<string, Record<string, Label>>;

export type EnumKey = keyof typeof ENUM_LABELS;

/** Other words: yes/no, the Likert items row, the prefixes of productivity columns. */
export const WORD_LABELS = {
  yes: { id: 'ya', en: 'yes' },
  no: { id: 'tidak', en: 'no' },
  items: { id: 'butir', en: 'items' },
  outputPrefix: { id: 'Keluaran', en: 'Output' },
  inputPrefix: { id: 'Masukan', en: 'Input' },
} as const satisfies Record<string, Label>;

/** Both languages' texts of a label, normalised for matching what a person typed. */
export function labelMatches(label: Label, text: string): boolean {
  const t = normaliseLabel(text);
  return normaliseLabel(label.id) === t || normaliseLabel(label.en) === t;
}

export function normaliseLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
