import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EscalationLevels } from '../../../../contract/escalation.ts';
import { api } from '../../../lib/api-client.ts';

export const escalationLevelsQueryKey = (departmentId: number) => ['escalation-levels', departmentId] as const;

/** A department's escalation levels, level 1 first. */
export const getEscalationLevels = (departmentId: number, signal?: AbortSignal): Promise<EscalationLevels> =>
  api<EscalationLevels>(`/departments/${departmentId}/escalation-levels`, { signal });

export const escalationLevelsQueryOptions = (departmentId: number) =>
  queryOptions({ queryKey: escalationLevelsQueryKey(departmentId), queryFn: ({ signal }) => getEscalationLevels(departmentId, signal) });

export const useEscalationLevels = (departmentId: number | null) =>
  useQuery({ ...escalationLevelsQueryOptions(departmentId ?? 0), enabled: departmentId !== null });
