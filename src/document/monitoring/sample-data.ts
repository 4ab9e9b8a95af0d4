/**
 * "Try with sample data": a month of SPARING-style readings every 2 minutes for the study's
 * effluent parameters and a flow, made in the browser, so the step can be shown without a
 * file. Deterministic (seeded), written the way the UI language writes numbers (id: `;` and
 * `7,12`; en: `,` and `7.12`), in WIB local time, with a few planted events to find: two
 * exceedance episodes, a day whose mean is over the limit, a logger outage and a blank cell.
 */
import type { EffluentParameter } from '../../engine/study/study-input.js';

export interface SampleOptions {
  readonly language: 'id' | 'en';
  /** First local day (WIB). */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Days of readings; default 30. */
  readonly days?: number;
  readonly seed?: number;
}

export const SAMPLE_STEP_MINUTES = 2;
const PER_DAY = (24 * 60) / SAMPLE_STEP_MINUTES;

/** Planted events, by day (0-based) and reading of the day. */
export const SAMPLE_EVENTS = {
  /** Two hours well over the limit (the first limited parameter). */
  episode: { day: 5, from: 300, readings: 60 },
  /** Forty minutes over the limit (the second limited parameter, else the first). */
  short: { day: 14, from: 420, readings: 20 },
  /** A whole day with its mean over the limit (the first limited parameter). */
  badDay: { day: 21 },
  /** The logger offline for three hours: no rows. */
  outage: { day: 9, from: 360, readings: 90 },
  /** One blank cell (the last parameter before the flow). */
  blank: { day: 2, reading: 100 },
  /** From this day on, concentrations are 15 % lower: an option at work, for before/after. */
  improvement: { day: 15, factor: 0.85 },
} as const;

/** Parameters a continuous logger measures in water: not those of sludge or solids (mg/kg). */
export function sampleParameters(parameters: readonly EffluentParameter[]): EffluentParameter[] {
  return parameters.filter((p) => !/\/\s*kg/i.test(p.unit ?? p.limit?.unit ?? ''));
}

/** A small seeded PRNG (mulberry32): the same sample every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  /** The usual value. */
  readonly base: number;
  /** Noise and daily swing, as a share of base. */
  readonly spread: number;
  /** A value beyond the limit, for the planted exceedances; undefined without a limit. */
  readonly over: number | undefined;
  readonly decimals: number;
  /** Falls after the improvement day (concentrations; not pH). */
  readonly improves: boolean;
}

function measuredNumber(p: EffluentParameter): number {
  return typeof p.measured === 'number' ? p.measured : p.measured.value;
}

/** Where a parameter usually lies: comfortably inside its limit. */
export function sampleShape(p: EffluentParameter): Shape {
  const l = p.limit;
  // pH: near neutral whatever side the limit is written on (cv-abc gives only ≤ 9).
  if (/^ph$/i.test(p.id) || /^ph$/i.test(p.name)) {
    const top = typeof l?.range === 'object' ? l.range.high : l?.max;
    return {
      base: 7.2,
      spread: 0.04,
      over: top === undefined ? undefined : top + 0.4,
      decimals: 2,
      improves: false,
    };
  }
  const range = l?.range;
  const low = typeof range === 'object' ? range.low : l?.min;
  const high =
    typeof range === 'object'
      ? range.high
      : (l?.max ?? (typeof range === 'number' ? range : undefined));
  if (low !== undefined && high !== undefined) {
    const mid = (low + high) / 2;
    return {
      base: mid,
      spread: ((high - low) / 2 / mid) * 0.3,
      over: high + (high - low) * 0.15,
      decimals: 2,
      improves: false,
    };
  }
  if (high !== undefined) {
    return {
      base: high * 0.55,
      spread: 0.18,
      over: high * 1.35,
      decimals: high >= 20 ? 1 : 2,
      improves: true,
    };
  }
  if (low !== undefined) {
    return { base: low * 1.6, spread: 0.12, over: low * 0.7, decimals: 2, improves: false };
  }
  const m = measuredNumber(p);
  const base = m > 0 ? m : 1;
  return { base, spread: 0.15, over: undefined, decimals: base >= 20 ? 1 : 3, improves: true };
}

/** The column name the sample writes: the name, or the id when the name has brackets. */
export function sampleColumnName(p: EffluentParameter): string {
  const name = /[()[\]]/.test(p.name) ? p.id : p.name;
  const unit = p.unit ?? p.limit?.unit;
  return unit === undefined || unit === '' ? name : `${name} (${unit})`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The sample file's text. */
export function sampleMonitoringCsv(
  parameters: readonly EffluentParameter[],
  options: SampleOptions,
): string {
  const days = options.days ?? 30;
  const next = random(options.seed ?? 1);
  const delimiter = options.language === 'id' ? ';' : ',';
  const decimalComma = options.language === 'id';
  const columns = sampleParameters(parameters);
  const shapes = columns.map(sampleShape);
  const limited = shapes.flatMap((s, i) => (s.over === undefined ? [] : [i]));
  const first = limited[0];
  const second = limited[1] ?? first;
  const blankColumn = columns.length - 1;
  const quote = (cell: string) =>
    cell.includes(delimiter) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell;
  const number = (x: number, decimals: number) => {
    const text = x.toFixed(decimals);
    return decimalComma ? text.replace('.', ',') : text;
  };

  const lines = [
    ['Waktu (WIB)', ...columns.map(sampleColumnName), 'Debit (m3/h)'].map(quote).join(delimiter),
  ];
  const startDay = Date.UTC(options.year, options.month - 1, 1);
  const e = SAMPLE_EVENTS;
  for (let day = 0; day < days; day++) {
    const date = new Date(startDay + day * 86_400_000);
    const dateText = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    for (let k = 0; k < PER_DAY; k++) {
      if (day === e.outage.day && k >= e.outage.from && k < e.outage.from + e.outage.readings) {
        continue;
      }
      const minutes = k * SAMPLE_STEP_MINUTES;
      // Production by day: higher loads in the working hours, lowest at night.
      const cycle = Math.sin(((minutes / 60 - 8) / 24) * 2 * Math.PI);
      const cells = shapes.map((s, i) => {
        if (day === e.blank.day && k === e.blank.reading && i === blankColumn) return '';
        const better = s.improves && day >= e.improvement.day ? e.improvement.factor : 1;
        let v = better * s.base * (1 + s.spread * (0.6 * cycle + (next() - 0.5) * 1.2));
        const over = s.over;
        if (over !== undefined) {
          const inEpisode =
            (i === first &&
              day === e.episode.day &&
              k >= e.episode.from &&
              k < e.episode.from + e.episode.readings) ||
            (i === second &&
              day === e.short.day &&
              k >= e.short.from &&
              k < e.short.from + e.short.readings);
          if (inEpisode) v = over * (1 + (next() - 0.5) * 0.05);
          else if (i === first && day === e.badDay.day)
            v = s.base + (over - s.base) * (0.75 + next() * 0.4);
        }
        return number(Math.max(v, 0), s.decimals);
      });
      const flow = 80 * (1 + 0.25 * cycle + (next() - 0.5) * 0.1);
      lines.push(
        [
          `${dateText} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
          ...cells,
          number(flow, 1),
        ].join(delimiter),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
