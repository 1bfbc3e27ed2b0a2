import { type RoutingRuleList, routingRulesQueryKey } from './get-routing-rules.ts';
import { useOrderList } from './order-list.ts';

/** Sets the order rules are tried in (every id, each once); the list shows the new order at once and goes back if the server refuses. */
export const useOrderRoutingRules = () => useOrderList<RoutingRuleList>('/routing-rules', routingRulesQueryKey);
