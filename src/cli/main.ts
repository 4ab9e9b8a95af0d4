/**
 * The `lestari` command line. Exit codes: 0 success, 1 the audit found discrepancies,
 * 2 invalid input or usage. Errors go to stderr as `FILE:LINE:COL path: message`, all of a
 * file's errors at once, never a stack trace; nothing is written when the input is invalid.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import {
  exportStudyWorkbook,
  formatWorkbookError,
  importStudyWorkbook,
} from '../document/excel/index.js';
import { locateInText, formatStudyFileError } from '../document/parse-study.js';
import { serializeStudy } from '../document/serialize-study.js';
import { auditStudy } from '../engine/audit/index.js';
import { auditText } from './audit-output.js';
import { renderReportHtml } from '../report/render-html.js';
import { renderReportPdf } from '../report/render-pdf.js';
import { computeText } from './compute-output.js';
import { uncertainInputsOfStudy, type MonteCarloStudyResult } from '../engine/uncertainty/index.js';
import { monteCarloStudyParallel } from '../parallel/uncertainty-parallel.js';
import { uncertaintyText } from './uncertainty-output.js';
import { loadStudy, type LoadedStudy } from './load-study.js';
import { addMonitorCommands, streamMonitoring } from './monitor.js';
import { rejectionLines } from './monitor-output.js';
import { addMonitorDatabaseCommands } from './monitor-database.js';
import { writeAtomically } from './write-output.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  readonly stderrIsTTY?: boolean;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
};

/** An expected failure with its exit code; anything else is a bug, reported without a stack. */
class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    readonly lines: readonly string[] = [],
  ) {
    super(lines.join('\n'));
  }
}

const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
const languageOption = () =>
  new Option('--lang <language>', 'language of the output: id (Indonesian) or en').choices([
    'id',
    'en',
  ]);

async function loaded(file: string): Promise<Extract<LoadedStudy, { ok: true }>> {
  const study = await loadStudy(file);
  if (!study.ok) throw new CliExit(2, study.messages);
  return study;
}

/** A calendar date written YYYY-MM-DD that exists (not 2026-02-30). */
function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

