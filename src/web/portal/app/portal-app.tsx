import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createPortalQueryClient } from '../lib/query-client.ts';
import { portalRouter } from './router.tsx';

export function PortalApp() {
  const [queryClient] = useState(createPortalQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={portalRouter} />
    </QueryClientProvider>
  );
}
