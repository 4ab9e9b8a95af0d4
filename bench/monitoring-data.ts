/**
 * A deterministic synthetic SPARING file (issue 5): online wastewater readings every 2
 * minutes, `timestamp,pH,COD (mg/L),TSS (mg/L),NH3-N (mg/L),flow (m3/h)`, one site from
 * 2015-01-01 WIB on (3 000 000 rows are about 11.4 site-years), with a daily production
 * cycle, a rainy-season dilution, noise, a few hour-long COD exceedances, outages (gaps) and
 * rare bad lines at known places. Same seed and rows, same bytes.
 *
 * Written in chunks (constant memory) by writeMonitoringCsv, or read as chunks from
 * monitoringCsvChunks. The plan lists every planted issue with the line and the rule the
 * reader (src/document/monitoring) must report, and the exceedances (values above a typical
 * limit, COD > 100 mg/L, which are not issues of the file).
 *
 * CLI: `tsx bench/monitoring-data.ts OUT.csv [--rows N] [--seed S] [--plan PLAN.json]`
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRandomSource, type RandomSource } from '../src/engine/uncertainty/random-source.js';
import type { MonitoringRule } from '../src/document/monitoring/index.js';

export const MONITORING_HEADER = 'timestamp,pH,COD (mg/L),TSS (mg/L),NH3-N (mg/L),flow (m3/h)';

/** Epoch ms of the first reading: 2015-01-01T00:00:00+07:00. */
const START_MS = Date.UTC(2015, 0, 1, 0, 0, 0) - 7 * 3600_000;
const STEP_MS = 2 * 60_000;
const OFFSET_MS = 7 * 3600_000;
const SLOTS_PER_DAY = 720;

export interface MonitoringDataOptions {
  /** Data lines (the header not counted). Default 3 000 000. */
  readonly rows?: number;
  /** Seed of the PRNG, 0 … 2³² − 1. Default 1. */
  readonly seed?: number;
  /** Characters per chunk (about; lines are never split). Default 256 KiB. */
  readonly chunkChars?: number;
}

export interface PlantedIssue {
  /** 1-based line of the file. */
  readonly line: number;
  readonly rule: MonitoringRule;
  /** 1-based column, for issues in one cell. */
  readonly column?: number;
}

export interface MonitoringDataPlan {
  readonly rows: number;
  readonly lines: number;
  readonly bytes: number;
  readonly seed: number;
  /** Every issue the file holds, in line order. */
  readonly issues: readonly PlantedIssue[];
  /** Hour-long COD exceedances (valid values above 100 mg/L), lines inclusive. */
  readonly exceedances: readonly { readonly firstLine: number; readonly lastLine: number }[];
  readonly firstTime: number;
  readonly lastTime: number;
}

type EventKind =
  | 'gap'
  | 'missing-value'
  | 'non-numeric'
  | 'impossible-value'
  | 'duplicate-timestamp'
  | 'out-of-order'
  | 'malformed-line'
  | 'invalid-timestamp'
  | 'exceedance';

/** How many of each event per row (at least one of each). */
const EVENT_RATES: readonly (readonly [EventKind, number])[] = [
  ['gap', 1 / 100_000],
  ['missing-value', 1 / 50_000],
  ['non-numeric', 1 / 200_000],
  ['impossible-value', 1 / 200_000],
  ['duplicate-timestamp', 1 / 300_000],
  ['out-of-order', 1 / 1_000_000],
  ['malformed-line', 1 / 500_000],
  ['invalid-timestamp', 1 / 1_000_000],
  ['exceedance', 1 / 100_000],
];

/** Rows an event may take (an exceedance lasts 30 readings), plus room around it. */
const SEGMENT_MIN = 80;
/** No events in the first rows, where the reader detects the interval. */
const LEAD_IN = 50;
const EXCEEDANCE_ROWS = 30;

/** The smallest row count that holds one event of each kind. */
export const MIN_MONITORING_ROWS = LEAD_IN + EVENT_RATES.length * SEGMENT_MIN;

