import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPaste, isCellBlock, parseClipboardTable, type PasteColumn } from './grid-paste.js';

describe('parseClipboardTable', () => {
  it('reads the tab-separated block Excel puts on the clipboard, ignoring its last newline', () => {
    expect(parseClipboardTable('COD\t120,5\r\nBOD\t45\r\n')).toEqual([
      ['COD', '120,5'],
      ['BOD', '45'],
    ]);
  });

  it('keeps tabs, newlines and quotes inside a quoted cell', () => {
    expect(parseClipboardTable('"a\tb\nc"\t"say ""hi"""\n')).toEqual([['a\tb\nc', 'say "hi"']]);
  });

  it('keeps empty cells so columns stay aligned', () => {
    expect(parseClipboardTable('a\t\tc\n\tb\t')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
  });

  it('round-trips any block of plain cells written as Excel writes them', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ',', '.', ' ', 'é') });
    const block = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(block, (rows) => {
        const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
        expect(parseClipboardTable(text)).toEqual(rows);
      }),
    );
  });
});

describe('isCellBlock', () => {
  it('tells a block from a single value with a trailing newline', () => {
    expect(isCellBlock('12,5\n')).toBe(false);
    expect(isCellBlock('12,5\t3')).toBe(true);
    expect(isCellBlock('1\n2')).toBe(true);
  });
});

describe('applyPaste', () => {
  type Row = { name: string; value: number };
  const columns: PasteColumn<Row>[] = [
    { header: 'Name', write: (row, text) => ({ ok: true, row: { ...row, name: text } }) },
    {
      header: 'Value',
      write: (row, text) =>
        /^\d+$/.test(text)
          ? { ok: true, row: { ...row, value: Number(text) } }
          : { ok: false, message: 'not a number' },
    },
  ];
  const newRow = () => ({ name: '', value: 0 });

  it('writes from the focused cell and adds rows for the rest of the block', () => {
    const result = applyPaste(
      [{ name: 'a', value: 1 }],
      columns,
      [
        ['b', '2'],
        ['c', '3'],
      ],
      { row: 0, column: 0 },
      newRow,
    );
    expect(result.rows).toEqual([
      { name: 'b', value: 2 },
      { name: 'c', value: 3 },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reports a cell that does not read and keeps its old value', () => {
    const result = applyPaste(
      [{ name: 'a', value: 1 }],
      columns,
      [['x']],
      { row: 0, column: 1 },
      newRow,
    );
    expect(result.rows).toEqual([{ name: 'a', value: 1 }]);
    expect(result.problems).toEqual([
      { row: 0, column: 1, header: 'Value', message: 'not a number' },
    ]);
  });

  it('counts cells beyond the last column instead of dropping them silently', () => {
    const result = applyPaste([], columns, [['a', '1', 'extra']], { row: 0, column: 0 }, newRow);
    expect(result.ignoredCells).toBe(1);
  });
});
