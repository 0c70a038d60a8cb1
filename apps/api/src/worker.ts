import 'reflect-metadata';
import { createWorkerApp } from './bootstrap';
import { configOrExit } from './config/start-or-explain';

async function main(): Promise<void> {
  const config = await configOrExit('the workers', { preflight: true });
  await createWorkerApp();
  process.stdout.write(`Workers ready (queue prefix "${config.QUEUE_PREFIX}")\n`);
}

void main();
