import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EscalationLevel } from '../../../contract/escalation.ts';
import { ApiError } from '../../lib/api-client.ts';
import { resources } from '../../i18n/resources.ts';
import { checkLevels, levelSaveErrors, levelsToForm, newLevel } from './escalation-form.ts';

const level = (overrides: Partial<EscalationLevel> = {}): EscalationLevel => ({
  level: 1,
  delay_seconds: 0,
  notify_agents: [],
  notify_department: null,
  reassign_department: null,
  reassign_agent: null,
  raise_priority_to: null,
  ...overrides,
});

describe('the escalation levels form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends the levels back as they were read', () => {
    const read = [
      level({ notify_agents: [{ id: 4, name: 'Rina' }], notify_department: { id: 2, name: 'Care' } }),
      level({ level: 2, delay_seconds: 5400, reassign_department: { id: 3, name: 'Returns' }, reassign_agent: { id: 5, name: 'Budi' }, raise_priority_to: 'urgent' }),
    ];
    expect(checkLevels(levelsToForm(read))).toEqual({
      body: {
        levels: [
          { delay_seconds: 0, notify_agent_ids: [4], notify_department_id: 2, reassign_department_id: null, reassign_agent_id: null, raise_priority_to: null },
          { delay_seconds: 5400, notify_agent_ids: [], notify_department_id: null, reassign_department_id: 3, reassign_agent_id: 5, raise_priority_to: 'urgent' },
        ],
      },
      errors: null,
    });
  });

  it('adds a level an hour after the last one, the first right at the due time', () => {
    expect(newLevel([]).delay).toEqual({ hours: '0', minutes: '0' });
    const levels = levelsToForm([level({ delay_seconds: 1800 })]);
    expect(newLevel(levels).delay).toEqual({ hours: '1', minutes: '30' });
  });

  it('tells a delay that is not longer than the one before at that level', () => {
    const levels = levelsToForm([level({ delay_seconds: 3600 }), level({ delay_seconds: 3600 }), level({ delay_seconds: 7200 })]);
    levels[2].delay = { hours: '', minutes: '' };
    expect(checkLevels(levels).errors).toEqual({
      'levels.1.delay_seconds': 'Must be longer than level 1 (1 h)',
      'levels.2.delay_seconds': 'Enter hours, minutes or both (0 h fires right at the due time)',
    });
  });

  it('reads the server’s 400 at the level it names, in the form’s words', () => {
    const levels = levelsToForm([level({ delay_seconds: 7200 }), level({ delay_seconds: 3600 })]);
    const error = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'body.levels.1.delay_seconds', rule: 'custom', message: 'level 2 must wait longer than level 1 (7200 s)' },
      { field: 'body.levels.0.notify_agent_ids.1', message: 'no such agent in this workspace' },
    ]);
    expect(levelSaveErrors(error, levels)).toEqual({
      'levels.1.delay_seconds': 'Must be longer than level 1 (2 h)',
      'levels.0.notify_agent_ids': 'no such agent in this workspace',
    });
  });
});
