/** Runs the `lestari` CLI in-process and captures what it writes, for the CLI's tests. */
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

export const repositoryRoot = join(import.meta.dirname, '..', '..');

/** The path of an example study: `example('cv-abc')`. */
export const example = (name: string): string => join(repositoryRoot, 'examples', `${name}.yaml`);

export async function cli(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
