import type { AttachmentType } from '../../../contract/limits.ts';

/** The attachment rules of a workspace's portal (PortalConfig.attachments). */
export interface FileRules {
  max_files: number;
  max_bytes: number;
  types: readonly AttachmentType[];
}

const extensions: Record<AttachmentType, readonly string[]> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
  'text/plain': ['.txt'],
};

/** How people name each type; text files are named in the reader's language by the caller. */
export const typeNames: Record<AttachmentType, string | null> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'text/plain': null,
};

export const isImageType = (type: string): boolean => type.startsWith('image/');

/** What the file picker offers: the types and their extensions (some systems give no type). */
export const acceptOf = (types: readonly AttachmentType[]): string => [...types, ...types.flatMap((t) => extensions[t])].join(',');

/** The accepted type a chosen file has, from what the browser says or else its extension. */
export function typeOf(file: Pick<File, 'name' | 'type'>, types: readonly AttachmentType[]): AttachmentType | null {
  const declared = types.find((t) => t === file.type);
  if (declared) return declared;
  const name = file.name.toLowerCase();
  return types.find((t) => extensions[t].some((ext) => name.endsWith(ext))) ?? null;
}

export type FileProblem = { kind: 'tooMany'; count: number } | { kind: 'tooLarge' | 'wrongType' | 'empty'; name: string };

/**
 * What is wrong with the files chosen, before anything is uploaded: the customer hears at once,
 * not after sending megabytes. The server checks again, and reads the real type from the bytes.
 */
export function checkFiles(files: readonly Pick<File, 'name' | 'size' | 'type'>[], rules: FileRules): FileProblem[] {
  const problems: FileProblem[] = [];
  if (files.length > rules.max_files) problems.push({ kind: 'tooMany', count: rules.max_files });
  for (const file of files) {
    if (typeOf(file, rules.types) === null) problems.push({ kind: 'wrongType', name: file.name });
    else if (file.size === 0) problems.push({ kind: 'empty', name: file.name });
    else if (file.size > rules.max_bytes) problems.push({ kind: 'tooLarge', name: file.name });
  }
  return problems;
}

/** A size in the reader's language and units: "820 kB", "10 MB". */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
