/**
 * DataSource for the TypeORM CLI (run, revert, generate, show). The API uses the same
 * migration list; `synchronize` is off everywhere: migrations are the only way the schema changes.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from './src';

export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/factoring',
  entities: [__dirname + '/../apps/api/src/**/*.entity.ts'],
  migrations,
  synchronize: false,
  migrationsTransactionMode: 'each',
});