function languageOf(option: unknown, study: { language: 'id' | 'en' }): 'id' | 'en' {
  return option === 'id' || option === 'en' ? option : study.language;
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('lestari')
    .description('Lestari: the Green Productivity workbench (APO GP methodology)')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('validate')
    .description('check a study file: schema, numbers, references and every calculation')
    .argument('<file>', 'study file (.yaml or .json)')
    .action(async (file: string) => {
      const study = await loaded(file);
      io.stdout(`${file}: valid (${study.study.study.title})\n`);
    });

  program
    .command('compute')
    .description('compute every result of the study, in GP step order')
    .argument('<file>', 'study file (.yaml or .json)')
    .option(
      '--json',
      'one JSON document with every value at full precision and the inputs it came from',
    )
    .addOption(languageOption())
    .action(async (file: string, options: { json?: boolean; lang?: string }) => {
      const { study, evaluation } = await loaded(file);
      if (options.json === true) {
        io.stdout(
          `${JSON.stringify({ lestari: 1, file, study, results: evaluation.results }, null, 2)}\n`,
        );
        return;
      }
      io.stdout(`${computeText(study, evaluation, languageOf(options.lang, study))}\n`);
    });

  program
    .command('audit')
    .description('check every value the study says was published; exit 1 if any differs')
    .argument('<file>', 'study file (.yaml or .json) with a published: list')
    .option('--json', 'the audit as JSON')
    .addOption(languageOption())
    .action(async (file: string, options: { json?: boolean; lang?: string }) => {
      const { study, evaluation, text } = await loaded(file);
      const audit = auditStudy(study, evaluation);
      const unresolved = audit.entries.filter((e) => e.status === 'unresolved');
      if (unresolved.length > 0) {
        throw new CliExit(
          2,
          unresolved.map((e) =>
            formatStudyFileError(
              file,
              locateInText(text, `published[${e.index}].result`, e.reason ?? 'cannot be checked'),
            ),
          ),
        );
      }
      io.stdout(
        options.json === true
          ? `${JSON.stringify(audit, null, 2)}\n`
          : `${auditText(audit, languageOf(options.lang, study))}\n`,
      );
      if (audit.counts.discrepancy > 0) throw new CliExit(1);
    });

  program
    .command('uncertainty')
    .description('Monte Carlo over the options: distributions, rank probabilities, tornado')
    .argument('<file>', 'study file (.yaml or .json)')
    .option('--iterations <n>', 'Monte Carlo iterations (default: the study’s, else 10000)')
    .option(
      '--seed <s>',
      'random seed (0 … 4294967295), for reproducible results (default: the study’s, else 1)',
    )
    .option('--json', 'the whole analysis as JSON, at full precision')
    .addOption(languageOption())
    .action(
      async (
        file: string,
        options: { iterations?: string; seed?: string; json?: boolean; lang?: string },
      ) => {
        const wholeNumber = (text: string | undefined, name: string) => {
          if (text === undefined) return undefined;
          if (!/^\d+$/.test(text)) throw new CliExit(2, [`--${name}: must be a whole number`]);
          return Number(text);
        };
        const givenIterations = wholeNumber(options.iterations, 'iterations');
        const givenSeed = wholeNumber(options.seed, 'seed');
        const { study } = await loaded(file);
        // The study's uncertainty block: its inputs, and its iterations/seed unless a flag overrides.
        const iterations = givenIterations ?? study.uncertainty?.iterations ?? 10_000;
        const seed = givenSeed ?? study.uncertainty?.seed ?? 1;
        let result: MonteCarloStudyResult;
        try {
          // Two threads from 40 000 iterations; the same result on any number (blocks merged in order).
          result = await monteCarloStudyParallel(study, uncertainInputsOfStudy(study), {
            iterations,
            seed,
          });
        } catch (error) {
          if (error instanceof Error && error.name === 'GpError') {
            throw new CliExit(2, [`${file}: ${error.message}`]);
          }
          throw error;
        }
        io.stdout(
          options.json === true
            ? `${JSON.stringify({ lestari: 1, file, uncertainty: result }, null, 2)}\n`
            : `${uncertaintyText(study, result, languageOf(options.lang, study))}\n`,
        );
      },
    );

  const monitor = program
    .command('monitor')
    .description('continuous monitoring data (SPARING, loggers) against the study’s limits');
  const monitorFail = (code: number, lines: readonly string[]): never => {
    throw new CliExit(code, lines);
  };
  addMonitorCommands(monitor, io, monitorFail);
  addMonitorDatabaseCommands(monitor, io, monitorFail);

  program
    .command('report')
    .description('write the study report (HTML, or PDF through Chromium) in Indonesian or English')
    .argument('<file>', 'study file (.yaml or .json)')
    .requiredOption('-o, --output <file>', 'the report to write: .html or .pdf')
    .addOption(languageOption())
    .option('--date <date>', 'the report date to print (YYYY-MM-DD); default today')
    .option('--no-audit', 'leave out the audit of the published values')
    .option(
      '--monitoring <readings...>',
      'monitoring files (.csv) for the monitoring section (GP step 5), one series each',
    )
    .option('--implemented <date>', 'YYYY-MM-DD: the monitoring section compares before and after')
    .action(
      async (
        file: string,
        options: {
          output: string;
          lang?: string;
          date?: string;
          audit: boolean;
          monitoring?: string[];
          implemented?: string;
        },
      ) => {
        const kind = extname(options.output).toLowerCase();
        if (kind !== '.html' && kind !== '.pdf') {
          throw new CliExit(2, [`${options.output}: the report must end in .html or .pdf`]);
        }
        if (options.implemented !== undefined && !isIsoDate(options.implemented)) {
          throw new CliExit(2, [`--implemented ${options.implemented}: must be a date YYYY-MM-DD`]);
        }
        const { study, evaluation, text } = await loaded(file);
        const monitoring = [];
        for (const readings of options.monitoring ?? []) {
          const outcome = await streamMonitoring(
            readings,
            study,
            file,
            text,
            { study: file },
            'default',
            io,
            monitorFail,
          );
          if (!outcome.ok) {
            throw new CliExit(
              2,
              rejectionLines(readings, outcome.reader, languageOf(options.lang, study)),
            );
          }
          monitoring.push({
            name: basename(readings),
            result: outcome.result,
            source: readings,
            ...(options.implemented !== undefined && { implementationDate: options.implemented }),
          });
        }
        const html = renderReportHtml(study, evaluation, {
          language: languageOf(options.lang, study),
          date: options.date ?? new Date().toISOString().slice(0, 10),
          ...(options.audit &&
            (study.published?.length ?? 0) > 0 && { audit: auditStudy(study, evaluation) }),
          ...(monitoring.length > 0 && { monitoring }),
        });
        if (kind === '.html') {
          await writeAtomically(options.output, html);
        } else {
          try {
            await writeAtomically(options.output, await renderReportPdf(html));
          } catch (error) {
            throw new CliExit(2, [
              `${options.output}: could not make the PDF (${(error as Error).message.split('\n')[0] ?? ''}); install Chromium (apt-get install chromium) or write .html`,
            ]);
          }
        }
        io.stdout(`${options.output}: written\n`);
      },
    );

  program
    .command('demo')
    .description('compute and audit the three published studies shipped in examples/')
    .addOption(languageOption())
    .action(async (options: { lang?: string }) => {
      for (const name of ['cv-abc', 'adi-bungsu', 'ecco-tannery']) {
        const file = fileURLToPath(new URL(`../../examples/${name}.yaml`, import.meta.url));
        const { study, evaluation } = await loaded(file);
        const lang = languageOf(options.lang, study);
        const audit = auditStudy(study, evaluation);
        io.stdout(`${'═'.repeat(78)}\n${computeText(study, evaluation, lang)}\n`);
        io.stdout(`■ Audit\n${auditText(audit, lang)}\n\n`);
      }
      io.stdout(
        'Try: npx lestari compute examples/cv-abc.yaml --json | npx lestari audit examples/ecco-tannery.yaml --lang en\n',
      );
    });

  program
    .command('export')
    .description('write the study as an Excel workbook a person can fill in')
    .argument('<file>', 'study file (.yaml or .json)')
    .requiredOption('-o, --output <file>', 'the workbook to write (.xlsx)')
    .addOption(languageOption())
    .action(async (file: string, options: { output: string; lang?: string }) => {
      if (extname(options.output).toLowerCase() !== '.xlsx') {
        throw new CliExit(2, [`${options.output}: the workbook must end in .xlsx`]);
      }
      const { study, evaluation } = await loaded(file);
      const bytes = await exportStudyWorkbook(study, {
        language: languageOf(options.lang, study),
        results: evaluation.results,
      });
      await writeAtomically(options.output, bytes);
      io.stdout(`${options.output}: written\n`);
    });

  program
    .command('import')
    .description('read an Excel workbook back into a study file')
    .argument('<workbook>', 'workbook (.xlsx) written by lestari export and filled in')
    .requiredOption('-o, --output <file>', 'the study file to write (.yaml or .json)')
    .action(async (workbook: string, options: { output: string }) => {
      const format = extname(options.output).toLowerCase() === '.json' ? 'json' : 'yaml';
      let bytes: Uint8Array;
      try {
        bytes = await readFile(workbook);
      } catch {
        throw new CliExit(2, [`${workbook}: no such file`]);
      }
      if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
        throw new CliExit(2, [
          `${workbook}: a workbook may be at most ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB`,
        ]);
      }
      const result = await importStudyWorkbook(bytes);
      if (!result.ok) {
        throw new CliExit(
          2,
          result.errors.map((e) => `${workbook}:${formatWorkbookError(e)}`),
        );
      }
      await writeAtomically(options.output, serializeStudy(result.study, format));
      io.stdout(`${options.output}: written\n`);
    });

  program
    .command('init')
    .description('write an annotated study template to start from')
    .requiredOption('-o, --output <file>', 'the study file to write (.yaml)')
    .addOption(languageOption().default('id'))
    .action(async (options: { output: string; lang: 'id' | 'en' }) => {
      const template = fileURLToPath(
        new URL(`../../examples/template.${options.lang}.yaml`, import.meta.url),
      );
      await writeAtomically(options.output, await readFile(template));
      io.stdout(`${options.output}: written\n`);
    });

  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.lines.length > 0) io.stderr(`${error.lines.join('\n')}\n`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr(
      `lestari: internal error: ${(error as Error).message}\nPlease report this with the file that caused it.\n`,
    );
    return 2;
  }
}
