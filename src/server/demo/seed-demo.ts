import type { Deps } from '../platform/deps.ts';

export async function seedDemo(_deps: Deps): Promise<void> {}
