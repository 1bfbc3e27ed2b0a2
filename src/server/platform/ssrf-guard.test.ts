import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, classifyAddress, refusalOf } from './ssrf-guard.ts';

const v4 = (a: number, b: number, c: number, d: number) => `${a}.${b}.${c}.${d}`;
const octet = fc.integer({ min: 0, max: 255 });

describe('the SSRF guard of webhooks', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['100.64.0.1', 'private'],
    ['fd00::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['fe80::1', 'link_local'],
    ['224.0.0.251', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['not-an-ip', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::8.8.8.8', 'public'],
  ])('classifies %s as %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('classifies an IPv4 address and its IPv4-mapped IPv6 form alike', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        expect(classifyAddress(`::ffff:${v4(a, b, c, d)}`)).toBe(classifyAddress(v4(a, b, c, d)));
      }),
    );
  });

  it('finds every address of 10/8, 172.16/12 and 192.168/16 private, and allows it only with allow_private', () => {
    const privateV4 = fc.oneof(
      fc.tuple(octet, octet, octet).map(([b, c, d]) => v4(10, b, c, d)),
      fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => v4(172, b, c, d)),
      fc.tuple(octet, octet).map(([c, d]) => v4(192, 168, c, d)),
    );
    fc.assert(
      fc.property(privateV4, (address) => {
        expect(classifyAddress(address)).toBe('private');
        expect(refusalOf(address, false)).toMatch(/private address/);
        expect(refusalOf(address, true)).toBeNull();
      }),
    );
  });

  it('never allows link-local (the cloud metadata service), reserved or unspecified addresses, even with allow_private', () => {
    for (const address of ['169.254.169.254', 'fe80::1', '0.0.0.0', '224.0.0.1']) expect(refusalOf(address, true), address).not.toBeNull();
  });

  it('checks registered URLs by their literal address or by what the name resolves to', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', false)).toMatch(/loopback/);
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(await checkWebhookUrl('http://[::1]/hook', false)).toMatch(/loopback/);
    expect(await checkWebhookUrl('http://localhost/hook', false)).toMatch(/^localhost resolves to .* loopback/);
    expect(await checkWebhookUrl('https://8.8.8.8/hook', false)).toBeNull();
    expect(await checkWebhookUrl('ftp://8.8.8.8/hook', false)).toMatch(/http/);
    expect(await checkWebhookUrl('http://caredesk-test.invalid/hook', false)).toMatch(/could not be resolved/);
  });
});
