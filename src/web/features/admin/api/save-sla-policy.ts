import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSlaPolicyBody, SlaPolicy } from '../../../../contract/sla.ts';
import { api } from '../../../lib/api-client.ts';
import { calendarsQueryKey } from './get-calendars.ts';
import { slaPoliciesQueryKey } from './get-sla-policies.ts';

export interface SaveSlaPolicy {
  /** The policy to change; null adds one after the others. */
  id: number | null;
  /** Every field: a change sends them all, so the form is the policy. */
  body: CreateSlaPolicyBody;
}

export const saveSlaPolicy = ({ id, body }: SaveSlaPolicy): Promise<SlaPolicy> =>
  id === null ? api<SlaPolicy>('/sla-policies', { method: 'POST', body }) : api<SlaPolicy>(`/sla-policies/${id}`, { method: 'PATCH', body });

/** Adds or changes an SLA policy; the calendars' "used by" follow its calendar. */
export function useSaveSlaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveSlaPolicy,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: slaPoliciesQueryKey }), client.invalidateQueries({ queryKey: calendarsQueryKey })]),
  });
}
