import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Clock } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { CollectionModule } from '../collection/collection.module';
import { FollowUpService } from '../collection/follow-up.service';
import { runDemoAccountingProgram } from './demo-accounting-program';
import { moveDemoInvoicesOverdue } from './demo-overdue';
import { DemoOverdueModule } from './demo-overdue.module';

/** `node .../demo-accounting-program.main.js`: sells the demo invoices through the running API. */
async function main(): Promise<void> {
  // Demo data only: a few bought demo invoices made overdue and followed up, so collection's overdue queue has work and
  // the demo's handoffs take invoices that are overdue (and reminded) as the API asks.
  const makeOverdue = async () => {
    const app = await NestFactory.createApplicationContext(DemoOverdueModule, { logger: ['error', 'warn'] });
    try {
      const overdue = await moveDemoInvoicesOverdue({
        db: app.get(DataSource),
        timeline: app.get(TimelineService),
        followUp: app.get(FollowUpService),
        clock: app.select(CollectionModule).get<symbol, Clock>(CLOCK, { strict: true }),
      });
      for (const m of overdue.moved) process.stdout.write(`  ${m.invoiceNumber}: due date moved to ${m.dueDate} (demo data)\n`);
      for (const run of overdue.followUp) process.stdout.write(`  Follow-up ${run.country} ${run.today}: ${run.acted} steps taken of ${run.looked} overdue${run.failed.length ? `, ${run.failed.length} refused` : ''}\n`);
    } finally {
      await app.close();
    }
  };
  const result = await runDemoAccountingProgram({
    apiUrl: process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    keysFile: process.env.DEMO_KEYS_FILE ?? 'tmp/demo-integration-keys.json',
    adminEmail: 'admin@demo.factoring.test',
    adminPassword: 'factoring-demo',
    analystEmail: 'analyst@demo.factoring.test',
    collectionEmail: 'collection@demo.factoring.test',
    financeEmail: 'finance@demo.factoring.test',
    secondFinanceEmail: 'all@demo.factoring.test',
    today: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
    log: (line) => process.stdout.write(`  ${line}\n`),
    beforeCollectionWork: makeOverdue,
  });
  process.stdout.write(`Demo accounting program: ${result.submitted} invoices submitted, ${result.accepted} offers accepted, ${result.purchased} spot checks confirmed, ${result.disputed ?? 0} disputes registered.\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`Demo accounting program failed: ${error.message}\n`);
  process.exit(1);
});
