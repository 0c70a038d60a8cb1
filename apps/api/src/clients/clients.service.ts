import { Injectable } from '@nestjs/common';
import { blockClient, ClientBlockReason, ClientStanding, ConflictError, InvalidValueError, liftClientBlock, nextClientState } from '@factoring/domain';
import { checkLimitChange } from '@factoring/rules';
import { TimelineService } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { ClientLifecycle } from './client-lifecycle';
import { StaffPrincipal } from '../auth/principal';
import { AgreementTerms } from './agreement-terms';
import { CLIENT } from './client-lifecycle';
import { ClientsRepository } from './clients.repository';
import { AgreementTermsInput, ClientsArgs, ClientType } from './dto/client.types';
import { ClientError } from './client-errors';

/** An active client's life: agreement changes (with history), blocking and termination. */
@Injectable()
export class ClientsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: ClientsRepository,
    private readonly timeline: TimelineService,
    private readonly agreementTerms: AgreementTerms,
    private readonly lifecycle: ClientLifecycle,
  ) {}

  clients(args: ClientsArgs) {
    return this.repository.clients(args);
  }

  client(id: string) {
    return this.repository.client(id);
  }

  async agreementHistory(clientId: string) {
    return (await this.repository.agreements([clientId])).get(clientId) ?? [];
  }

  /**
   * Adds a block reason (issue 9 b). In the same transaction nothing in flight may still be
   * bought: open offers are withdrawn and invoices waiting for a decision end denied.
   */
  async block(id: string, blockReason: ClientBlockReason, reason: string, by: StaffPrincipal): Promise<ClientType> {
    return this.changeStanding(id, by, reason, (standing) => blockClient(standing, blockReason), { step: 'CLIENT_BLOCKED', blockReason });
  }

  /** Lifts one block reason (the only one when left out); the client sells again when none is left. */
  async unblock(id: string, blockReason: ClientBlockReason | undefined, reason: string, by: StaffPrincipal): Promise<ClientType> {
    return this.changeStanding(id, by, reason, (standing) => {
      const lift = blockReason ?? (standing.blockReasons.length === 1 ? standing.blockReasons[0] : undefined);
      if (!lift) throw new InvalidValueError(ClientError.CLIENT_BLOCK_REASON_REQUIRED, `Say which block to lift: ${standing.blockReasons.join(' or ')}.`, 'blockReason');
      return liftClientBlock(standing, lift);
    }, { step: 'CLIENT_UNBLOCKED', blockReason: blockReason ?? null });
  }

  async terminate(id: string, reason: string, by: StaffPrincipal): Promise<ClientType> {
    return this.changeStanding(id, by, reason, (standing) => ({ state: nextClientState(standing.state, 'TERMINATE'), blockReasons: [] }), { step: 'CLIENT_TERMINATED' });
  }

  private async changeStanding(id: string, by: StaffPrincipal, reason: string, change: (standing: ClientStanding) => ClientStanding, details: Record<string, unknown>): Promise<ClientType> {
    await this.uow.transaction(async (tx) => {
      const client = await this.repository.lockClient(tx, id);
      const next = change({ state: client.state, blockReasons: client.block_reasons as ClientBlockReason[] });
      await this.lifecycle.change(tx, client, next, { type: 'STAFF', id: by.id, name: by.name }, reason, { ...details, typed: reason });
    });
    return this.repository.client(id);
  }

  /**
   * A new agreement version. A credit limit below what the factor already has outstanding
   * with the client is allowed only with the reason saying why (it stops new purchases).
   */
  async updateAgreement(id: string, input: AgreementTermsInput, expectedVersion: number, reason: string, by: StaffPrincipal): Promise<ClientType> {
    await this.uow.transaction(async (tx) => {
      const client = await this.repository.lockClient(tx, id);
      const current = (await this.repository.agreements([id], tx, true)).get(id)?.[0];
      if (!current) throw new ConflictError(ClientError.CLIENT_HAS_NO_AGREEMENT, 'This client has no agreement yet; approve its application first.');
      if (current.version !== expectedVersion) {
        throw new ConflictError(ClientError.CLIENT_AGREEMENT_CHANGED, `Someone changed this agreement since you opened it (you edited version ${expectedVersion}, it is now ${current.version}). Reload and try again.`, { currentVersion: current.version });
      }
      const terms = this.agreementTerms.validate(input, client.country, 'terms', current);
      const limitCheck = checkLimitChange({ newLimit: terms.creditLimit, exposure: client.exposure, reason });
      await this.agreementTerms.insertVersion(tx, id, current.version + 1, terms, by, reason);
      await tx.query(`UPDATE client SET updated_at = now(), version = version + 1 WHERE id = $1`, [id]);
      await this.timeline.record(tx, {
        entityType: CLIENT,
        entityId: id,
        actor: { type: 'STAFF', id: by.id, name: by.name },
        fromState: client.state,
        toState: client.state,
        reason: `Agreement version ${current.version + 1}: ${reason}`,
        details: { step: 'AGREEMENT_CHANGED', version: current.version + 1, typed: reason, warnings: limitCheck.warnings.map((w) => w.code), creditLimit: { from: current.creditLimit, to: terms.creditLimit } },
      });
    });
    return this.repository.client(id);
  }
}
