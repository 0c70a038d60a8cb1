import 'reflect-metadata';
import { redactUrl } from '../config/config.schema';
import { checkPostgres } from '../config/preflight';
import { configOrExit } from '../config/start-or-explain';
import { ensureDatabase, prepareDatabase, runMigrations } from './migrate';

/**
 * `npm start` runs this: with DATABASE_ADMIN_URL (a development or test machine), create both
 * roles and the database owned by the owner role when missing; without it (production), the
 * database and roles were made by hand. Then apply pending migrations as the owner role
 * (DATABASE_MIGRATION_URL); the API and the workers connect as the application's (DATABASE_URL).
 */
async function main(): Promise<void> {
  const config = await configOrExit('the migrations', { preflight: false });
  const migrationUrl = config.DATABASE_MIGRATION_URL;
  const serverUrl = new URL(config.DATABASE_ADMIN_URL ?? migrationUrl);
  serverUrl.pathname = '/postgres';
  await checkPostgres(serverUrl.toString()).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
  const created = config.DATABASE_ADMIN_URL
    ? await prepareDatabase({ adminUrl: config.DATABASE_ADMIN_URL, migrationUrl, appUrl: config.DATABASE_URL })
    : await ensureDatabase(migrationUrl);
  if (created) process.stdout.write(`Created database ${redactUrl(migrationUrl)}\n`);
  const applied = await runMigrations(migrationUrl);
  process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
}

void main();
