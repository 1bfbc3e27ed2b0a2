import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { decodeDraft, encodeDraft, insertVariable, isSameText, templateIssues } from './template-form.ts';

describe('the mail template form', () => {
  it('reads the first problem of each field from the server’s 400, with the variable it names', () => {
    const error = new ApiError(400, 'validation_error', 'Unknown variable', [
      { field: 'body.subject', rule: 'unknown_variable', variable: 'ticket.secret', message: 'Unknown variable {{ticket.secret}} in the subject' },
      { field: 'body.subject', rule: 'raw_value', variable: 'link', message: 'not this one' },
      { field: 'body.body', rule: 'template_syntax', message: 'Unclosed section' },
    ]);
    expect(templateIssues(error)).toEqual({ subject: { rule: 'unknown_variable', variable: 'ticket.secret' }, body: { rule: 'template_syntax' } });
  });

  it('leaves rules it does not word (length, required) and other failures to the generic messages', () => {
    expect(templateIssues(new ApiError(400, 'validation_error', 'x', [{ field: 'body.subject', rule: 'too_big', message: 'Too big' }]))).toEqual({});
    expect(templateIssues(new ApiError(403, 'forbidden', 'x', [{ field: 'body.subject', rule: 'unknown_variable' }]))).toEqual({});
    expect(templateIssues(new Error('network'))).toEqual({});
  });

  it('keeps no draft while the text is the saved wording, and gives back any other text as it was typed', () => {
    const saved = { subject: 'Hi', body: 'Body' };
    expect(encodeDraft(saved, saved)).toBe('');
    fc.assert(
      fc.property(fc.string(), fc.string(), (subject, body) => {
        const stored = encodeDraft({ subject, body }, saved);
        expect(decodeDraft(stored)).toEqual(stored ? { subject, body } : null);
      }),
    );
  });

  it('ignores stored text that is not a draft of the editor', () => {
    expect(decodeDraft('')).toBeNull();
    expect(decodeDraft('plain words')).toBeNull();
    expect(decodeDraft('{"subject":1,"body":"x"}')).toBeNull();
  });

  it('inserts a variable at the cursor or in place of the selection, and puts the cursor after it', () => {
    expect(insertVariable('Hello !', 6, 6, 'recipient.name')).toEqual({ value: 'Hello {{recipient.name}}!', caret: 24 });
    expect(insertVariable('Request #123', 9, 12, 'ticket.number')).toEqual({ value: 'Request #{{ticket.number}}', caret: 26 });
    expect(insertVariable('End', null, null, 'link')).toEqual({ value: 'End{{link}}', caret: 11 });
  });

  it('tells whether a preview still shows the text as typed', () => {
    expect(isSameText({ subject: 'Hi', body: 'Body' }, { subject: 'Hi', body: 'Body' })).toBe(true);
    expect(isSameText({ subject: 'Hi', body: 'Body' }, { subject: 'Hi', body: 'Body!' })).toBe(false);
    expect(isSameText({ subject: 'Hi!', body: 'Body' }, { subject: 'Hi', body: 'Body' })).toBe(false);
  });
});
