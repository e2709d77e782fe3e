import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/problem';
import { AuthProvider } from './auth/AuthContext';
import { ToastProvider } from './feedback/Feedback';
import { App } from './shell/App';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live updates keep the caches fresh; refetch on focus as a safety net.
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AuthProvider>
          <App />
        </AuthProvider>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
