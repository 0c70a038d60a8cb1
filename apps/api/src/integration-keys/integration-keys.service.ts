import { createHash, randomBytes } from 'node:crypto';
import { UnitOfWork } from '../audit/unit-of-work';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { ClientKeyPrincipal, StaffPrincipal } from '../auth/principal';
import { IntegrationKeyType } from './integration-key.types';
import { IntegrationKeyError } from './integration-key-errors';


export const INTEGRATION_KEY_PREFIX = 'fkey_';

/**
 * Keys for the client's accounting program. Shown once at issue; only the SHA-256 is kept
 * (a key is 256 random bits, so a fast hash is enough: nothing to brute-force). Revocable.
 */
@Injectable()
export class IntegrationKeysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly timeline: TimelineService,
    private readonly uow: UnitOfWork,
  ) {}

  async issue(clientId: string, label: string, by: StaffPrincipal): Promise<{ key: string; integrationKey: IntegrationKeyType }> {
    const key = `${INTEGRATION_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = await this.uow.transaction(async (tx) => {
      const [client] = await tx.query(`SELECT state FROM client WHERE id = $1 FOR SHARE`, [clientId]);
      if (!client) throw new NotFoundError(IntegrationKeyError.CLIENT_NOT_FOUND, `No client has the id ${clientId}.`);
      if (!['ACTIVE', 'BLOCKED'].includes(client.state)) {
        throw new ConflictError(IntegrationKeyError.CLIENT_NOT_ACTIVE, 'Keys are issued to clients with an agreement (active or blocked).');
      }
      const [row] = await tx.query(
        `INSERT INTO integration_key (client_id, label, key_prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [clientId, label, key.slice(0, INTEGRATION_KEY_PREFIX.length + 6), hashKey(key), by.id],
      );
      await this.timeline.record(tx, { entityType: 'CLIENT', entityId: clientId, actor: { type: 'STAFF', id: by.id, name: by.name }, fromState: client.state, toState: client.state, reason: `Integration key "${label}" issued`, details: { step: 'KEY_ISSUED', label, keyId: row.id } });
      return row.id as string;
    });
    return { key, integrationKey: (await this.keys(`k.id = $1`, [id]))[0] };
  }

  async revoke(id: string, reason: string, by: StaffPrincipal): Promise<IntegrationKeyType> {
    await this.uow.transaction(async (tx) => {
      const [key] = await tx.query(`SELECT client_id, label, revoked_at FROM integration_key WHERE id = $1 FOR UPDATE`, [id]);
      if (!key) throw new NotFoundError(IntegrationKeyError.INTEGRATION_KEY_NOT_FOUND, `No integration key has the id ${id}.`);
      if (key.revoked_at) throw new ConflictError(IntegrationKeyError.INTEGRATION_KEY_REVOKED, 'This key is already revoked.');
      await tx.query(`UPDATE integration_key SET revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE id = $1`, [id, by.id, reason]);
      await this.timeline.record(tx, { entityType: 'CLIENT', entityId: key.client_id, actor: { type: 'STAFF', id: by.id, name: by.name }, toState: 'KEY_REVOKED', reason: `Integration key "${key.label}" revoked: ${reason}`, details: { step: 'KEY_REVOKED', label: key.label, typed: reason, keyId: id } });
    });
    return (await this.keys(`k.id = $1`, [id]))[0];
  }

  /** The client a key acts for, or null when it is unknown or revoked. */
  async authenticate(key: string): Promise<ClientKeyPrincipal | null> {
    const [row] = await this.db.query(
      `SELECT id, client_id, last_used_at < now() - interval '1 minute' OR last_used_at IS NULL AS stale
         FROM integration_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashKey(key)],
    );
    if (!row) return null;
    // "Last used" is for people looking at the key list: a minute's precision spares a write per request.
    if (row.stale) await this.db.query(`UPDATE integration_key SET last_used_at = now() WHERE id = $1`, [row.id]);
    return { clientId: row.client_id, keyId: row.id };
  }

  keysOfClient(clientId: string): Promise<IntegrationKeyType[]> {
    return this.keys(`k.client_id = $1`, [clientId]);
  }

  private async keys(condition: string, params: unknown[]): Promise<IntegrationKeyType[]> {
    const rows = await this.db.query(
      `SELECT k.*, c.name AS created_by_name, r.name AS revoked_by_name FROM integration_key k
         LEFT JOIN staff_member c ON c.id = k.created_by LEFT JOIN staff_member r ON r.id = k.revoked_by
        WHERE ${condition} ORDER BY k.created_at DESC`,
      params,
    );
    return rows.map((row: KeyRow) => ({
      id: row.id,
      clientId: row.client_id,
      label: row.label,
      keyPrefix: row.key_prefix,
      createdAt: row.created_at,
      createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by ? { id: row.revoked_by, name: row.revoked_by_name ?? '' } : null,
      revokeReason: row.revoke_reason,
    }));
  }
}

interface KeyRow {
  id: string;
  client_id: string;
  label: string;
  key_prefix: string;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
