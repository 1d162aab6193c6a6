import './zod-without-eval';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createContractClient } from '@contract';
import { ApiProvider } from './api-context';
import { createQueryClient } from './query-client';
import { AppRoutes } from './routes';
import { selectTransport } from './transport';
import './styles.css';

// Chosen once at startup: the page never moves between Electron and the browser.
const transport = selectTransport();
const client = createContractClient(transport);
const queryClient = createQueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiProvider client={client} transport={transport}>
      <QueryClientProvider client={queryClient}>
        <AppRoutes />
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