/** The file as string chunks (ASCII: one character is one byte); returns the plan. */
export function* monitoringCsvChunks(
  options: MonitoringDataOptions = {},
): Generator<string, MonitoringDataPlan, void> {
  const rows = options.rows ?? 3_000_000;
  const seed = options.seed ?? 1;
  const chunkChars = options.chunkChars ?? 256 * 1024;
  if (!Number.isInteger(rows) || rows < MIN_MONITORING_ROWS) {
    throw new RangeError(`rows: must be a whole number ≥ ${MIN_MONITORING_ROWS}`);
  }
  const random = createRandomSource(seed);
  const events = planEvents(rows, random);
  const issues: PlantedIssue[] = [];
  const exceedances: { firstLine: number; lastLine: number }[] = [];

  let chunk = MONITORING_HEADER + '\n';
  let bytes = 0;
  let slot = 0;
  let exceedUntil = -1;
  let previous = '';
  let lastTime = START_MS;
  const model = new Model(random);
  const times = timeOfDayTable();
  let day = -1;
  let date = '';

  /** The line of one reading at a slot (time index), with its values. */
  const reading = (s: number, exceed: boolean): string => {
    const d = Math.floor(s / SLOTS_PER_DAY);
    if (d !== day) {
      day = d;
      date = new Date(START_MS + OFFSET_MS + d * 86400_000).toISOString().slice(0, 10);
    }
    const v = model.values(s, exceed);
    return `${date}T${times[s % SLOTS_PER_DAY]},${fixed(v[0] as number, 2)},${fixed(v[1] as number, 1)},${fixed(v[2] as number, 1)},${fixed(v[3] as number, 2)},${fixed(v[4] as number, 1)}`;
  };

  let next = 0;
  for (let j = 0; j < rows; j++) {
    const line = j + 2;
    const event = events[next];
    let text: string;
    if (event === undefined || event.row !== j) {
      text = reading(slot, slot <= exceedUntil);
      lastTime = START_MS + slot * STEP_MS;
      slot++;
    } else {
      next++;
      const r = random.nextUnit();
      const column = 2 + Math.floor(r * 5);
      switch (event.kind) {
        case 'gap': {
          slot += 4 + Math.floor(r * 177); // an outage of 10 minutes to 6 hours
          text = reading(slot, false);
          lastTime = START_MS + slot * STEP_MS;
          slot++;
          issues.push({ line, rule: 'gap', column: 1 });
          break;
        }
        case 'missing-value':
        case 'non-numeric':
        case 'impossible-value': {
          const fields = reading(slot, false).split(',');
          const parameter = event.kind === 'impossible-value' ? (r < 0.5 ? 2 : 6) : column;
          fields[parameter - 1] =
            event.kind === 'missing-value'
              ? ''
              : event.kind === 'non-numeric'
                ? r < 0.5
                  ? 'ERR'
                  : '#VALUE!'
                : parameter === 2
                  ? fixed(14.1 + r, 2) // pH above 14
                  : `-${fixed(1 + 10 * r, 1)}`; // negative flow
          text = fields.join(',');
          lastTime = START_MS + slot * STEP_MS;
          slot++;
          issues.push({ line, rule: event.kind, column: parameter });
          break;
        }
        case 'duplicate-timestamp':
          text = previous; // the logger sent the last reading again
          issues.push({ line, rule: 'duplicate-timestamp', column: 1 });
          break;
        case 'out-of-order': {
          // Two readings in swapped order: the second line is earlier than the first.
          text = `${reading(slot + 1, false)}\n${reading(slot, false)}`;
          lastTime = START_MS + (slot + 1) * STEP_MS;
          slot += 2;
          issues.push({ line: line + 1, rule: 'out-of-order', column: 1 });
          j++;
          break;
        }
        case 'malformed-line': {
          const full = reading(slot, false);
          text = full.slice(0, nthIndex(full, ',', 3)); // cut after three fields
          slot++;
          issues.push({ line, rule: 'malformed-line' });
          break;
        }
        case 'invalid-timestamp': {
          const full = reading(slot, false);
          text = `${full.slice(0, 4)}-04-31${full.slice(10)}`; // there is no 31 April
          slot++;
          issues.push({ line, rule: 'invalid-timestamp', column: 1 });
          break;
        }
        case 'exceedance':
          exceedUntil = slot + EXCEEDANCE_ROWS - 1;
          exceedances.push({ firstLine: line, lastLine: line + EXCEEDANCE_ROWS - 1 });
          text = reading(slot, true);
          lastTime = START_MS + slot * STEP_MS;
          slot++;
          break;
      }
    }
    previous = text.slice(text.lastIndexOf('\n') + 1);
    chunk += text + '\n';
    if (chunk.length >= chunkChars) {
      bytes += chunk.length;
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) {
    bytes += chunk.length;
    yield chunk;
  }
  return {
    rows,
    lines: rows + 1,
    bytes,
    seed,
    issues,
    exceedances,
    firstTime: START_MS,
    lastTime,
  };
}

/** Writes the file to a stream in chunks, waiting when the stream asks to; returns the plan. */
export async function writeMonitoringCsv(
  out: NodeJS.WritableStream,
  options: MonitoringDataOptions = {},
): Promise<MonitoringDataPlan> {
  const chunks = monitoringCsvChunks(options);
  for (;;) {
    const step = chunks.next();
    if (step.done === true) {
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(() => resolve());
      });
      return step.value;
    }
    if (!out.write(step.value)) await new Promise((resolve) => out.once('drain', resolve));
  }
}

