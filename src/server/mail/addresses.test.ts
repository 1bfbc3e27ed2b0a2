import { describe, expect, it } from 'vitest';
import { isSignedThreadId, mailDomain, newMessageId, parseMailbox, parseThreadRootId, senderOf, threadRootId } from './addresses.ts';

const workspace = { name: 'Toko Budi', sender_name: null, sender_email: null, public_url: null };
const config = { MAIL_FROM: undefined, PUBLIC_URL: undefined };

describe('mail addresses', () => {
  it('parses MAIL_FROM as an address or Name <address>', () => {
    expect(parseMailbox('care@shop.example')).toEqual({ name: null, address: 'care@shop.example' });
    expect(parseMailbox('Shop Care <care@shop.example>')).toEqual({ name: 'Shop Care', address: 'care@shop.example' });
    expect(parseMailbox('"Shop, Care" <care@shop.example>')).toEqual({ name: 'Shop, Care', address: 'care@shop.example' });
    expect(parseMailbox('not an address')).toBeNull();
  });

  it("names mails after the sender's domain, else MAIL_FROM's, else the public URL's host, else caredesk.localhost", () => {
    expect(mailDomain(config, { ...workspace, sender_email: 'help@Toko.example', public_url: 'https://care.toko.example' })).toBe('toko.example');
    expect(mailDomain({ ...config, MAIL_FROM: 'Care <no-reply@caredesk.example>' }, workspace)).toBe('caredesk.example');
    expect(mailDomain({ ...config, PUBLIC_URL: 'https://desk.example.com:8443/' }, workspace)).toBe('desk.example.com');
    expect(mailDomain(config, { ...workspace, public_url: 'https://care.toko.example' })).toBe('care.toko.example');
    expect(mailDomain({ ...config, PUBLIC_URL: 'http://localhost:3000' }, workspace)).toBe('caredesk.localhost');
    expect(mailDomain({ ...config, PUBLIC_URL: 'http://192.168.1.20:3000' }, workspace)).toBe('caredesk.localhost');
    expect(mailDomain(config, workspace)).toBe('caredesk.localhost');
  });

  it("sends from the workspace's sender, else MAIL_FROM, else no-reply at the mail domain, named after the workspace", () => {
    expect(senderOf(config, { ...workspace, sender_name: 'Toko Care', sender_email: 'care@toko.example' })).toEqual({ name: 'Toko Care', address: 'care@toko.example' });
    expect(senderOf(config, { ...workspace, sender_email: 'care@toko.example' })).toEqual({ name: 'Toko Budi', address: 'care@toko.example' });
    expect(senderOf({ ...config, MAIL_FROM: 'Caredesk <mail@desk.example>' }, workspace)).toEqual({ name: 'Caredesk', address: 'mail@desk.example' });
    expect(senderOf({ ...config, MAIL_FROM: 'mail@desk.example' }, { ...workspace, sender_name: 'Toko' })).toEqual({ name: 'Toko', address: 'mail@desk.example' });
    expect(senderOf(config, workspace)).toEqual({ name: 'Toko Budi', address: 'no-reply@caredesk.localhost' });
  });

  it('gives every mail its own Message-ID, carrying the ticket id when it is about a ticket', () => {
    const a = newMessageId('toko.example', 42);
    expect(a).toMatch(/^<[0-9a-f]{24}\.t42@toko\.example>$/);
    expect(newMessageId('toko.example', 42)).not.toBe(a);
    expect(newMessageId('toko.example', null)).toMatch(/^<[0-9a-f]{24}@toko\.example>$/);
  });

  it('gives each ticket one signed thread root id, the same every time, that names the ticket to us alone', () => {
    const id = threadRootId('toko.example', 3, 42, 'secret-a');
    expect(id).toMatch(/^<ticket\.3\.42\.[A-Za-z0-9_-]{16}@toko\.example>$/);
    expect(threadRootId('toko.example', 3, 42, 'secret-a')).toBe(id);
    expect(threadRootId('toko.example', 4, 42, 'secret-a')).not.toBe(id);
    const parsed = parseThreadRootId(id);
    expect(parsed).toMatchObject({ orgId: 3, ticketId: 42 });
    expect(parsed && isSignedThreadId(parsed, 'secret-a')).toBe(true);
    expect(parsed && isSignedThreadId(parsed, 'secret-b')).toBe(false);
    // Another ticket's number with this ticket's signature is refused.
    const forged = parseThreadRootId(id.replace('ticket.3.42.', 'ticket.3.43.'));
    expect(forged && isSignedThreadId(forged, 'secret-a')).toBe(false);
    expect(parseThreadRootId('<ticket.3.42@toko.example>')).toBeNull();
    expect(parseThreadRootId('<abc@toko.example>')).toBeNull();
  });
});
