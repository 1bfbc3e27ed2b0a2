/** The location state the route guard leaves when it sends a signed-out visitor to sign in. */
export interface SignInState {
  from?: { pathname: string; search: string };
}

/** Where to go after signing in: the page that asked for it, never another site. */
export function returnPath(state: unknown): string {
  const from = (state as SignInState | null)?.from;
  const path = from ? from.pathname + from.search : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/sign-in') && !path.startsWith('/setup') ? path : '/tickets';
}
