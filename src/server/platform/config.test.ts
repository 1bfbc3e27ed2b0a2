import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the sweeper settings', () => {
  it('leave the batch size to the engine unless set, and refuse what is not a count of rows', () => {
    expect(loadConfig({}).CAREDESK_SWEEP_BATCH_SIZE).toBeUndefined();
    expect(loadConfig({ CAREDESK_SWEEP_BATCH_SIZE: '250' }).CAREDESK_SWEEP_BATCH_SIZE).toBe(250);
    for (const bad of ['0', '-5', '2.5', 'many', '5001']) {
      expect(() => loadConfig({ CAREDESK_SWEEP_BATCH_SIZE: bad }), bad).toThrow(/CAREDESK_SWEEP_BATCH_SIZE/);
    }
  });

  it('sweep every 15 s by default, never at 0, and refuse an interval too short to be meant', () => {
    expect(loadConfig({}).CAREDESK_SWEEP_INTERVAL_MS).toBe(15_000);
    expect(loadConfig({ CAREDESK_SWEEP_INTERVAL_MS: '0' }).CAREDESK_SWEEP_INTERVAL_MS).toBe(0);
    expect(() => loadConfig({ CAREDESK_SWEEP_INTERVAL_MS: '5' })).toThrow(/CAREDESK_SWEEP_INTERVAL_MS: must be 0 \(off\) or at least 10/);
    expect(() => loadConfig({ CAREDESK_SWEEP_CONCURRENCY: '0' })).toThrow(/CAREDESK_SWEEP_CONCURRENCY/);
  });
});
