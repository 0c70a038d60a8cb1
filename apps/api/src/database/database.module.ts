import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';

/**
 * TypeORM over pg. `synchronize` stays off: migrations/ is the only way the schema changes, run
 * as the owner role (DATABASE_MIGRATION_URL). The API and the workers connect as DATABASE_URL,
 * the application's role (factoring_app), which owns nothing and has only the rights it uses.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        // jit off for the application's connections: its statements are short (OLTP) and set-based ones over thousands of
        // rows get large cost estimates, so PostgreSQL compiled each one (0.5 s of JIT for a 0.15 s query; bench/README.md,
        // payments-import, third round).
        extra: { max: config.DATABASE_POOL_SIZE, options: '-c jit=off' },
        // Query errors surface as exceptions and are logged once, by the GraphQL error formatter.
        logging: false,
      }),
    }),
  ],
})
export class DatabaseModule {}
