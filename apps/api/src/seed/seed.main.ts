import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ClientApplicationsService } from '../clients/client-applications.service';
import { ClientsService } from '../clients/clients.service';
import { configOrExit } from '../config/start-or-explain';
import { DebtorsService } from '../debtors/debtors.service';
import { seedDemoData } from './seed';
import { SeedModule } from './seed.module';

async function main(): Promise<void> {
  await configOrExit('the demo data load', { preflight: true });
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const result = await seedDemoData({
      db: app.get(DataSource),
      applications: app.get(ClientApplicationsService),
      clients: app.get(ClientsService),
      debtors: app.get(DebtorsService),
    });
    process.stdout.write(
      `Demo data loaded (${result.staffCreated} new staff members, ${result.clientsCreated} new clients, ${result.debtorsCreated} new debtors).\n`,
    );
  } finally {
    await app.close();
  }
}

void main();
