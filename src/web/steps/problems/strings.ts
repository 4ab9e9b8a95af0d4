import type { Strings } from '../../i18n/index.js';

export const strings: Strings = {
  en: {
    title: 'Problems, causes, goals',
    intro:
      'The problems the walk-through and the measurements found, the causes of each (man, machine, method, material, environment, measurement) drawn as a fishbone diagram, and the goals and targets the GP options should reach.',
    problems: 'Problems',
    id: 'Id',
    problemTitle: 'Problem',
    causesOf: 'Causes: {{title}}',
    causes: 'Causes',
    category: 'Category',
    cause: 'Cause',
    noProblems: 'No problems yet. Add a problem above, then its causes.',
    noCauses: 'No causes yet: add them to draw the fishbone diagram.',
    goals: 'Goals and targets',
    problem: 'Problem',
    goal: 'Goal',
    target: 'Target',
    summary: 'Overview',
    problemCount: 'Problems',
    causeCount: 'Causes',
    goalCount: 'Goals',
    mainCategory: 'Most causes: {{category}} ({{count}})',
    sentence_one:
      '{{count}} problem with {{causes}} causes and {{goals}} goals. Each problem with causes has its fishbone diagram above, as in the report.',
    sentence_other:
      '{{count}} problems with {{causes}} causes and {{goals}} goals. Each problem with causes has its fishbone diagram above, as in the report.',
    withoutGoal: 'No goal addresses yet: {{list}}.',
    withoutCauses: 'No causes given yet: {{list}}.',
  },
  id: {
    title: 'Masalah, penyebab, tujuan',
    intro:
      'Masalah yang ditemukan saat walk-through dan pengukuran, penyebab tiap masalah (manusia, mesin, metode, material, lingkungan, pengukuran) yang digambar sebagai diagram fishbone, serta tujuan dan target yang hendak dicapai alternatif GP.',
    problems: 'Masalah',
    id: 'Id',
    problemTitle: 'Masalah',
    causesOf: 'Penyebab: {{title}}',
    causes: 'Penyebab',
    category: 'Kategori',
    cause: 'Penyebab',
    noProblems: 'Belum ada masalah. Tambahkan masalah di atas, lalu penyebabnya.',
    noCauses: 'Belum ada penyebab: isi penyebabnya untuk menggambar diagram fishbone.',
    goals: 'Tujuan dan target',
    problem: 'Masalah',
    goal: 'Tujuan',
    target: 'Target',
    summary: 'Ringkasan',
    problemCount: 'Masalah',
    causeCount: 'Penyebab',
    goalCount: 'Tujuan',
    mainCategory: 'Penyebab terbanyak: {{category}} ({{count}})',
    sentence_one:
      '{{count}} masalah dengan {{causes}} penyebab dan {{goals}} tujuan. Setiap masalah yang sudah ada penyebabnya digambar sebagai diagram fishbone di atas, seperti di laporan.',
    sentence_other:
      '{{count}} masalah dengan {{causes}} penyebab dan {{goals}} tujuan. Setiap masalah yang sudah ada penyebabnya digambar sebagai diagram fishbone di atas, seperti di laporan.',
    withoutGoal: 'Belum ada tujuan untuk: {{list}}.',
    withoutCauses: 'Belum ada penyebab untuk: {{list}}.',
  },
};
