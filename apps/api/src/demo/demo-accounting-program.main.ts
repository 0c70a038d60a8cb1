import { runDemoAccountingProgram } from './demo-accounting-program';

/** `node .../demo-accounting-program.main.js`: sells the demo invoices through the running API. */
async function main(): Promise<void> {
  const result = await runDemoAccountingProgram({
    apiUrl: process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    keysFile: process.env.DEMO_KEYS_FILE ?? 'tmp/demo-integration-keys.json',
    adminEmail: 'admin@demo.factoring.test',
    adminPassword: 'factoring-demo',
    analystEmail: 'analyst@demo.factoring.test',
    collectionEmail: 'collection@demo.factoring.test',
    financeEmail: 'finance@demo.factoring.test',
    today: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  process.stdout.write(`Demo accounting program: ${result.submitted} invoices submitted, ${result.accepted} offers accepted, ${result.purchased} spot checks confirmed, ${result.disputed ?? 0} disputes registered.\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`Demo accounting program failed: ${error.message}\n`);
  process.exit(1);
});
