import { ApiClient } from './client.ts';
import type { TestServer } from './server.ts';

/** The mails the outbox holds for an address, oldest first (any status: sent, kept or queued). */
export const mailsTo = (server: TestServer, address: string, template?: string) =>
  server.deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', address)
    .$if(template !== undefined, (q) => q.where('template', '=', template as string))
    .orderBy('id')
    .execute();

/**
 * The sign-in link of the `count`th sign-in mail to the address. The mail is written just after
 * the request is answered, so this waits for it (by hand: it also serves in beforeAll hooks).
 */
export async function signInLinkMailedTo(server: TestServer, address: string, count = 1): Promise<string> {
  const deadline = Date.now() + 5_000;
  let mails = await mailsTo(server, address, 'sign_in_link');
  while (mails.length < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    mails = await mailsTo(server, address, 'sign_in_link');
  }
  if (mails.length !== count) throw new Error(`expected ${count} sign-in mails to ${address}, found ${mails.length}`);
  const link = /https?:\/\/\S+\/auth\?token=[A-Za-z0-9_-]+/.exec(mails[count - 1].text_body)?.[0];
  if (!link) throw new Error(`no sign-in link in: ${mails[count - 1].text_body}`);
  return link;
}

/** Opens a link as a browser would (without following the redirect), with a fresh cookie jar. */
export async function openLink(server: TestServer, link: string): Promise<{ status: number; location: string | null; customer: ApiClient; headers: Headers }> {
  const url = new URL(link);
  const customer = new ApiClient(server.url);
  const res = await customer.get(`${url.pathname}${url.search}`);
  return { status: res.status, location: res.headers.get('location'), customer, headers: res.headers };
}

/** A customer signed in to the workspace's portal the way a person is: a link by mail, opened. */
export async function signInToPortal(server: TestServer, slug: string, email: string, headers: Record<string, string> = {}): Promise<ApiClient> {
  const before = (await mailsTo(server, email, 'sign_in_link')).length;
  const res = await server.anonymous().post(`/api/v1/portal/${slug}/sign-in`, { email }, headers);
  if (res.status !== 202) throw new Error(`sign-in request answered ${res.status}: ${JSON.stringify(res.body)}`);
  const opened = await openLink(server, await signInLinkMailedTo(server, email, before + 1));
  if (opened.location !== `/portal/${slug}`) throw new Error(`the link led to ${opened.location}`);
  return opened.customer;
}
