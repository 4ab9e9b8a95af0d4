import type { Strings } from '../../i18n/index.js';

export const strings: Strings = {
  en: {
    title: 'Estimates after options',
    intro:
      'What each option is expected to change: effluent concentrations after its removal efficiencies (and the EPI they give), the year’s inputs and outputs (and the productivity), and the quantity of waste. Estimates are recalculated as you type.',
    noOptions: 'There are no GP options yet. Add them in the “GP options” step first.',
    effects: 'Expected effects of each option',
    removal: 'Removal efficiency per effluent parameter',
    removalHint:
      'A percentage or a range (80–90 %) for the parameters an option treats; leave the others empty. A range is kept for the uncertainty analysis; the estimate uses its lower end.',
    noParameters:
      'No effluent parameters yet (step “Effluent and EPI”): removal efficiencies need them.',
    inputChanges: 'Change in the year’s inputs',
    outputChanges: 'Change in the year’s outputs',
    changesHint:
      'A change (+ more, − less) in the unit of the productivity data{{unit}}. Leave empty for no change.',
    noProductivity:
      'Productivity changes need the year’s inputs and outputs by category (step “Productivity”).',
    waste: 'Quantity of waste',
    wasteHint: 'Waste per period before and after the option, in one unit.',
    wasteBefore: 'Before',
    wasteAfter: 'After',
    wasteUnit: 'Unit',
    option: 'Option',
    results: 'Estimated results',
    noResults:
      'No estimate yet: give an option removal efficiencies, changes to inputs or outputs, or its waste before and after.',
    epiSection: 'EPI before and after',
    productivitySection: 'Productivity before and after',
    wasteSection: 'Waste reduction',
    details: 'Parameter by parameter: {{name}}',
    productivityDetails: 'Inputs and outputs: {{name}}',
    concentrationBefore: 'Before',
    concentrationAfter: 'After',
    direction: 'Direction',
    'direction.reduced': 'reduced',
    'direction.unchanged': 'unchanged',
    'direction.increased': 'increased',
  },
  id: {
    title: 'Estimasi setelah opsi',
    intro:
      'Perkiraan perubahan dari tiap alternatif: konsentrasi limbah cair setelah efisiensi penyisihannya (dan EPI yang dihasilkan), input dan output tahunan (dan produktivitasnya), serta jumlah limbah. Estimasi dihitung ulang saat Anda mengetik.',
    noOptions: 'Belum ada alternatif GP. Tambahkan dulu di langkah “Opsi GP”.',
    effects: 'Perkiraan dampak tiap alternatif',
    removal: 'Efisiensi penyisihan per parameter limbah cair',
    removalHint:
      'Persentase atau rentang (80–90 %) untuk parameter yang diolah alternatif; kosongkan yang lain. Rentang disimpan untuk analisis ketidakpastian; estimasi memakai ujung bawahnya.',
    noParameters:
      'Belum ada parameter limbah cair (langkah “Limbah cair dan EPI”): efisiensi penyisihan memerlukannya.',
    inputChanges: 'Perubahan input tahunan',
    outputChanges: 'Perubahan output tahunan',
    changesHint:
      'Perubahan (+ bertambah, − berkurang) dalam satuan data produktivitas{{unit}}. Kosongkan bila tidak berubah.',
    noProductivity:
      'Perubahan produktivitas memerlukan input dan output tahunan per kategori (langkah “Produktivitas”).',
    waste: 'Jumlah limbah',
    wasteHint: 'Limbah per periode sebelum dan sesudah alternatif, dalam satu satuan.',
    wasteBefore: 'Sebelum',
    wasteAfter: 'Sesudah',
    wasteUnit: 'Satuan',
    option: 'Alternatif',
    results: 'Hasil estimasi',
    noResults:
      'Belum ada estimasi: isi efisiensi penyisihan, perubahan input atau output, atau jumlah limbah sebelum dan sesudah untuk suatu alternatif.',
    epiSection: 'EPI sebelum dan sesudah',
    productivitySection: 'Produktivitas sebelum dan sesudah',
    wasteSection: 'Pengurangan limbah',
    details: 'Per parameter: {{name}}',
    productivityDetails: 'Input dan output: {{name}}',
    concentrationBefore: 'Sebelum',
    concentrationAfter: 'Sesudah',
    direction: 'Arah',
    'direction.reduced': 'berkurang',
    'direction.unchanged': 'tetap',
    'direction.increased': 'bertambah',
  },
};
