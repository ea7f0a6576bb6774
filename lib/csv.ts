/** RFC 4180 CSV, with a guard against spreadsheet formula injection (=, +, -, @ at the start). */
export function csvRow(values: (string | number | bigint | null | undefined | Date)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

function csvCell(value: string | number | bigint | null | undefined | Date): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // A plain negative number (an amount) is data, not a formula: keep it summable.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
