import { rename, writeFile } from 'node:fs/promises';

/** Writes a file whole or not at all: a crash never leaves half a report or workbook behind. */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}
