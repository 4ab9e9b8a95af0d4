import type { Strings } from '../../i18n/index.js';

export const strings: Strings = {
  en: {
    title: 'GP options',
    intro:
      'The GP options (alternatives) for each problem, with what each costs and saves and what it changes: removal of effluent parameters, productivity inputs and outputs, waste. NPV, annual worth, B/C ratio and payback are recalculated as you type.',
    list: 'Options',
    id: 'Id',
    name: 'Option',
    problem: 'Problem',
    description: 'Description',
    summary: 'Economics of each option',
    noOptions: 'No options yet. Add an option above, then its costs and benefits below.',
    open: 'Details',
    openOption: 'Show the details of {{name}}',
    feasibleCount:
      '{{feasible}} of {{count}} options with economics are feasible: B/C ratio ≥ 1, the benefits cover the costs at the option’s interest rate (MARR).',
    noEconomicsYet:
      'No option has costs and benefits yet: choose an option below and add them to see its NPV, annual worth, B/C ratio and payback.',
    withoutEconomics_one: '{{count}} option has no costs and benefits yet.',
    withoutEconomics_other: '{{count}} options have no costs and benefits yet.',
    detail: 'Option details',
    selectOption: 'Option shown',
    addOption: 'Add an option',
    untitled: '(no name)',
    economics: 'Engineering economics: {{name}}',
    noEconomics: 'This option has no costs and benefits yet.',
    addEconomics: 'Add costs and benefits',
    removeEconomics: 'Remove costs and benefits',
    years: 'years',
    total: 'Total',
    resultsLive: 'Results (live)',
    irr: 'IRR {{irr}}',
    discountedPayback: 'discounted {{years}}',
    capitalRecovery: 'equivalent annual cost {{cost}}',
    economicsError: 'Correct the marked fields to see NPV, annual worth, B/C ratio and payback.',
    feasible:
      'B/C ratio {{bcr}} ≥ 1: at {{rate}} over {{life}} years the benefits exceed the costs (NPV {{npv}}); the investment is back after {{payback}}.',
    notFeasible:
      'B/C ratio {{bcr}} < 1: at {{rate}} over {{life}} years the benefits do not cover the costs (NPV {{npv}}).',
    effects: 'Effects: {{name}}',
    removalTitle: 'Removal of effluent parameters',
    removalValue: 'Removal efficiency (%)',
    removalHint:
      'A number or a range (“80–90 %”). A range is kept for the uncertainty analysis; the estimate uses its lower end.',
    noParameters: 'The study has no effluent parameters yet (step Effluent and EPI).',
    afterStatus: 'After: status',
    inputChangesTitle: 'Changes to productivity inputs',
    outputChangesTitle: 'Changes to outputs',
    changeValue: 'Change (+/−)',
    changeHint: 'Added to the year’s amount: negative for a saving.',
    outputChangeHint: 'Added to the year’s output: negative for a loss of output.',
    noProductivity:
      'Productivity changes need the year’s inputs and outputs by category (step Productivity); this study has none.',
    wasteTitle: 'Waste quantity',
    wasteHint: 'Leave all three empty when the option does not change a waste quantity.',
    wasteUnit: 'Unit',
    pasteNoRow: '“{{name}}” is not a row of this table',
    noEffects:
      'No effects given yet: type removal efficiencies, productivity changes or waste quantities below.',
  },
  id: {
    title: 'Opsi GP',
    intro:
      'Alternatif GP untuk tiap masalah, beserta biaya dan penghematannya serta perubahan yang ditimbulkannya: penyisihan parameter limbah cair, input dan output produktivitas, jumlah limbah. NPV, annual worth, BCR dan payback period dihitung ulang saat Anda mengetik.',
    list: 'Daftar alternatif',
    id: 'Id',
    name: 'Alternatif',
    problem: 'Masalah',
    description: 'Uraian',
    summary: 'Analisis finansial tiap alternatif',
    noOptions:
      'Belum ada alternatif. Tambahkan alternatif di atas, lalu biaya dan manfaatnya di bawah.',
    open: 'Rincian',
    openOption: 'Tampilkan rincian {{name}}',
    feasibleCount:
      '{{feasible}} dari {{count}} alternatif yang memiliki data biaya layak secara finansial: BCR ≥ 1, manfaatnya menutup biaya pada tingkat bunga (MARR) alternatif tersebut.',
    noEconomicsYet:
      'Belum ada alternatif dengan data biaya dan manfaat: pilih alternatif di bawah dan tambahkan datanya untuk melihat NPV, annual worth, BCR dan payback period.',
    withoutEconomics_one: '{{count}} alternatif belum memiliki data biaya dan manfaat.',
    withoutEconomics_other: '{{count}} alternatif belum memiliki data biaya dan manfaat.',
    detail: 'Rincian alternatif',
    selectOption: 'Alternatif yang ditampilkan',
    addOption: 'Tambah alternatif',
    untitled: '(tanpa nama)',
    economics: 'Analisis finansial: {{name}}',
    noEconomics: 'Alternatif ini belum memiliki data biaya dan manfaat.',
    addEconomics: 'Tambah biaya dan manfaat',
    removeEconomics: 'Hapus biaya dan manfaat',
    years: 'tahun',
    total: 'Total',
    resultsLive: 'Hasil (langsung)',
    irr: 'IRR {{irr}}',
    discountedPayback: 'terdiskonto {{years}}',
    capitalRecovery: 'biaya ekuivalen per tahun {{cost}}',
    economicsError:
      'Perbaiki isian yang ditandai untuk melihat NPV, annual worth, BCR dan payback period.',
    feasible:
      'BCR {{bcr}} ≥ 1: dengan bunga {{rate}} selama {{life}} tahun, manfaat melebihi biaya (NPV {{npv}}); investasi kembali setelah {{payback}}.',
    notFeasible:
      'BCR {{bcr}} < 1: dengan bunga {{rate}} selama {{life}} tahun, manfaat belum menutup biaya (NPV {{npv}}).',
    effects: 'Dampak: {{name}}',
    removalTitle: 'Penyisihan parameter limbah cair',
    removalValue: 'Efisiensi penyisihan (%)',
    removalHint:
      'Satu angka atau rentang (“80–90 %”). Rentang disimpan untuk analisis ketidakpastian; estimasi memakai batas bawahnya.',
    noParameters: 'Studi ini belum memiliki parameter limbah cair (langkah Limbah cair dan EPI).',
    afterStatus: 'Keterangan sesudah',
    inputChangesTitle: 'Perubahan input produktivitas',
    outputChangesTitle: 'Perubahan output',
    changeValue: 'Perubahan (+/−)',
    changeHint: 'Ditambahkan pada jumlah setahun: negatif untuk penghematan.',
    outputChangeHint: 'Ditambahkan pada output setahun: negatif bila output berkurang.',
    noProductivity:
      'Perubahan produktivitas memerlukan input dan output setahun per kategori (langkah Produktivitas); studi ini belum memilikinya.',
    wasteTitle: 'Jumlah limbah',
    wasteHint: 'Kosongkan ketiganya bila alternatif tidak mengubah jumlah limbah.',
    wasteUnit: 'Satuan',
    pasteNoRow: '“{{name}}” tidak ada di tabel ini',
    noEffects:
      'Belum ada dampak: isi efisiensi penyisihan, perubahan produktivitas atau jumlah limbah di bawah.',
  },
};
