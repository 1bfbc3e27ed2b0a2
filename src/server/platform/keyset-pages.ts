/**
 * Every row of a keyset-paged query, a page at a time: each page is its own query after the last
 * row of the one before, so no transaction stays open while a slow reader takes them, and memory
 * holds one page whatever the total.
 */
export async function* keysetPages<Row, Cursor>(page: (after: Cursor | null) => Promise<Row[]>, pageSize: number, cursorOf: (last: Row) => Cursor): AsyncGenerator<Row[]> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await page(after);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    after = cursorOf(rows[rows.length - 1]);
  }
}
