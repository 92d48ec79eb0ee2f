/** Renders rows as JSON, CSV or an aligned table; the CLI's `--format`. */
import { csvCell } from '../core/reports/csv';
export type OutputFormat = 'json' | 'csv' | 'table';

function tableCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function renderRows(
  rows: readonly Record<string, unknown>[],
  format: OutputFormat,
  columns?: readonly string[],
): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const keys = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (format === 'csv') {
    return (
      [
        keys.map(csvCell).join(','),
        ...rows.map((row) => keys.map((key) => csvCell(row[key])).join(',')),
      ].join('\n') + '\n'
    );
  }
  const cells = rows.map((row) => keys.map((key) => tableCell(row[key])));
  const widths = keys.map((key, i) => Math.max(key.length, ...cells.map((line) => (line[i] ?? '').length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
