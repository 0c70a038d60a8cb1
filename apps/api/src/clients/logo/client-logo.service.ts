import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../audit/unit-of-work';
import { ClientError } from '../client-errors';
import { parseLogo } from './logo-image';

export interface LogoUploader {
  type: 'STAFF' | 'CLIENT';
  id: string;
  name: string;
}

export interface ClientLogoRow {
  id: string;
  clientId: string;
  mediaType: string;
  width: number;
  height: number;
  byteSize: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string;
  contentBase64: string;
}

const SELECT = `SELECT id, client_id AS "clientId", media_type AS "mediaType", width, height, byte_size AS "byteSize", sha256, created_at AS "uploadedAt",
                       uploaded_by_name AS "uploadedBy", replace(encode(bytes, 'base64'), E'\\n', '') AS "contentBase64" FROM client_logo`;

/**
 * A client's logo (issue 13): uploaded by staff (admin, who keeps the client's agreement) or by the
 * client through its integration; checked by its bytes (logo-image.ts) before anything is stored,
 * kept append-only (a new upload is a new row; the newest is current). Sending the current logo
 * again stores nothing and answers it.
 */
@Injectable()
export class ClientLogoService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async upload(clientId: string, content: string, by: LogoUploader): Promise<ClientLogoRow> {
    const logo = parseLogo(content, 'content');
    const sha256 = createHash('sha256').update(logo.bytes).digest('hex');
    return this.uow.transaction(async (tx) => {
      // The client row locked: two uploads at once are stored one after the other, the later one current.
      const [client] = await tx.query(`SELECT id FROM client WHERE id = $1 FOR UPDATE`, [clientId]);
      if (!client) throw new NotFoundError(ClientError.CLIENT_NOT_FOUND, `No client ${clientId}.`, { clientId });
      const [current]: ClientLogoRow[] = await tx.query(`${SELECT} WHERE client_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [clientId]);
      if (current?.sha256 === sha256) return current;
      const [made]: ClientLogoRow[] = await tx.query(
        `WITH made AS (
           INSERT INTO client_logo (client_id, media_type, width, height, byte_size, bytes, sha256, uploaded_by_type, uploaded_by_id, uploaded_by_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *)
         ${SELECT.replace('FROM client_logo', 'FROM made')}`,
        [clientId, logo.mediaType, logo.width, logo.height, logo.bytes.length, logo.bytes, sha256, by.type, by.id, by.name],
      );
      return made;
    });
  }

  async current(clientId: string): Promise<ClientLogoRow | null> {
    const [row]: ClientLogoRow[] = await this.db.query(`${SELECT} WHERE client_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [clientId]);
    return row ?? null;
  }
}
