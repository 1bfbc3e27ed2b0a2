import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { portalApi } from './keys.ts';

/** Asks for a sign-in link by mail; the answer is the same whether or not the address is registered. */
export const useRequestLink = (ws: string) =>
  useMutation({ mutationFn: (email: string) => api<{ message: string }>(portalApi(ws, '/sign-in'), { method: 'POST', body: { email } }) });
