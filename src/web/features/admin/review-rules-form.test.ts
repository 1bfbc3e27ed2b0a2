import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { resources } from '../../i18n/resources.ts';
import { checkReviewRules, newLocationRow, parseKeywords, reviewRulesSaveErrors, reviewRulesToForm } from './review-rules-form.ts';

const rules = {
  max_rating: 2,
  keywords: ['refund', 'kecewa'],
  locations: [{ location: 'Jakarta Selatan', department: { id: 7, name: 'Store Jaksel' } }],
};

describe('the review rules form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends the rules back as they were read', () => {
    expect(checkReviewRules(reviewRulesToForm(rules)).body).toEqual({ max_rating: 2, keywords: ['refund', 'kecewa'], locations: [{ location: 'Jakarta Selatan', department: 7 }] });
  });

  it('reads keywords a line or a comma each, trimmed, each once whatever its case', () => {
    expect(parseKeywords(' refund \n\nRude, rude\nnot happy ,Kecewa\n')).toEqual(['refund', 'Rude', 'not happy', 'Kecewa']);
  });

  it('leaves out a location row left empty', () => {
    const form = { ...reviewRulesToForm(rules), locations: [newLocationRow(), ...reviewRulesToForm(rules).locations] };
    expect(checkReviewRules(form).body?.locations).toEqual([{ location: 'Jakarta Selatan', department: 7 }]);
  });

  it("puts a row's problems at that row: a location without a department, a department without a location, a location twice", () => {
    const form = reviewRulesToForm({ ...rules, locations: [] });
    const [a, b, c, d] = [newLocationRow(), newLocationRow(), newLocationRow(), newLocationRow()];
    form.locations = [
      { ...a, location: 'Bandung' },
      { ...b, department: '3' },
      { ...c, location: 'Surabaya', department: '3' },
      { ...d, location: ' surabaya ', department: '4' },
    ];
    expect(checkReviewRules(form).errors).toEqual({
      [`location.${a.key}.department`]: 'Choose a department',
      [`location.${b.key}.location`]: 'Required',
      [`location.${d.key}.location`]: 'This location is listed twice',
    });
  });

  it('says a keyword is too long at the keywords', () => {
    const form = { ...reviewRulesToForm(rules), keywords: `ok\n${'x'.repeat(101)}` };
    expect(checkReviewRules(form).errors).toEqual({ keywords: 'Each keyword up to 100 characters' });
  });

  it("puts the server's refusal at the row it names, counting only the rows sent", () => {
    const form = reviewRulesToForm(rules);
    const kept = form.locations[0];
    form.locations = [newLocationRow(), kept];
    const gone = new ApiError(404, 'not_found', 'Unknown department: 7', [{ field: 'body.locations.0.department', message: 'no such department in this workspace' }]);
    expect(reviewRulesSaveErrors(gone, form)).toEqual({ [`location.${kept.key}.department`]: 'This department no longer exists' });
    const twice = new ApiError(400, 'validation_error', 'The location x is listed twice', [{ field: 'body.locations.0.location', message: 'listed twice' }]);
    expect(reviewRulesSaveErrors(twice, form)).toEqual({ [`location.${kept.key}.location`]: 'This location is listed twice' });
  });
});
