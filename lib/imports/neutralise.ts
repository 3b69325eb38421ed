/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line, every cell neutralised and quoted when it has to be. */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells
    .map((cell) => {
      const text = neutraliseCell(cell === null || cell === undefined ? "" : String(cell));
      return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",")}\r\n`;
}
