/**
 * Reading and writing plain-SQL dumps (pg_dump's default format) without psql:
 * the embedded restore runs them through PGlite, which speaks SQL but not psql's meta-commands
 * and has no stdin for COPY.
 */

export type DumpSegment =
  | { kind: 'sql'; text: string; line: number }
  | { kind: 'copy'; statement: string; data: string; line: number };

/** Meta-commands pg_dump writes that do not change what is loaded. */
const ignoredMetaCommands = new Set(['\\restrict', '\\unrestrict', '\\connect', '\\c']);

export class DumpFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DumpFormatError';
  }
}

/**
 * Splits a plain dump into SQL text and COPY … FROM stdin blocks, dropping the psql
 * meta-commands pg_dump emits (\restrict, \unrestrict, \connect). Quotes, dollar quotes and
 * comments are tracked, so a backslash or "COPY" inside a ticket text is never taken for one.
 */
export function splitDump(text: string, notes: string[] = []): DumpSegment[] {
  const segments: DumpSegment[] = [];
  let sqlStart = 0; // start of the SQL text not yet emitted
  let sqlLine = 1;
  let statementStart = 0; // start of the current statement (for COPY detection)
  let line = 1;
  let i = 0;
  const n = text.length;
  const atLineStart = (pos: number) => pos === 0 || text[pos - 1] === '\n';
  const pushSql = (end: number) => {
    const chunk = text.slice(sqlStart, end);
    if (chunk.trim()) segments.push({ kind: 'sql', text: chunk, line: sqlLine });
  };

  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line += 1;
      i += 1;
      continue;
    }
    // A psql meta-command: a backslash at the start of a line, outside any quote.
    if (c === '\\' && atLineStart(i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      const command = text.slice(i, stop).trim().split(/\s+/)[0];
      if (!ignoredMetaCommands.has(command)) {
        throw new DumpFormatError(`line ${line}: the psql command ${command} cannot run in the embedded restore; load this file with psql into PostgreSQL instead`);
      }
      if (command === '\\connect' || command === '\\c') notes.push(`line ${line}: ignored ${text.slice(i, stop).trim()} (the embedded database has one database)`);
      pushSql(i);
      i = stop === n ? n : stop + 1;
      line += stop === n ? 0 : 1;
      sqlStart = i;
      sqlLine = line;
      statementStart = i;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth += 1;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth -= 1;
          i += 2;
        } else {
          if (text[i] === '\n') line += 1;
          i += 1;
        }
      }
      continue;
    }
    if (c === "'") {
      // E'…' strings take backslash escapes; standard strings only double the quote.
      const escapes = i > 0 && (text[i - 1] === 'E' || text[i - 1] === 'e') && !/[A-Za-z0-9_]/.test(text[i - 2] ?? '');
      i += 1;
      while (i < n) {
        const ch = text[i];
        if (ch === '\n') line += 1;
        if (escapes && ch === '\\') {
          if (text[i + 1] === '\n') line += 1;
          i += 2;
          continue;
        }
        if (ch === "'") {
          if (text[i + 1] === "'") {
            i += 2;
            continue;
          }
          break;
        }
        i += 1;
      }
      i += 1;
      continue;
    }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      for (let k = i; k < (end === -1 ? n : end); k += 1) if (text[k] === '\n') line += 1;
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 80));
      if (tag && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const end = close === -1 ? n : close + tag[0].length;
        for (let k = i; k < end; k += 1) if (text[k] === '\n') line += 1;
        i = end;
        continue;
      }
    }
    if (c === ';') {
      const statement = text.slice(statementStart, i + 1);
      i += 1;
      const copy = /^\s*(?:--[^\n]*\n\s*)*(COPY\s[\s\S]*?\sFROM\s+stdin)\s*;$/i.exec(statement);
      if (copy) {
        // The data runs from the next line to a line holding only "\.".
        const dataStart = text.indexOf('\n', i);
        if (dataStart === -1) throw new DumpFormatError(`line ${line}: COPY without data`);
        pushSql(statementStart);
        const copyLine = line;
        let end = dataStart + 1;
        let dataEnd = -1;
        let dataLines = 0;
        while (end <= n) {
          const next = text.indexOf('\n', end);
          const stop = next === -1 ? n : next;
          const current = text.slice(end, stop).replace(/\r$/, '');
          if (current === '\\.') {
            dataEnd = end;
            end = next === -1 ? n : next + 1;
            break;
          }
          dataLines += 1;
          if (next === -1) break;
          end = next + 1;
        }
        if (dataEnd === -1) throw new DumpFormatError(`line ${copyLine}: COPY data does not end with a line "\\."`);
        segments.push({
          kind: 'copy',
          statement: copy[1].replace(/\sFROM\s+stdin$/i, " FROM '/dev/blob'"),
          data: text.slice(dataStart + 1, dataEnd),
          line: copyLine,
        });
        line += dataLines + 2;
        i = end;
        sqlStart = i;
        sqlLine = line;
      }
      statementStart = i;
      continue;
    }
    i += 1;
  }
  pushSql(n);
  return segments;
}

/**
 * Makes a PGlite dump load into older PostgreSQL servers with psql: PGlite is PostgreSQL 18,
 * whose pg_dump writes `SET transaction_timeout` (a setting PostgreSQL 17 introduced). It only
 * restates the default, so it is dropped.
 */
export function makePortable(dump: string): string {
  return dump.replace(/^SET transaction_timeout = 0;\r?\n/m, '');
}

/** Tables, functions and sequences the dump creates in `public`, to clear an empty target first. */
export function createdObjects(dump: string): { tables: string[]; functions: string[]; sequences: string[] } {
  const tables = [...dump.matchAll(/^CREATE (?:UNLOGGED )?TABLE public\.("?[\w$]+"?) \(/gm)].map((m) => m[1]);
  const sequences = [...dump.matchAll(/^CREATE SEQUENCE public\.("?[\w$]+"?)$/gm)].map((m) => m[1]);
  const functions = [...dump.matchAll(/^CREATE (?:OR REPLACE )?FUNCTION public\.("?[\w$]+"?\([^)]*\))/gm)].map((m) => m[1]);
  return { tables, functions, sequences };
}
