import 'reflect-metadata';
import { redactUrl } from '../config/config.schema';
import { checkPostgres } from '../config/preflight';
import { configOrExit } from '../config/start-or-explain';
import { ensureDatabase, runMigrations } from './migrate';

/** `npm start` runs this: create the database if needed, then apply pending migrations. */
async function main(): Promise<void> {
  const config = await configOrExit('the migrations', { preflight: false });
  const adminUrl = new URL(config.DATABASE_URL);
  adminUrl.pathname = '/postgres';
  await checkPostgres(adminUrl.toString()).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
  if (await ensureDatabase(config.DATABASE_URL)) {
    process.stdout.write(`Created database ${redactUrl(config.DATABASE_URL)}\n`);
  }
  const applied = await runMigrations(config.DATABASE_URL);
  process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
}

void main();
