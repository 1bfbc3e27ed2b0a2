import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { loginBody } from '../../../../contract/auth.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionQueryOptions } from './get-session.ts';

export type SignInBody = z.input<typeof loginBody>;

export const signIn = (body: SignInBody): Promise<unknown> => api('/auth/login', { method: 'POST', body });

/** Signs in, then loads the new session so the guarded pages find it in place. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: () => queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 }),
  });
}
