import { UnitOfWork } from '../audit/unit-of-work';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, InvalidValueError, LocalDate, nextClientState } from '@factoring/domain';
import { analystRefusal, applicationAnswerDue, checkClientApplication } from '@factoring/rules';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { StaffPrincipal } from '../auth/principal';
import { reasonView } from '../common/dto/common.types';
import { WorkQueueClaims } from '../common/work-queue-claims';
import { AgreementTerms } from './agreement-terms';
import { parseClientAccount } from './bank-accounts';
import { CLIENT, ClientLifecycle } from './client-lifecycle';
import { ClientsRepository } from './clients.repository';
import { ClientApplicationsArgs, ClientApplicationInput, ClientApplicationType, ClientType } from './dto/client.types';
import { ClientError } from './client-errors';

export { CLIENT } from './client-lifecycle';
export const CLIENT_APPLICATION = 'CLIENT_APPLICATION';

const staffActor = (staff: StaffPrincipal) => ({ type: 'STAFF' as const, id: staff.id, name: staff.name });

/**
 * The applications queue: a company applies (free, seed 000/001), the rules refuse what
 * can never pass (bankrupt, in liquidation), and a credit analyst claims the rest, then
 * approves with an agreement or refuses with reasons. A refused company may apply again
 * and is assessed anew; every application is kept.
 */
