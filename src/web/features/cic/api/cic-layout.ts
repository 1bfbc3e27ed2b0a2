import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CicLayout, Preference } from '../../../../contract/cic.ts';
import { api } from '../../../lib/api-client.ts';

const layoutKey = ['me', 'preferences', 'cic_layout'] as const;

/** The agent's widget order and hidden widgets, saved on the server (any device). */
export const useCicLayout = () =>
  useQuery({
    queryKey: layoutKey,
    queryFn: ({ signal }) => api<Preference>('/me/preferences/cic_layout', { signal }),
    staleTime: 60_000,
  });

/** Saves a new layout; the screen shows it at once and falls back if the server refuses it. */
export function useSaveCicLayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (value: CicLayout) => api<Preference>('/me/preferences/cic_layout', { method: 'PUT', body: { value } }),
    onMutate: async (value) => {
      await client.cancelQueries({ queryKey: layoutKey });
      const before = client.getQueryData<Preference>(layoutKey);
      client.setQueryData<Preference>(layoutKey, (old) => ({ key: 'cic_layout', updated_at: old?.updated_at ?? null, value }));
      return { before };
    },
    onError: (_error, _value, context) => client.setQueryData(layoutKey, context?.before),
    onSuccess: (saved) => client.setQueryData(layoutKey, saved),
  });
}
