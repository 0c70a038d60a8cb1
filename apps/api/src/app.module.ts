import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { complexityLimitPlugin, depthLimitRule } from './common/graphql-limits';
import { EdgeInputPipe } from './common/edge-input.pipe';
import { createValidationPipe, formatGraphQLError } from './common/graphql-errors';
import { APP_CONFIG, ConfigModule } from './config/config.module';
import { AppConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { ExposureModule } from './exposure/exposure.module';
import { LedgerModule } from './ledger/ledger.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { QueuesModule } from './queues/queues.module';
import { QueueBoardModule } from './queues/queue-board.module';
import { WorkersModule } from './queues/workers.module';
import { RedisModule } from './redis/redis.module';
import { StaffModule } from './staff/staff.module';
import { ClientsModule } from './clients/clients.module';
import { DebtorsModule } from './debtors/debtors.module';
import { IntegrationKeysModule } from './integration-keys/integration-keys.module';
import { DecimalString } from './common/decimal.scalar';
import { InvoicesModule } from './invoices/invoices.module';
import { CreditModule } from './credit/credit.module';
import { OutboxModule } from './outbox/outbox.module';
import { PayoutsModule } from './payouts/payouts.module';
import { PeppolModule } from './documents/peppol/peppol.module';
import { RuleSettingsModule } from './rule-settings/rule-settings.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ClientDocumentsModule } from './clients/documents/client-documents.module';
import { DocumentsModule } from './documents/documents.module';
import { InvoiceDocumentsModule } from './invoices/documents/invoice-documents.module';
import { DisputesModule } from './disputes/disputes.module';
import { RecourseModule } from './recourse/recourse.module';
import { CollectionModule } from './collection/collection.module';
import { PaymentsModule } from './payments/payments.module';
import { DeliveryModule } from './delivery/delivery.module';
import { CollectionCasesModule } from './collection-cases/collection-cases.module';
import { ClientApprovalsModule } from './client-approvals/client-approvals.module';
import { ClientViewModule } from './client-view/client-view.module';

export interface AppParts {
  /** The GraphQL API and /health. */
  http: boolean;
  /** The queue processors. */
  workers: boolean;
}

/** A caller's X-Request-Id is kept when it looks like an id; otherwise we make one. It is echoed back. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

const logging = LoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: requestId,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.variables.password'],
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      quietReqLogger: true,
    },
  }),
});

const graphql = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    introspection: config.NODE_ENV !== 'production',
    // No "Did you mean ...?" in production: it would hand the schema out piece by piece (issue 10).
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === 'production',
    playground: false,
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // Input refused at the edge (argument pipes) carries HTTP 400 (issue 10): Nest would reset it to 200.
    preserveHttpStatusForExecutionErrors: false,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    validationRules: [depthLimitRule(config.GRAPHQL_MAX_DEPTH)],
    plugins: [complexityLimitPlugin(config.GRAPHQL_MAX_COMPLEXITY, config.GRAPHQL_MAX_ROOT_FIELDS)],
  }),
});

/** The API process and the worker process are the same code with different parts switched on. */
@Module({})
export class AppModule {
  static register(parts: AppParts): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule,
        logging,
        DatabaseModule,
        RedisModule,
        QueuesModule,
        AuditModule,
        OutboxModule,
        ExposureModule,
        LedgerModule,
        PeppolModule,
        ...(parts.http
          ? [graphql, AuthModule, StaffModule, ClientsModule, DebtorsModule, IntegrationKeysModule, InvoicesModule, CreditModule, RuleSettingsModule, WebhooksModule, HealthModule, PayoutsModule, QueueBoardModule, HomeModule]
          : []),
        ...(parts.http ? [DocumentsModule, InvoiceDocumentsModule, ClientDocumentsModule] : []),
        ...(parts.http ? [DisputesModule, RecourseModule] : []),
        ...(parts.http ? [CollectionModule, CollectionCasesModule, ClientApprovalsModule, ClientViewModule] : []),
        ...(parts.http ? [PaymentsModule] : []),
        ...(parts.http ? [DeliveryModule] : []),
        ...(parts.workers ? [WorkersModule] : []),
      ],
      providers: [{ provide: APP_PIPE, useClass: EdgeInputPipe }, { provide: APP_PIPE, useFactory: createValidationPipe }, ...(parts.http ? [DecimalString] : [])],
    };
  }
}
