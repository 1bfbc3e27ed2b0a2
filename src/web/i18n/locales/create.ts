import type { Translation } from '../translation.ts';

export const en = {};

export const id: Translation<typeof en> = {};
