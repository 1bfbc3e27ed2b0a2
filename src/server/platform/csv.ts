/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so
 * the export writes such values behind a ' (CSV injection). Phone numbers start with + and get the
 * quote too: a spreadsheet shows '+62 812…. A value that starts with ' gets one more, so that the
 * import, which takes one leading ' off such cells, reads back exactly what was exported.
 */
const risky = /^[=+\-@\t\r']/;

export const protectCell = (value: string): string => (risky.test(value) ? `'${value}` : value);

/** The value a protected cell stands for; a cell the export did not protect is left as it is. */
export const unprotectCell = (cell: string): string => (cell.startsWith("'") && risky.test(cell.slice(1)) ? cell.slice(1) : cell);
