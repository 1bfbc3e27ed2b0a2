import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { attachmentTypes, limits, type AttachmentType } from '../../contract/limits.ts';
import { AppError } from '../platform/errors.ts';

/** A file received and checked, waiting in the temp directory for its message to be stored. */
export interface StagedFile {
  tempPath: string;
  filename: string;
  contentType: AttachmentType;
  sizeBytes: number;
  sha256: string;
}

const attachmentsDir = (dataDir: string) => path.join(dataDir, 'attachments');
const randomName = () => randomBytes(16).toString('hex');

/** Where a stored attachment lives; keys are `<org_id>/<random hex>`, never a caller's string. */
export function storedPath(dataDir: string, storageKey: string): string {
  if (!/^\d+\/[0-9a-f]{32}$/.test(storageKey)) throw new Error('malformed attachment storage key');
  return path.join(attachmentsDir(dataDir), storageKey);
}

/** The sender's name made safe to show and to put in a header: no paths, no control characters. */
export function sanitizeFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // Bidirectional overrides go too: they let "photo\u202Egnp.exe" pass for "photoexe.png".
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const short = Array.from(clean).slice(0, limits.attachmentNameMax).join('');
  return short === '' || short === '.' || short === '..' ? 'file' : short;
}

/**
 * Streams one upload to a temp file, hashing and counting as it goes; past the size limit the
 * copy stops at once (413) and the partial file is removed.
 */
export async function stageUpload(dataDir: string, stream: Readable, filename: string): Promise<Omit<StagedFile, 'contentType'>> {
  const tmpDir = path.join(attachmentsDir(dataDir), 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, randomName());
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > limits.attachmentMaxBytes) {
        done(new AppError('too_large', `${filename} is larger than ${limits.attachmentMaxBytes / (1024 * 1024)} MB`, { file: filename, max_bytes: limits.attachmentMaxBytes }));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await removeQuietly([tempPath]);
    // The rest of a refused file is read and thrown away, so the answer reaches the client.
    stream.resume();
    throw error;
  }
  return { tempPath, filename, sizeBytes, sha256: hash.digest('hex') };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function isPlainText(filePath: string, sizeBytes: number): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const bytes = Buffer.alloc(sizeBytes);
    await handle.read(bytes, 0, sizeBytes, 0);
    if (bytes.includes(0)) return false;
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * The type of a staged file, read from its bytes; the sender's name and declared type are never
 * trusted. Text is accepted only for .txt files that are valid UTF-8 without NUL bytes.
 */
export async function detectType(file: Omit<StagedFile, 'contentType'>): Promise<AttachmentType> {
  const detected = await fileTypeFromFile(file.tempPath);
  const allowed = attachmentTypes.find((t) => t !== 'text/plain' && t === detected?.mime);
  if (allowed) return allowed;
  if (!detected && file.filename.toLowerCase().endsWith('.txt') && (await isPlainText(file.tempPath, file.sizeBytes))) return 'text/plain';
  throw new AppError('unsupported_media_type', `${file.filename} is not an accepted file type (accepted: PNG, JPEG, GIF, WebP, PDF, and UTF-8 .txt text)`, {
    file: file.filename,
    accepted: attachmentTypes,
  });
}

/**
 * Moves staged files to their stored place under the workspace and answers their storage keys;
 * each stored path is pushed to `moved` at once, so a caller can undo a half-done move.
 */
export async function storeStaged(dataDir: string, orgId: number, files: StagedFile[], moved: string[]): Promise<string[]> {
  if (files.length === 0) return [];
  await mkdir(path.join(attachmentsDir(dataDir), String(orgId)), { recursive: true });
  const keys: string[] = [];
  for (const file of files) {
    const key = `${orgId}/${randomName()}`;
    const target = storedPath(dataDir, key);
    await rename(file.tempPath, target);
    moved.push(target);
    keys.push(key);
  }
  return keys;
}

export async function removeQuietly(paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true }).catch(() => undefined)));
}

/**
 * Removes uploads a crash left half-received in the temp directory. Run at start: anything older
 * than `olderThanMs` cannot belong to a request still running. Answers how many it removed.
 */
export async function sweepStaleUploads(dataDir: string, olderThanMs = 3_600_000, nowMs = Date.now()): Promise<number> {
  const tmpDir = path.join(attachmentsDir(dataDir), 'tmp');
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(tmpDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || nowMs - info.mtimeMs < olderThanMs) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
