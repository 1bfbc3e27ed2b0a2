import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoutingRuleBody, RoutingRule } from '../../../../contract/routing.ts';
import { api } from '../../../lib/api-client.ts';
import { routingRulesQueryKey } from './get-routing-rules.ts';

export interface SaveRoutingRule {
  /** The rule to change; null adds one after the others. */
  id: number | null;
  /** Every field: a change sends them all, so the form is the rule. */
  body: CreateRoutingRuleBody;
}

export const saveRoutingRule = ({ id, body }: SaveRoutingRule): Promise<RoutingRule> =>
  id === null ? api<RoutingRule>('/routing-rules', { method: 'POST', body }) : api<RoutingRule>(`/routing-rules/${id}`, { method: 'PATCH', body });

/** Adds or changes a routing rule; a taken name is 409 at `name`, an unknown department 400 at `department_id`. */
export function useSaveRoutingRule() {
  const client = useQueryClient();
  return useMutation({ mutationFn: saveRoutingRule, onSuccess: () => client.invalidateQueries({ queryKey: routingRulesQueryKey }) });
}
