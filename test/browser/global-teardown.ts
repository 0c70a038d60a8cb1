import type { Stack } from '../support/stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __BROWSER_STACK__?: Stack }).__BROWSER_STACK__?.stop();
}
