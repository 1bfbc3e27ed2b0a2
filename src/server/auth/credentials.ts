import { hashToken, randomToken } from '../platform/crypto.ts';

/**
 * Session cookies and API keys carry the workspace and row id in clear, so a lookup is one
 * primary-key read, and a 256-bit secret that is stored only as its hash.
 */
export interface ParsedCredential {
  orgId: number;
  id: number;
  secret: string;
}

const sessionPattern = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;
const apiKeyPattern = /^cdk_(\d{1,15})_(\d{1,15})_([A-Za-z0-9_-]{43})$/;

function parse(pattern: RegExp, value: string): ParsedCredential | null {
  const m = pattern.exec(value);
  return m ? { orgId: Number(m[1]), id: Number(m[2]), secret: m[3] } : null;
}

export const parseSessionCookie = (value: string) => parse(sessionPattern, value);
export const parseApiKey = (value: string) => parse(apiKeyPattern, value);
export const formatSessionCookie = (orgId: number, id: number, secret: string) => `${orgId}.${id}.${secret}`;
export const formatApiKey = (orgId: number, id: number, secret: string) => `cdk_${orgId}_${id}_${secret}`;

export function newSecret(): { secret: string; hash: string } {
  const secret = randomToken(32);
  return { secret, hash: hashToken(secret) };
}

export const SESSION_COOKIE = 'caredesk_session';
