/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite';

type ProxyServer = Parameters<NonNullable<ProxyOptions['configure']>>[0];
import react from '@vitejs/plugin-react';

// The server serves ui/dist at "/" on the same origin as /api and /ws, so assets use absolute
// "/assets/..." URLs (base "/"). In development Vite proxies the API and the STOMP endpoint to
// a Newsroom server on :8080 (override with NEWSROOM_URL).
const target = process.env.NEWSROOM_URL ?? 'http://localhost:8080';

// The server accepts the STOMP handshake from its own origin only; through the proxy the browser's
// Origin is Vite's, so present the server's own origin instead.
function sameOrigin(proxy: ProxyServer) {
  const origin = new URL(target).origin;
  proxy.on('proxyReq', (request) => {
    if (request.getHeader('origin')) request.setHeader('origin', origin);
  });
  proxy.on('proxyReqWs', (request) => {
    if (request.getHeader('origin')) request.setHeader('origin', origin);
  });
}

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      output: {
        manualChunks: (id) => {
          if (id.includes('node_modules/@fullcalendar') || id.includes('node_modules/preact')) return 'calendar';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target, changeOrigin: true, configure: sameOrigin },
      '/actuator': { target, changeOrigin: true },
      '/ws': { target: target.replace(/^http/, 'ws'), ws: true, changeOrigin: true, configure: sameOrigin },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // logic runs in node; component tests (*.test.tsx) in jsdom with Testing Library
    environment: 'node',
    setupFiles: ['./src/test-setup.ts'],
    // component tests type and click through whole forms; the build machine is shared and slow at times
    testTimeout: 20_000,
  },
});
