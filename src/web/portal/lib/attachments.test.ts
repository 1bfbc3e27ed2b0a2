import { describe, expect, it } from 'vitest';
import { acceptOf, checkFiles, formatSize, typeOf } from './attachments.ts';

const rules = { max_files: 2, max_bytes: 1000, types: ['image/png', 'application/pdf', 'text/plain'] as const };
const file = (name: string, size: number, type = '') => ({ name, size, type });

describe('attachment checks before upload', () => {
  it('accepts files of an allowed type within the size', () => {
    expect(checkFiles([file('a.png', 10, 'image/png'), file('b.pdf', 1000, 'application/pdf')], rules)).toEqual([]);
  });

  it('names too many files, each file too large, empty or of another type', () => {
    expect(checkFiles([file('a.png', 1001, 'image/png'), file('b.gif', 10, 'image/gif'), file('c.txt', 0, 'text/plain')], rules)).toEqual([
      { kind: 'tooMany', count: 2 },
      { kind: 'tooLarge', name: 'a.png' },
      { kind: 'wrongType', name: 'b.gif' },
      { kind: 'empty', name: 'c.txt' },
    ]);
  });

  it('reads the type from the extension when the browser gives none', () => {
    expect(typeOf(file('NOTES.TXT', 3), rules.types)).toBe('text/plain');
    expect(typeOf(file('scan.pdf', 3, 'application/octet-stream'), rules.types)).toBe('application/pdf');
    expect(typeOf(file('photo.jpeg', 3), rules.types)).toBeNull();
  });

  it('offers the types and their extensions in the file picker', () => {
    expect(acceptOf(['image/jpeg', 'text/plain'])).toBe('image/jpeg,text/plain,.jpg,.jpeg,.txt');
  });

  it('writes sizes in the reader’s units', () => {
    expect(formatSize(10 * 1024 * 1024, 'en-GB')).toBe('10 MB');
    expect(formatSize(1536, 'en-GB')).toBe('1.5 kB');
    expect(formatSize(1536, 'id-ID')).toBe('1,5 kB');
  });
});
