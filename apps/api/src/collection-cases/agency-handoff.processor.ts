import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';

/** The documented format of the file handed to the collection agency (one per case). */
export const AGENCY_FILE_FORMAT = 'factoring.collection-handoff.v1';

/** Where the files go: COLLECTION_AGENCY_FOLDER, else tmp/collection-agency/ under the working directory. */
export function agencyFolder(): string {
  return resolve(process.env.COLLECTION_AGENCY_FOLDER || 'tmp/collection-agency');
}

/**
 * The handoff to the external collection agency (issue 15 s.5): each case's outbox row
 * (written in the handoff's transaction) becomes one JSON file in the agency's folder. Safe to
 * repeat: the file's name and bytes depend on the case only (its claim is fixed at the
 * handoff), it is written under a temporary name and renamed, an identical file already there
 * is left alone, and the row is marked written in the same transaction that claimed it (FOR
 * UPDATE SKIP LOCKED, so two workers never take one row). A crash after the rename and before
 * the commit writes the same file again: never a second one.
 *
 * The file (format `factoring.collection-handoff.v1`):
 *   { format, caseId, handedOffOn, country, currency,
 *     creditor: { role: 'ASSIGNEE', assignor: { name, organisationNumber } },
 *     debtor: { name, kind, identityNumber, address, email },
 *     invoice: { number, invoiceDate, dueDate, paymentReference },
 *     claim: { principal, fees, interest, total, asOf, interestFrom, interestRatePercent } }
 * Amounts are decimal strings with two decimals; days are YYYY-MM-DD.
 *
 * Runs in the worker process every COLLECTION_AGENCY_POLL_MS (default 5 s); `drain()` is the
 * job itself (a test calls it twice).
 */
@Injectable()
export class AgencyHandoffProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AgencyHandoffProcessor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    const every = Number(process.env.COLLECTION_AGENCY_POLL_MS ?? 5000);
    if (every > 0) this.timer = setInterval(() => void this.tick(), every);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.drain().catch((error) => {
      this.logger.error({ err: error }, 'Collection agency handoff failed; will retry');
      return 0;
    });
    await this.running;
    this.running = null;
  }

  /** Writes the files of every pending handoff; returns how many rows it marked written. */
  async drain(limit = 100): Promise<number> {
    const folder = agencyFolder();
    await mkdir(folder, { recursive: true });
    return this.db.transaction(async (tx) => {
      const rows: Array<{ id: string; case_id: string; file_name: string }> = await tx.query(
        `SELECT id, case_id, file_name FROM collection_agency_outbox WHERE written_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const row of rows) {
        const [file] = await tx.query(
          `SELECT x.id AS "caseId", x.claim_as_of::text AS "handedOffOn", x.country, x.currency,
                  c.legal_name AS "assignorName", c.organisation_number AS "assignorOrganisationNumber",
                  coalesce(d.name, i.debtor->>'name') AS "debtorName", d.kind AS "debtorKind", d.identity_number AS "debtorIdentityNumber", d.address AS "debtorAddress", d.email AS "debtorEmail",
                  i.invoice_number AS "invoiceNumber", i.invoice_date::text AS "invoiceDate", i.due_date::text AS "dueDate", i.payment_reference AS "paymentReference",
                  x.principal::text, x.fees::text, x.interest::text, (x.principal + x.fees + x.interest)::text AS total, x.claim_as_of::text AS "asOf",
                  x.interest_from::text AS "interestFrom", x.interest_rate::text AS "interestRatePercent",
                  r.reference AS "recourseReference", r.issue_date::text AS "recourseIssueDate", r.due_date::text AS "recourseDueDate",
                  c.address AS "clientAddress", c.contact->>'email' AS "clientEmail"
             FROM collection_case x JOIN invoice i ON i.id = x.invoice_id JOIN client c ON c.id = x.client_id LEFT JOIN debtor d ON d.id = x.debtor_id
             LEFT JOIN recourse_invoice r ON r.id = x.recourse_invoice_id
            WHERE x.id = $1`,
          [row.case_id],
        );
        const content = `${JSON.stringify(
          {
            format: AGENCY_FILE_FORMAT,
            caseId: file.caseId,
            handedOffOn: file.handedOffOn,
            country: file.country,
            currency: file.currency,
            ...(file.recourseReference
              ? {
                  // A recourse invoice (issue 15 s.3): the factor's own claim on its client under the factoring agreement.
                  creditor: { role: 'CREDITOR' },
                  debtor: { name: file.assignorName, kind: 'COMPANY', identityNumber: file.assignorOrganisationNumber, address: file.clientAddress, email: file.clientEmail ?? null },
                  invoice: { kind: 'RECOURSE_INVOICE', number: file.recourseReference, invoiceDate: file.recourseIssueDate, dueDate: file.recourseDueDate, paymentReference: file.recourseReference, buysBackInvoice: file.invoiceNumber },
                }
              : {
                  creditor: { role: 'ASSIGNEE', assignor: { name: file.assignorName, organisationNumber: file.assignorOrganisationNumber } },
                  debtor: { name: file.debtorName, kind: file.debtorKind, identityNumber: file.debtorIdentityNumber, address: file.debtorAddress, email: file.debtorEmail },
                  invoice: { number: file.invoiceNumber, invoiceDate: file.invoiceDate, dueDate: file.dueDate, paymentReference: file.paymentReference },
                }),
            claim: { principal: file.principal, fees: file.fees, interest: file.interest, total: file.total, asOf: file.asOf, interestFrom: file.interestFrom, interestRatePercent: file.interestRatePercent },
          },
          null,
          2,
        )}\n`;
        await writeOnce(join(folder, row.file_name), content);
        await tx.query(`UPDATE collection_agency_outbox SET written_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
      }
      return rows.length;
    });
  }
}

/** Writes the file unless an identical one is there, through a temporary name and a rename (never half a file). */
async function writeOnce(path: string, content: string): Promise<void> {
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing === content) return;
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}
