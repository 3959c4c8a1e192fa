import { stringify } from 'csv-stringify/sync';

/** A column: its header and how a row gives its cell. */
export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => string | number | boolean | undefined;
}

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or return first) gets a
 * leading apostrophe, so opening an export never runs what someone typed (CSV injection).
 */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 CSV with a header row, quoting left to csv-stringify. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = column.cell(row);
      if (value === undefined) return '';
      return typeof value === 'string' ? inert(value) : String(value);
    }),
  );
  return stringify([columns.map((column) => column.header), ...records]);
}
