import type { Strings } from '../../i18n/index.js';

export const strings: Strings = {
  en: {
    title: 'Sieve',
    intro:
      'The sieve method screens the GP options against cutoffs on critical criteria (cost, time, people …): an option that fails any cutoff is eliminated, with every reason listed. A value equal to a cutoff passes; a range is judged by its worst end. Pass or fail is recalculated as you type.',
    noOptions:
      'There are no GP options yet. Add them in the “GP options” step, then screen them here.',
    noSieve:
      'No sieve yet. Add a screening for a problem: its criteria with their cutoffs, then each option’s value per criterion.',
    add: 'Add a sieve',
    remove: 'Remove this sieve',
    problem: 'Problem',
    problemNone: 'No problem chosen: every option is screened.',
    screened: 'Options screened',
    everyOption: 'Every option of the problem',
    criteria: 'Criteria and cutoffs',
    id: 'Id',
    name: 'Criterion',
    kind: 'Eliminate when',
    'kind.max': 'above the cutoff (max)',
    'kind.min': 'below the cutoff (min)',
    'kind.required': 'no (required yes/no)',
    cutoff: 'Cutoff',
    newCriterion: 'Criterion {{n}}',
    matrix: 'Values per option',
    matrixHint:
      'Numbers or ranges (6–12) for max/min criteria, yes/no for required ones. Paste a block from Excel into the first cell.',
    noRows: 'This sieve covers no option: choose a problem or tick options.',
    option: 'Option',
    status: 'Result (live)',
    result: 'Result',
    keptCount: 'Kept',
    eliminatedCount: 'Eliminated',
    ofTotal: 'of {{total}} options',
    summaryKept: 'Kept for the weighted sum: {{list}}.',
    summaryNoneKept: 'Every option is eliminated: revisit the options or the cutoffs.',
    summaryEliminated: 'Eliminated: {{list}}.',
    incomplete:
      'The sieve is computed once every criterion has its cutoff and every option a value for each criterion (see the marked cells).',
  },
  id: {
    title: 'Metode saringan',
    intro:
      'Metode saringan (sieve method) menyaring alternatif GP dengan batas pada kriteria kritis (biaya, waktu, sumber daya manusia …): alternatif yang tidak memenuhi satu batas saja tereliminasi, dengan semua alasannya. Nilai yang sama dengan batas dinyatakan lolos; rentang dinilai dari ujung terburuknya. Hasil lolos/tereliminasi dihitung ulang saat Anda mengetik.',
    noOptions: 'Belum ada alternatif GP. Tambahkan di langkah “Opsi GP”, lalu saring di sini.',
    noSieve:
      'Belum ada penyaringan. Tambahkan penyaringan untuk satu masalah: kriteria beserta batasnya, lalu nilai tiap alternatif per kriteria.',
    add: 'Tambah penyaringan',
    remove: 'Hapus penyaringan ini',
    problem: 'Masalah',
    problemNone: 'Tidak ada masalah dipilih: semua alternatif disaring.',
    screened: 'Alternatif yang disaring',
    everyOption: 'Semua alternatif untuk masalah ini',
    criteria: 'Kriteria dan batas',
    id: 'Id',
    name: 'Kriteria',
    kind: 'Tereliminasi bila',
    'kind.max': 'melebihi batas (maks.)',
    'kind.min': 'di bawah batas (min.)',
    'kind.required': 'tidak (wajib ya/tidak)',
    cutoff: 'Batas',
    newCriterion: 'Kriteria {{n}}',
    matrix: 'Nilai tiap alternatif',
    matrixHint:
      'Angka atau rentang (6–12) untuk kriteria maks./min., ya/tidak untuk kriteria wajib. Tempel blok dari Excel di sel pertama.',
    noRows:
      'Penyaringan ini tidak mencakup alternatif apa pun: pilih masalah atau centang alternatif.',
    option: 'Alternatif',
    status: 'Hasil (langsung)',
    result: 'Hasil',
    keptCount: 'Lolos',
    eliminatedCount: 'Tereliminasi',
    ofTotal: 'dari {{total}} alternatif',
    summaryKept: 'Lolos ke weighted sum: {{list}}.',
    summaryNoneKept: 'Semua alternatif tereliminasi: tinjau ulang alternatif atau batasnya.',
    summaryEliminated: 'Tereliminasi: {{list}}.',
    incomplete:
      'Saringan dihitung setelah setiap kriteria punya batas dan setiap alternatif punya nilai untuk tiap kriteria (lihat sel yang ditandai).',
  },
};
