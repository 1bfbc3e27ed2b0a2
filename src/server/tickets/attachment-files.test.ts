import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeFilename, storedPath, sweepStaleUploads } from './attachment-files.ts';

describe('attachment files', () => {
  it('sweeps uploads a crash left in the temp directory, and only old ones', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'caredesk-sweep-'));
    const tmp = path.join(dataDir, 'attachments', 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(path.join(tmp, 'old'), 'half a photo');
    writeFileSync(path.join(tmp, 'fresh'), 'an upload in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(path.join(tmp, 'old'), twoHoursAgo, twoHoursAgo);
    expect(await sweepStaleUploads(dataDir)).toBe(1);
    expect(readdirSync(tmp)).toEqual(['fresh']);
  });

  it('sweeps nothing when no upload ever happened', async () => {
    expect(await sweepStaleUploads(mkdtempSync(path.join(tmpdir(), 'caredesk-sweep-')))).toBe(0);
  });

  it('keeps file names to show, without paths, control or direction characters', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('C:\\Users\\me\\photo.png')).toBe('photo.png');
    expect(sanitizeFilename('photo\u202Egnp.exe')).toBe('photognp.exe');
    expect(sanitizeFilename('..')).toBe('file');
    expect(sanitizeFilename(undefined)).toBe('file');
  });

  it('opens only storage keys it made itself', () => {
    expect(() => storedPath('/data', '../../etc/passwd')).toThrow();
    expect(() => storedPath('/data', '1/abc')).toThrow();
    expect(storedPath('/data', `7/${'a'.repeat(32)}`)).toBe(path.join('/data', 'attachments', '7', 'a'.repeat(32)));
  });
});
