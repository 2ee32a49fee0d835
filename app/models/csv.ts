/**
 * CSV that is safe to open in a spreadsheet: a cell that starts with =, +, -, @, a tab or a
 * carriage return — also after leading spaces or line breaks, which spreadsheets skip — would
 * be read as a formula, so it gets a leading apostrophe; every cell is quoted. Rows end with CRLF, as RFC 4180 says, and the file starts with a BOM so that
 * spreadsheet programs read it as UTF-8.
 */
export function csvCell(value: unknown) {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[\s\u00a0\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]) {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
