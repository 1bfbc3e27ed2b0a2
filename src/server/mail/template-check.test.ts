import { describe, expect, it } from 'vitest';
import { languages } from '../../contract/workspaces.ts';
import { mailTemplates } from './mail-request.ts';
import { checkTemplate } from './template-check.ts';
import { builtInTemplate } from './templates/built-in.ts';

describe('checkTemplate', () => {
  it('accepts every built-in template (they use only their own variables)', () => {
    for (const template of mailTemplates) for (const language of languages) expect(checkTemplate(template, builtInTemplate(template, language)), `${template}/${language}`).toEqual([]);
  });

  it('refuses an unknown variable and names it', () => {
    const problems = checkTemplate('ticket_created', { subject: 'Hi {{ticket.numbr}}', body: 'ok {{link}}' });
    expect(problems).toEqual([expect.objectContaining({ field: 'subject', rule: 'unknown_variable', variable: 'ticket.numbr' })]);
    expect(problems[0].message).toContain('{{ticket.numbr}}');
    expect(problems[0].message).toContain('{{ticket.number}}');
  });

  it("refuses another template's variable: a reply's body is no variable of ticket_created", () => {
    expect(checkTemplate('ticket_created', { subject: 's', body: '{{reply.body}}' })).toEqual([expect.objectContaining({ variable: 'reply.body' })]);
    expect(checkTemplate('agent_replied', { subject: 's', body: '{{reply.body}}' })).toEqual([]);
  });

  it('reads names inside a section relative to it, and refuses names that exist nowhere', () => {
    expect(checkTemplate('agent_replied', { subject: 's', body: '{{#reply}}{{author}}: {{body}}{{/reply}}{{^reply}}none{{/reply}}' })).toEqual([]);
    expect(checkTemplate('ticket_resolved', { subject: 's', body: '{{#ready_for_collection}}Ready {{ticket.number}}{{/ready_for_collection}}' })).toEqual([]);
    expect(checkTemplate('agent_replied', { subject: 's', body: '{{#reply}}{{length}}{{/reply}}' })).toEqual([expect.objectContaining({ variable: 'length' })]);
    expect(checkTemplate('ticket_opened', { subject: 's', body: '{{#nothing}}x{{/nothing}}' })).toEqual([expect.objectContaining({ variable: 'nothing' })]);
  });

  it('refuses an object where a value is printed ({{ticket}} would print [object Object])', () => {
    expect(checkTemplate('ticket_opened', { subject: '{{ticket}}', body: 'x' })).toEqual([expect.objectContaining({ variable: 'ticket' })]);
  });

  it('refuses inherited names such as {{constructor}}', () => {
    expect(checkTemplate('ticket_opened', { subject: '{{constructor}}', body: '{{toString}}' }).map((p) => p.variable)).toEqual(['constructor', 'toString']);
  });

  it('refuses unescaped tags and partials', () => {
    expect(checkTemplate('ticket_opened', { subject: 's', body: '{{{link}}} {{&link}} {{>footer}}' }).map((p) => p.rule)).toEqual(['raw_value', 'raw_value', 'partial']);
  });

  it('refuses text that is no mustache template, saying why', () => {
    const [problem] = checkTemplate('ticket_opened', { subject: 's', body: '{{#ticket}}never closed' });
    expect(problem).toMatchObject({ field: 'body', rule: 'template_syntax' });
    expect(problem.message).toMatch(/Unclosed section "ticket"/);
    expect(checkTemplate('ticket_opened', { subject: '{{link', body: 'x' })[0]).toMatchObject({ field: 'subject', rule: 'template_syntax' });
  });
});
