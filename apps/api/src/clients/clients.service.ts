import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, nextClientState } from '@factoring/domain';
import { checkLimitChange } from '@factoring/rules';
import { DataSource } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { StaffPrincipal } from '../auth/principal';
import { AgreementTerms } from './agreement-terms';
import { CLIENT } from './client-applications.service';
import { ClientsRepository } from './clients.repository';
import { AgreementTermsInput, ClientType } from './dto/client.types';

type ClientEvent = 'BLOCK' | 'UNBLOCK' | 'TERMINATE';

/** An active client's life: agreement changes (with history), blocking and termination. */
@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ClientsRepository,
    private readonly timeline: TimelineService,
    private readonly agreementTerms: AgreementTerms,
  ) {}

  async changeState(id: string, event: ClientEvent, reason: string, by: StaffPrincipal): Promise<ClientType> {
    await this.db.transaction(async (tx) => {
      const client = await this.repository.lockClient(tx, id);
      const next = nextClientState(client.state, event);
      await tx.query(`UPDATE client SET state = $2, state_reason = $3, updated_at = now(), version = version + 1 WHERE id = $1`, [id, next, reason]);
      await this.timeline.record(tx, { entityType: CLIENT, entityId: id, actor: { type: 'STAFF', id: by.id, name: by.name }, fromState: client.state, toState: next, reason });
    });
    return this.repository.client(id);
  }

  /**
   * A new agreement version. A credit limit below what the factor already has outstanding
   * with the client is allowed only with the reason saying why (it stops new purchases).
   */
  async updateAgreement(id: string, input: AgreementTermsInput, expectedVersion: number, reason: string, by: StaffPrincipal): Promise<ClientType> {
    await this.db.transaction(async (tx) => {
      const client = await this.repository.lockClient(tx, id);
      const current = (await this.repository.agreements([id], tx, true)).get(id)?.[0];
      if (!current) throw new ConflictError('CLIENT_HAS_NO_AGREEMENT', 'This client has no agreement yet; approve its application first.');
      if (current.version !== expectedVersion) {
        throw new ConflictError('CLIENT_AGREEMENT_CHANGED', `Someone changed this agreement since you opened it (you edited version ${expectedVersion}, it is now ${current.version}). Reload and try again.`, { currentVersion: current.version });
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
        details: { warnings: limitCheck.warnings.map((w) => w.code), creditLimit: { from: current.creditLimit, to: terms.creditLimit } },
      });
    });
    return this.repository.client(id);
  }
}
