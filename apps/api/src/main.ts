import 'reflect-metadata';
import { createApiApp } from './bootstrap';
import { configOrExit } from './config/start-or-explain';

async function main(): Promise<void> {
  const config = await configOrExit('the API', { preflight: true });
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`API ready at http://${config.HOST}:${config.PORT}/graphql (health: /health)\n`);
}

void main();
