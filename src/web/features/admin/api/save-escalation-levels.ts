import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EscalationLevels, EscalationLevelsBody } from '../../../../contract/escalation.ts';
import { api } from '../../../lib/api-client.ts';
import { escalationLevelsQueryKey } from './get-escalation-levels.ts';

export const saveEscalationLevels = ({ departmentId, body }: { departmentId: number; body: EscalationLevelsBody }): Promise<EscalationLevels> =>
  api<EscalationLevels>(`/departments/${departmentId}/escalation-levels`, { method: 'PUT', body });

/** Replaces a department's whole flow; delays out of order are 400 at `levels.N.delay_seconds`. */
export function useSaveEscalationLevels() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveEscalationLevels,
    onSuccess: (saved) => client.setQueryData(escalationLevelsQueryKey(saved.department_id), saved),
  });
}
