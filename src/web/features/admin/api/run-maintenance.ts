import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { maintenanceResult } from '../../../../contract/system.ts';
import { api } from '../../../lib/api-client.ts';
import { auditLogQueryKey } from './get-audit-log.ts';
import { systemInfoQueryKey } from './get-system-info.ts';

// The contract names no type for it.
type MaintenanceResult = z.infer<typeof maintenanceResult>;

export const runMaintenance = () => api<MaintenanceResult>('/admin/system/maintenance', { method: 'POST' });

/** Vacuums and analyzes the embedded database now (409 on PostgreSQL, which autovacuum keeps); the page is read again after. */
export function useRunMaintenance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runMaintenance,
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: systemInfoQueryKey }), client.invalidateQueries({ queryKey: auditLogQueryKey })]);
    },
  });
}
