import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../contract/workspaces.ts';
import { ApiError } from '../../lib/api-client.ts';
import { resources } from '../../i18n/resources.ts';
import { changedSettings, checkSettings, daysAndHours, settingsSaveErrors, settingsToForm, timeZoneChoices } from './settings-form.ts';

const saved = (overrides: Partial<Settings> = {}): Settings => ({
  slug: 'toko',
  name: 'Toko Maju',
  logo_url: null,
  time_zone: 'Asia/Jakarta',
  default_language: 'id',
  public_url: null,
  auto_close_after_seconds: 7 * 24 * 3600,
  ticket_number_prefix: '{YYYY}',
  ticket_number_padding: 4,
  sender_name: null,
  sender_email: null,
  default_country: 'ID',
  verification_channels: ['review'],
  channels_enabled: ['web', 'email'],
  created_at: '2026-01-01T00:00:00Z',
  ...overrides,
});

describe('the workspace settings form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends nothing when nothing was changed', () => {
    const checked = checkSettings(settingsToForm(saved()));
    expect(checked.errors).toBeNull();
    expect(changedSettings(saved(), checked.body!)).toEqual({});
  });

  it('sends only the fields changed, empty texts as null and the country in capitals', () => {
    const read = saved({ sender_name: 'Toko Maju CS', public_url: 'https://cs.toko.example' });
    const form = { ...settingsToForm(read), name: '  Toko Jaya ', sender_name: '', public_url: ' ', default_country: 'sg', ticket_number_prefix: 'CS-{YYYY}-', ticket_number_padding: '6' };
    const checked = checkSettings(form);
    expect(changedSettings(read, checked.body!)).toEqual({
      name: 'Toko Jaya',
      sender_name: null,
      public_url: null,
      default_country: 'SG',
      ticket_number_prefix: 'CS-{YYYY}-',
      ticket_number_padding: 6,
    });
  });

  it('shows a period of 0 as empty fields, and empty fields save 0: never auto-close', () => {
    const form = settingsToForm(saved({ auto_close_after_seconds: 0 }));
    expect(form.auto_close).toEqual({ hours: '', minutes: '' });
    expect(checkSettings(form).body?.auto_close_after_seconds).toBe(0);
    expect(checkSettings({ ...form, auto_close: { hours: '72', minutes: '' } }).body?.auto_close_after_seconds).toBe(72 * 3600);
  });

  it('refuses what the API would refuse, each at its field in the agent’s words', () => {
    const form = {
      ...settingsToForm(saved()),
      name: ' ',
      logo_url: 'http://cdn.example/logo.png',
      time_zone: 'Mars/Olympus',
      ticket_number_prefix: 'T#',
      ticket_number_padding: '20',
      auto_close: { hours: '9000', minutes: '' },
      sender_email: 'not-an-address',
      default_country: 'Indonesia',
    };
    expect(checkSettings(form).errors).toEqual({
      name: 'Required',
      logo_url: 'Enter an https:// address of an image',
      time_zone: 'Choose an IANA time zone such as Asia/Jakarta',
      ticket_number_prefix: 'Use letters, digits, dashes and the {YYYY} token',
      ticket_number_padding: 'Enter a whole number from 1 to 12',
      auto_close_after_seconds: 'At most 8760 hours',
      sender_email: expect.stringMatching(/email/i),
      default_country: 'Enter a two-letter country code such as ID',
    });
  });

  it('sends a time zone in its canonical spelling', () => {
    const checked = checkSettings({ ...settingsToForm(saved()), time_zone: 'asia/singapore' });
    expect(changedSettings(saved(), checked.body!)).toEqual({ time_zone: 'Asia/Singapore' });
  });

  it("puts a refusal's field issues at their fields, a country the server does not know worded like the form's own check", () => {
    const refusal = new ApiError(400, 'validation_error', 'Unknown country ZZ', [
      { field: 'body.default_country', message: 'not a country code libphonenumber knows' },
      { field: 'body.name', message: 'Too big', rule: 'too_big', origin: 'string', maximum: 200 },
    ]);
    expect(settingsSaveErrors(refusal)).toEqual({ default_country: 'Enter a two-letter country code such as ID', name: 'At most 200 characters' });
    expect(settingsSaveErrors(new Error('offline'))).toEqual({});
  });

  it('says an auto-close period in days and hours', () => {
    expect(daysAndHours(7 * 24 * 3600)).toEqual({ days: 7, hours: 0 });
    expect(daysAndHours(30 * 3600)).toEqual({ days: 1, hours: 6 });
  });

  it('offers every IANA zone the browser knows, UTC and the one in use among them', () => {
    const zones = timeZoneChoices('Etc/GMT-7');
    expect(zones).toContain('Asia/Jakarta');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/GMT-7');
    expect([...zones].sort()).toEqual(zones);
  });
});
