/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV cell: neutralised, then quoted when it has to be. */
export function csvCell(value: string): string {
  const text = neutraliseCell(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, every cell neutralised and quoted when it has to be. */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map((cell) => csvCell(cell === null || cell === undefined ? "" : String(cell))).join(",")}\r\n`;
}
