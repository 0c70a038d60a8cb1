import { startStack, Stack } from '../support/stack';

/**
 * The browser tests run against the product as `npm start` runs it: the built API and
 * workers and the built console (vite preview), on free ports, with a fresh database and
 * the demo data. CONSOLE_URL, when set, points them at a console that is already running.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.CONSOLE_URL) return;
  const stack = await startStack({ console: true, name: 'browser' });
  (globalThis as { __BROWSER_STACK__?: Stack }).__BROWSER_STACK__ = stack;
  process.env.CONSOLE_URL = stack.consoleUrl;
  process.env.API_URL = stack.apiUrl;
  // The tests' own connection to the stack's database (the tour checks the home's counts against it).
  process.env.BROWSER_DATABASE_URL = stack.databaseUrl;
}