/** One event per segment of the rows, at a random place inside it, kinds in random order. */
function planEvents(rows: number, random: RandomSource): { row: number; kind: EventKind }[] {
  const kinds: EventKind[] = [];
  for (const [kind, rate] of EVENT_RATES) {
    const count = Math.max(1, Math.round(rows * rate));
    for (let k = 0; k < count; k++) kinds.push(kind);
  }
  for (let k = kinds.length - 1; k > 0; k--) {
    const m = Math.floor(random.nextUnit() * (k + 1));
    [kinds[k], kinds[m]] = [kinds[m] as EventKind, kinds[k] as EventKind];
  }
  const segment = Math.floor((rows - LEAD_IN) / kinds.length);
  if (segment < SEGMENT_MIN) throw new RangeError(`rows: too few for ${kinds.length} events`);
  return kinds.map((kind, k) => ({
    kind,
    // Room for the exceedance (30 rows) and the swap (2 rows) inside the segment.
    row:
      LEAD_IN + k * segment + 10 + Math.floor(random.nextUnit() * (segment - 20 - EXCEEDANCE_ROWS)),
  }));
}

/** The plant: a daily production cycle, a rainy season (Dec–Mar) diluting, and noise. */
class Model {
  private readonly out = new Float64Array(5);
  constructor(private readonly random: RandomSource) {}

  /** pH, COD, TSS, NH3-N, flow at a slot. */
  values(slot: number, exceed: boolean): Float64Array {
    const hour = ((slot % SLOTS_PER_DAY) * 2) / 60;
    const dayOfYear = (slot / SLOTS_PER_DAY) % 365.25;
    const daily = Math.sin((2 * Math.PI * (hour - 8)) / 24); // peaks in the afternoon shift
    const rainy = Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25); // 1 in mid-January
    const flow = Math.max(5, 120 * (1 + 0.35 * daily) * (1 + 0.15 * rainy) + 6 * this.normal());
    let cod = Math.max(5, 62 + 18 * daily - 10 * rainy + 5 * this.normal());
    if (exceed) cod = 140 + 60 * this.random.nextUnit();
    const tss = Math.max(1, 28 + 0.3 * (cod - 60) + 4 * this.normal());
    const nh3 = Math.max(0.05, 3 + 1.2 * daily + 0.4 * this.normal());
    const ph = Math.min(8.8, Math.max(6, 7.2 + 0.25 * daily + 0.08 * this.normal()));
    const out = this.out;
    out[0] = ph;
    out[1] = cod;
    out[2] = tss;
    out[3] = nh3;
    out[4] = flow;
    return out;
  }

  /** About N(0, 1): the sum of four uniforms, centred and scaled (fast, bounded). */
  private normal(): number {
    const r = this.random;
    return (r.nextUnit() + r.nextUnit() + r.nextUnit() + r.nextUnit() - 2) * Math.sqrt(3);
  }
}

/** `08:02:00+07:00` for each 2-minute slot of a day. */
function timeOfDayTable(): string[] {
  return Array.from({ length: SLOTS_PER_DAY }, (_, s) => {
    const minutes = s * 2;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `${hh}:${mm}:00+07:00`;
  });
}

/** A non-negative number with `places` decimals, without toFixed's cost. */
function fixed(value: number, places: 1 | 2): string {
  const scale = places === 1 ? 10 : 100;
  const n = Math.round(value * scale);
  const whole = Math.floor(n / scale);
  const fraction = n - whole * scale;
  return `${whole}.${places === 2 && fraction < 10 ? '0' : ''}${fraction}`;
}

function nthIndex(text: string, char: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) at = text.indexOf(char, at + 1);
  return at;
}

async function main(argv: readonly string[]): Promise<void> {
  const args = [...argv];
  let out: string | undefined;
  let rows: number | undefined;
  let seed: number | undefined;
  let planPath: string | undefined;
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--rows') rows = Number(args.shift());
    else if (arg === '--seed') seed = Number(args.shift());
    else if (arg === '--plan') planPath = args.shift();
    else if (!arg.startsWith('--') && out === undefined) out = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (out === undefined) {
    throw new Error(
      'usage: tsx bench/monitoring-data.ts OUT.csv [--rows N] [--seed S] [--plan PLAN.json]',
    );
  }
  const started = performance.now();
  const plan = await writeMonitoringCsv(createWriteStream(out), { rows, seed });
  const seconds = (performance.now() - started) / 1000;
  const counts: Record<string, number> = {};
  for (const issue of plan.issues) counts[issue.rule] = (counts[issue.rule] ?? 0) + 1;
  console.log(
    `${out}: ${plan.rows} rows, ${(plan.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (seed ${plan.seed}); planted ${JSON.stringify(counts)}, ${plan.exceedances.length} COD exceedances`,
  );
  if (planPath !== undefined) writeFileSync(planPath, JSON.stringify(plan, null, 2) + '\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
