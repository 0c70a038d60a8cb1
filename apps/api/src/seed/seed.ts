import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/principal';
import { hashPassword } from '../auth/password';
import { ClientApplicationsService } from '../clients/client-applications.service';
import { ClientsService } from '../clients/clients.service';
import { DebtorsService } from '../debtors/debtors.service';
import { DEMO_CLIENTS, DEMO_DEBTORS, demoAddress } from './demo-clients';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff';

export interface SeedServices {
  db: DataSource;
  applications: ClientApplicationsService;
  clients: ClientsService;
  debtors: DebtorsService;
}

/**
 * Loads the demo data through the same services the API uses, so the demo shows what the
 * real paths produce (timelines, agreements, reasons). Idempotent: everything is keyed by a
 * natural key (e-mail, organisation number) and made only when missing.
 */
export async function seedDemoData(services: SeedServices): Promise<{ staffCreated: number; clientsCreated: number; debtorsCreated: number }> {
  const staffCreated = await seedStaff(services.db);
  const analyst = await principal(services.db, 'analyst@demo.factoring.test');
  const admin = await principal(services.db, 'admin@demo.factoring.test');
  return { staffCreated, clientsCreated: await seedClients(services, analyst, admin), debtorsCreated: await seedDebtors(services, analyst) };
}

async function seedStaff(db: DataSource): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await db.transaction(async (tx) => {
    for (const person of DEMO_STAFF) {
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO staff_member (email, name, roles, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [person.email, person.name, person.roles, hash],
      );
      if (rows.length === 0) continue;
      created += 1;
      await tx.query(
        `INSERT INTO timeline_event (entity_type, entity_id, actor_type, to_state, reason, details)
         VALUES ('STAFF_MEMBER', $1, 'SYSTEM', 'ACTIVE', 'Demo data', $2)`,
        [rows[0].id, { step: 'DEMO_ACCOUNT_CREATED', roles: person.roles }],
      );
    }
  });
  return created;
}

async function seedClients({ db, applications, clients }: SeedServices, analyst: StaffPrincipal, admin: StaffPrincipal): Promise<number> {
  let created = 0;
  for (const demo of DEMO_CLIENTS) {
    const [exists] = await db.query(`SELECT 1 FROM client WHERE country = $1 AND organisation_number = $2`, [demo.country, demo.organisationNumber]);
    if (exists) continue;
    created += 1;
    const application = await applications.submit(
      {
        country: demo.country as never,
        organisationNumber: demo.organisationNumber,
        legalName: demo.legalName,
        companyForm: demo.companyForm,
        registryStatus: (demo.registryStatus ?? 'ACTIVE') as never,
        address: demoAddress(demo),
        contact: { name: 'Demo Contact', email: `info@${demo.legalName.toLowerCase().replace(/[^a-z]+/g, '')}.example`, phone: demo.country === 'SE' ? '+46 8 123 45 67' : '+47 22 12 34 56' },
        payoutAccount: demo.account as never,
        repaymentAccount: demo.account as never,
        accountingProgram: demo.accountingProgram,
      },
      analyst,
    );
    if (demo.target === 'APPLIED' || application.state === 'REFUSED') continue;
    if (demo.target === 'REFUSED') {
      await applications.refuse(application.id, ['SIGNIFICANT_PAYMENT_REMARKS'], demo.note, analyst);
      continue;
    }
    await applications.approve(
      application.id,
      {
        feePercent: demo.feePercent ?? '2',
        recourseModes: ['WITH_RECOURSE', 'WITHOUT_RECOURSE'] as never,
        creditLimit: demo.country === 'SE' ? '500000' : '750000',
        spotCheckIntensity: 'HIGH' as never,
        deliveryChannel: 'EMAIL' as never,
      },
      'Approved in the demo',
      analyst,
    );
    if (demo.target === 'BLOCKED') await clients.block(application.clientId, 'OVERDUE_RECOURSE_INVOICE', demo.note ?? 'Blocked in the demo', analyst);
    if (demo.target === 'TERMINATED') await clients.terminate(application.clientId, demo.note ?? 'Terminated in the demo', admin);
  }
  return created;
}

async function seedDebtors({ db, debtors }: SeedServices, analyst: StaffPrincipal): Promise<number> {
  let created = 0;
  for (const demo of DEMO_DEBTORS) {
    const [exists] = await db.query(`SELECT 1 FROM debtor WHERE country = $1 AND identity_number = $2`, [demo.country, demo.identityNumber]);
    if (exists) continue;
    created += 1;
    const debtor = await debtors.register(
      {
        country: demo.country as never,
        kind: demo.kind as never,
        identityNumber: demo.identityNumber,
        name: demo.name,
        address: demo.country === 'SE' ? { street: 'Kungsgatan 3', postalCode: '753 21', city: demo.city, country: 'SE' } : { street: 'Bryggen 7', postalCode: '5003', city: demo.city, country: 'NO' },
        creditLimit: demo.creditLimit,
        email: demo.email,
      },
      analyst,
    );
    for (const pair of demo.pairs) {
      const [client] = await db.query(`SELECT id FROM client WHERE country = $1 AND organisation_number = $2`, [demo.country, pair.client]);
      await debtors.setClientDebtorTerms({ clientId: client.id, debtorId: debtor.id, creditLimit: pair.creditLimit, reason: 'Demo data' }, analyst);
      if (pair.relation) await debtors.markRelation({ clientId: client.id, debtorId: debtor.id, relation: pair.relation as never, note: pair.note ?? 'Related' }, analyst);
    }
  }
  return created;
}

async function principal(db: DataSource, email: string): Promise<StaffPrincipal> {
  const [row] = await db.query(`SELECT id, email, name, roles FROM staff_member WHERE email = $1`, [email]);
  return { ...row, sessionId: 'seed' };
}