@Injectable()
export class ClientApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ClientsRepository,
    private readonly timeline: TimelineService,
    private readonly agreementTerms: AgreementTerms,
    private readonly lifecycle: ClientLifecycle,
    private readonly uow: UnitOfWork,
  ) {}

  /** The applications queue, oldest first. */
  applications(args: ClientApplicationsArgs, staffId: string, now: Date) {
    return this.repository.applications(args, staffId, now);
  }

  application(id: string, now: Date) {
    return this.repository.application(id, now);
  }

  private readonly claims = new WorkQueueClaims<{ id: string; claimed_by: string | null }>({
    table: 'client_application',
    codePrefix: 'CLIENT_APPLICATION',
    noun: 'application',
    record: (tx, application, by, reason, step) =>
      this.timeline.record(tx, { entityType: CLIENT_APPLICATION, entityId: application.id, actor: staffActor(by), fromState: 'PENDING', toState: 'PENDING', reason, details: { step } }),
  });

  async submit(input: ClientApplicationInput, by: StaffPrincipal, now = new Date()): Promise<ClientApplicationType> {
    const check = checkClientApplication({
      country: input.country,
      organisationNumber: input.organisationNumber,
      companyForm: input.companyForm,
      registryStatus: input.registryStatus,
    });
    // Input that can never be right (a mistyped number, a form we do not know) is bad input and stores nothing.
    for (const reason of check.reasons) {
      if (reason.code === 'ORGANISATION_NUMBER_INVALID') throw new InvalidValueError(reason.code, reason.message.en, 'input.organisationNumber');
      if (reason.code === 'COMPANY_FORM_NOT_ALLOWED' || reason.code === 'COMPANY_FORM_NUMBER_MISMATCH') {
        throw new InvalidValueError(reason.code, reason.message.en, 'input.companyForm');
      }
    }
    const organisationNumber = check.organisationNumber!;
    const payoutAccount = parseClientAccount(input.payoutAccount, input.country, 'input.payoutAccount');
    const repaymentAccount = parseClientAccount(input.repaymentAccount, input.country, 'input.repaymentAccount');
    const today = LocalDate.today(input.country === 'NO' ? 'Europe/Oslo' : 'Europe/Stockholm', now);
    const answerDueOn = applicationAnswerDue(today, input.country).toString();
    const refused = check.outcome === 'REFUSED';
    const details = {
      registryStatus: input.registryStatus,
      address: input.address,
      contact: input.contact,
      payoutAccount,
      repaymentAccount,
      accountingProgram: input.accountingProgram ?? null,
      legalName: input.legalName,
      companyForm: input.companyForm,
    };

    const applicationId = await this.uow.transaction(async (tx) => {
      const clientId = await this.clientFor(tx, input, organisationNumber, by);
      const [{ id }] = await tx.query(
        `INSERT INTO client_application (client_id, submitted_by, answer_due_on, details, automatic_reasons, state, decided_at, refusal_reasons)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [clientId, by.id, answerDueOn, details, JSON.stringify(check.reasons.map(reasonView)), refused ? 'REFUSED' : 'PENDING', refused ? now : null, null],
      ).catch(pendingConflict);
      await this.timeline.record(tx, { entityType: CLIENT_APPLICATION, entityId: id, actor: staffActor(by), toState: refused ? 'REFUSED' : 'PENDING', reason: refused ? 'Refused by the rules at submission' : 'Submitted', details: refused ? { step: 'APPLICATION_REFUSED_BY_RULES', reasons: check.reasons.map((r) => r.code) } : { step: 'APPLICATION_SUBMITTED' } });
      if (refused) await this.moveClient(tx, clientId, 'REFUSE', by, check.reasons.map((r) => r.message.en).join(' '));
      return id as string;
    });
    return this.repository.application(applicationId, now);
  }

  /** Takes ownership; someone else's claim is a CONFLICT naming them. */
  async claim(id: string, by: StaffPrincipal, now = new Date()): Promise<ClientApplicationType> {
    await this.uow.transaction(async (tx) => this.claims.claim(tx, await this.pendingOrConflict(tx, id), by));
    return this.repository.application(id, now);
  }

  /** Claims the oldest unclaimed pending application (optionally of one country). */
  async claimNext(country: 'SE' | 'NO' | undefined, by: StaffPrincipal, now = new Date()): Promise<ClientApplicationType | null> {
    const next = await this.uow.transaction((tx) =>
      this.claims.claimNext(
        tx,
        `SELECT a.id, a.claimed_by FROM client_application a JOIN client c ON c.id = a.client_id
          WHERE a.state = 'PENDING' AND a.claimed_by IS NULL AND ($1::text IS NULL OR c.country = $1)
          ORDER BY a.submitted_at, a.id LIMIT 1 FOR UPDATE OF a SKIP LOCKED`,
        [country ?? null],
        by,
      ),
    );
    return next ? this.repository.application(next.id, now) : null;
  }

  async release(id: string, by: StaffPrincipal, now = new Date()): Promise<ClientApplicationType> {
    await this.uow.transaction(async (tx) => this.claims.release(tx, await this.pendingOrConflict(tx, id), by));
    return this.repository.application(id, now);
  }

  /** Approves: the client becomes active with its first agreement. Unclaimed items are claimed on the way. */
  async approve(id: string, terms: Parameters<AgreementTerms['validate']>[0], note: string | undefined, by: StaffPrincipal, now = new Date()): Promise<ClientApplicationType> {
    await this.uow.transaction(async (tx) => {
      const application = await this.decidable(tx, id, by);
      const client = await this.repository.lockClient(tx, application.client_id);
      const details = application.details as { payoutAccount: { kind: string; value: string }; repaymentAccount: { kind: string; value: string } };
      const agreement = this.agreementTerms.validate(terms, client.country, 'terms', {
        payoutAccount: details.payoutAccount,
        repaymentAccount: details.repaymentAccount,
      });
      await this.agreementTerms.insertVersion(tx, client.id, 1, agreement, by, note?.length ? note : 'Agreement on approval');
      await tx.query(
        `UPDATE client_application SET state = 'APPROVED', decided_by = $2, decided_at = now(), claimed_by = $2, claimed_at = coalesce(claimed_at, now()),
                decision_note = $3, version = version + 1 WHERE id = $1`,
        [id, by.id, note ?? null],
      );
      await this.timeline.record(tx, { entityType: CLIENT_APPLICATION, entityId: id, actor: staffActor(by), fromState: 'PENDING', toState: 'APPROVED', reason: note ?? null, details: { step: 'APPLICATION_APPROVED', typed: note ?? null } });
      await this.moveClient(tx, client.id, 'APPROVE', by, note ?? 'Application approved', { typed: note ?? null });
    });
    return this.repository.application(id, now);
  }

  async refuse(id: string, reasonCodes: string[], note: string | undefined, by: StaffPrincipal, now = new Date()): Promise<ClientApplicationType> {
    const refusal = analystRefusal(reasonCodes, note);
    await this.uow.transaction(async (tx) => {
      const application = await this.decidable(tx, id, by);
      await tx.query(
        `UPDATE client_application SET state = 'REFUSED', decided_by = $2, decided_at = now(), claimed_by = $2, claimed_at = coalesce(claimed_at, now()),
                refusal_reasons = $3, decision_note = $4, version = version + 1
          WHERE id = $1`,
        [id, by.id, refusal.reasons.map((r) => r.code), note ?? null],
      );
      await this.timeline.record(tx, { entityType: CLIENT_APPLICATION, entityId: id, actor: staffActor(by), fromState: 'PENDING', toState: 'REFUSED', reason: note ?? null, details: { step: 'APPLICATION_REFUSED', typed: note ?? null, reasons: refusal.reasons.map((r) => r.code) } });
      await this.moveClient(tx, application.client_id, 'REFUSE', by, refusal.reasons.map((r) => r.message.en).join(' '));
    });
    return this.repository.application(id, now);
  }

  /** The company's client record: new, or an earlier one applying anew after a refusal or termination. */
  private async clientFor(tx: EntityManager, input: ClientApplicationInput, organisationNumber: string, by: StaffPrincipal): Promise<string> {
    const [existing] = await tx.query(`SELECT id, state FROM client WHERE country = $1 AND organisation_number = $2 FOR UPDATE`, [input.country, organisationNumber]);
    const values = [input.legalName, input.companyForm, input.address, input.contact, input.accountingProgram ?? null];
    if (!existing) {
      const inserted = await tx.query(
        `INSERT INTO client (country, currency, organisation_number, legal_name, company_form, address, contact, accounting_program, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'APPLIED') ON CONFLICT (country, organisation_number) DO NOTHING RETURNING id`,
        [input.country, input.country === 'SE' ? 'SEK' : 'NOK', organisationNumber, ...values],
      );
      if (!inserted.length) throw new ConflictError(ClientError.CLIENT_APPLICATION_RACE, 'Someone registered this company at the same moment; reload and try again.');
      await this.timeline.record(tx, { entityType: CLIENT, entityId: inserted[0].id, actor: staffActor(by), toState: 'APPLIED', reason: 'Applied to sell invoices', details: { step: 'CLIENT_APPLIED' } });
      return inserted[0].id;
    }
    if (existing.state === 'APPLIED') {
      throw new ConflictError(ClientError.CLIENT_APPLICATION_PENDING, 'This company already has an application waiting for assessment.');
    }
    if (existing.state === 'ACTIVE' || existing.state === 'BLOCKED') {
      throw new ConflictError(ClientError.CLIENT_ALREADY_ACTIVE, 'This company is already a client; change its agreement instead.');
    }
    await tx.query(
      `UPDATE client SET legal_name = $2, company_form = $3, address = $4, contact = $5, accounting_program = $6, updated_at = now() WHERE id = $1`,
      [existing.id, ...values],
    );
    await this.moveClient(tx, existing.id, 'REAPPLY', by, 'Applied again; assessed anew');
    return existing.id;
  }

  private async moveClient(tx: EntityManager, clientId: string, event: Parameters<typeof nextClientState>[1], by: StaffPrincipal, reason: string, details: Record<string, unknown> = {}): Promise<ClientType['state']> {
    const client = await this.repository.lockClient(tx, clientId);
    const next = nextClientState(client.state, event);
    await this.lifecycle.change(tx, client, { state: next, blockReasons: [] }, staffActor(by), reason, { step: `CLIENT_${event}`, ...details });
    return next as ClientType['state'];
  }

  private async pendingOrConflict(tx: EntityManager, id: string) {
    const application = await this.repository.lockApplication(tx, id);
    if (application.state !== 'PENDING') {
      throw new ConflictError(ClientError.CLIENT_APPLICATION_DECIDED, `This application has already been ${application.state.toLowerCase()}.`);
    }
    return application;
  }

  /** Pending, and either unclaimed or claimed by the person deciding. */
  private async decidable(tx: EntityManager, id: string, by: StaffPrincipal) {
    const application = await this.pendingOrConflict(tx, id);
    await this.claims.assertFreeOrMine(tx, application, by);
    return application;
  }
}

function pendingConflict(error: { code?: string; constraint?: string }): never {
  if (error.code === '23505' && error.constraint === 'client_application_one_pending') {
    throw new ConflictError(ClientError.CLIENT_APPLICATION_PENDING, 'This company already has an application waiting for assessment.');
  }
  throw error;
}

