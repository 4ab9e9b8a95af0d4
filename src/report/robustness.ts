/**
 * How robust a Monte Carlo's choice is, in one sentence (id and en), and the labels of its
 * outputs and decision rules, shared by `lestari uncertainty` and the report.
 */
import type {
  MonteCarloOutput,
  MonteCarloStudyResult,
  RuleProbability,
} from '../engine/uncertainty/index.js';
import { formatPercent, type ReportLanguage } from './format.js';

const T = {
  id: {
    robust: (option: string, rule: string, p: string, level: string) =>
      `Pilihan ${option} menurut ${rule} ${level}: opsi ini terpilih pada ${p} iterasi.`,
    levels: ['kokoh', 'cukup kokoh', 'tidak kokoh'],
    noChoice: 'Tidak ada aturan keputusan untuk dinilai kekokohannya.',
  },
  en: {
    robust: (option: string, rule: string, p: string, level: string) =>
      `The choice of ${option} by ${rule} is ${level}: it is chosen in ${p} of iterations.`,
    levels: ['robust', 'fairly robust', 'not robust'],
    noChoice: 'There is no decision rule whose robustness could be judged.',
  },
} as const;

export const OUTPUT_LABEL: Record<ReportLanguage, Record<MonteCarloOutput, string>> = {
  id: {
    npv: 'NPV',
    annualWorth: 'Annual worth',
    bcr: 'BCR',
    payback: 'Payback (tahun)',
    epiAfter: 'EPI sesudah',
    productivityAfter: 'Produktivitas sesudah',
  },
  en: {
    npv: 'NPV',
    annualWorth: 'Annual worth',
    bcr: 'BCR',
    payback: 'Payback (years)',
    epiAfter: 'EPI after',
    productivityAfter: 'Productivity after',
  },
};

export const RULE_LABEL: Record<ReportLanguage, Record<string, string>> = {
  id: {
    bcr: 'BCR tertinggi',
    npv: 'NPV tertinggi',
    'annual-worth': 'AW tertinggi',
    epi: 'EPI terbaik',
  },
  en: { bcr: 'highest BCR', npv: 'highest NPV', 'annual-worth': 'highest AW', epi: 'best EPI' },
};

export function ruleLabel(rule: string, language: ReportLanguage): string {
  const k = /^weighted-sum\[(\d+)\]$/.exec(rule)?.[1];
  if (k !== undefined)
    return language === 'id' ? `weighted sum #${Number(k) + 1}` : `weighted sum #${Number(k) + 1}`;
  return RULE_LABEL[language][rule] ?? rule;
}

export const share = (p: number, language: ReportLanguage) => formatPercent(p * 100, language, 1);

/** The rule whose robustness the sentence states: the study's own, else the first available. */
export function headlineRule(result: MonteCarloStudyResult): RuleProbability | undefined {
  return result.rules.find((r) => r.studyRule) ?? result.rules[0];
}

/** One sentence: how often the deterministic choice stays the choice (≥ 90 % robust, ≥ 60 % fairly). */
export function robustnessSentence(
  result: MonteCarloStudyResult,
  language: ReportLanguage,
): string {
  const t = T[language];
  const rule = headlineRule(result);
  const chosen = rule?.deterministic ?? [];
  if (rule === undefined || chosen.length === 0) return t.noChoice;
  const p = rule.probabilities
    .filter((x) => chosen.includes(x.option))
    .reduce((sum, x) => sum + x.probability, 0);
  const level = t.levels[p >= 0.9 ? 0 : p >= 0.6 ? 1 : 2];
  return t.robust(chosen.join(', '), ruleLabel(rule.rule, language), share(p, language), level);
}
