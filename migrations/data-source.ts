/**
 * DataSource for the TypeORM CLI (run, revert, generate, show). The API uses the same
 * migration list; `synchronize` is off everywhere: migrations are the only way the schema changes.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from './src';

export default new DataSource({
  type: 'postgres',
  // Migrations run as the owner role (issue 10 s.4), never as the application's role.
  url: process.env.DATABASE_MIGRATION_URL ?? 'postgres://factoring_owner@127.0.0.1:5432/factoring',
  entities: [__dirname + '/../apps/api/src/**/*.entity.ts'],
  migrations,
  synchronize: false,
  migrationsTransactionMode: 'each',
});
