export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client over fetch that keeps the session cookie, or sends an API key. */
export class ApiClient {
  readonly baseUrl: string;
  cookie: string | null = null;
  bearer: string | null = null;

  constructor(baseUrl: string, credentials: { cookie?: string | null; bearer?: string | null } = {}) {
    this.baseUrl = baseUrl;
    this.cookie = credentials.cookie ?? null;
    this.bearer = credentials.bearer ?? null;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && typeof body !== 'string') h['content-type'] ??= 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    // Keeps Caredesk's cookies (the agent session, the portal session) as a browser would.
    const jar = new Map((this.cookie ?? '').split('; ').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const));
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0];
      const name = pair.slice(0, pair.indexOf('='));
      if (!name.startsWith('caredesk_')) continue;
      if (pair === `${name}=` || /expires=Thu, 01 Jan 1970/i.test(setCookie)) jar.delete(name);
      else jar.set(name, pair);
    }
    this.cookie = jar.size ? [...jar.values()].join('; ') : null;
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('POST', path, body ?? {}, headers);
  patch = <T = any>(path: string, body: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', path, body, headers);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}
