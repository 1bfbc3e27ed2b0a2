import { type SlaPolicyList, slaPoliciesQueryKey } from './get-sla-policies.ts';
import { useOrderList } from './order-list.ts';

/** Sets the order policies are tried in (every id, each once); the list shows the new order at once and goes back if the server refuses. */
export const useOrderSlaPolicies = () => useOrderList<SlaPolicyList>('/sla-policies', slaPoliciesQueryKey);
