import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The console talks to the API through the dev/preview server's proxy, so the browser
// sees one origin and the API needs no CORS set-up. API_URL points it elsewhere.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiUrl, changeOrigin: true },
  '/health': { target: apiUrl, changeOrigin: true },
  // Bull Board (issue 9 g): its cookie is the console origin's, on this path only.
  '/admin/queues': { target: apiUrl, changeOrigin: true },
};

// CONSOLE_PORT overrides the port of whichever server runs. The npm scripts pass
// `--port`, and command-line options beat this file, so the override is applied in a
// plugin's config hook, which Vite merges after the command line.
const consolePort = process.env.CONSOLE_PORT ? Number(process.env.CONSOLE_PORT) : undefined;
const consolePortOverride = (): Plugin => ({
  name: 'console-port-override',
  config: () =>
    consolePort ? { server: { port: consolePort }, preview: { port: consolePort } } : undefined,
});

export default defineConfig({
  plugins: [react(), consolePortOverride()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2500 },
});
