import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, InvalidValueError, NotFoundError } from '@factoring/domain';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { DocumentsService, sha256 } from '../documents/documents.service';
import { PEPPOL_ACCESS_POINT, PeppolAccessPoint } from '../documents/peppol/peppol-access-point';
import { loadPeppolInvoice } from '../documents/peppol/peppol-from-invoice';
import { buildPeppolInvoice } from '../documents/peppol/peppol-invoice';
import { DeliveryError } from './delivery-errors';
import { enqueueDelivery, insertDelivery } from './delivery-requests';
import { ClaimedDelivery, DeliveryRepository, returnedRows } from './delivery.repository';
import { DeliveryType, PrintBatchType, PrintDayType } from './dto/delivery.types';
import { LetterOutcome, LetterOutcomes } from './letter-outcomes';
import { Mailer } from './mailer';
import { concatenatePdfs } from './print-batch';

/** What one run of a delivery's job came to. RETRY and BUSY make the job fail, so the queue tries again after its backoff. */
export type DeliveryOutcome = 'SENT' | 'RETRY' | 'FELL_BACK_TO_POST' | 'FAILED' | 'AWAITING_PRINT' | 'BUSY' | 'DONE';

/** The shape of an address we send to: one @, no spaces or angle brackets, a dot in the domain. */
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

const SUBJECT = {
  SOLD_INVOICE: { sv: 'Faktura {number} från {client}', nb: 'Faktura {number} fra {client}', en: 'Invoice {number} from {client}' },
  INVOICE_RECEIPT: { sv: 'Kvitto: faktura {number} köpt', nb: 'Kvittering: faktura {number} kjøpt', en: 'Receipt: invoice {number} bought' },
  PAYMENT_RECEIPT: { sv: 'Betalningskvitto: faktura {number} slutbetald', nb: 'Betalingskvittering: faktura {number} ferdig betalt', en: 'Payment receipt: invoice {number} fully paid' },
  PAYMENT_REMINDER: { sv: 'Påminnelse: faktura {number} från {client}', nb: 'Purring: faktura {number} fra {client}', en: 'Reminder: invoice {number} from {client}' },
  RECOURSE_INVOICE: { sv: 'Regressfaktura för faktura {number}', nb: 'Regressfaktura for faktura {number}', en: 'Recourse invoice for invoice {number}' },
  RECOURSE_INVOICE_REMINDER: {
    sv: 'Påminnelse: regressfakturan för faktura {number} är förfallen',
    nb: 'Purring: regressfakturaen for faktura {number} er forfalt',
    en: 'Reminder: the recourse invoice for invoice {number} is overdue',
  },
} as const;
const BODY = {
  SOLD_INVOICE: {
    sv: 'Hej,\n\nBifogat finns faktura {number} från {client}. Fakturan har överlåtits: betala till kontot och med referensen på fakturan.\n',
    nb: 'Hei,\n\nVedlagt er faktura {number} fra {client}. Fakturaen er overdratt: betal til kontoen og med referansen på fakturaen.\n',
    en: 'Hello,\n\nAttached is invoice {number} from {client}. The invoice has been assigned: pay to the account and with the reference on the invoice.\n',
  },
  INVOICE_RECEIPT: {
    sv: 'Hej,\n\nBifogat finns kvittot för faktura {number}, som vi har köpt.\n',
    nb: 'Hei,\n\nVedlagt er kvitteringen for faktura {number}, som vi har kjøpt.\n',
    en: 'Hello,\n\nAttached is the receipt for invoice {number}, which we have bought.\n',
  },
  PAYMENT_RECEIPT: {
    sv: 'Hej,\n\nFaktura {number} är slutbetald. Bifogat finns betalningskvittot.\n',
    nb: 'Hei,\n\nFaktura {number} er ferdig betalt. Vedlagt er betalingskvitteringen.\n',
    en: 'Hello,\n\nInvoice {number} is fully paid. Attached is the payment receipt.\n',
  },
  PAYMENT_REMINDER: {
    sv: 'Hej,\n\nVi har inte fått betalt för faktura {number} från {client}, som vi har köpt. Bifogat finns påminnelsen med beloppet, OCR-numret och kontot.\n',
    nb: 'Hei,\n\nVi har ikke mottatt betaling for faktura {number} fra {client}, som vi har kjøpt. Vedlagt er purringen med beløpet, KID og kontoen.\n',
    en: 'Hello,\n\nWe have not received payment of invoice {number} from {client}, which we have bought. Attached is the reminder with the amount, the payment reference and the account.\n',
  },
  RECOURSE_INVOICE: {
    sv: 'Hej,\n\nFaktura {number} går tillbaka till er. Bifogat finns regressfakturan med beloppet, förfallodagen, OCR-numret och kontot.\n',
    nb: 'Hei,\n\nFaktura {number} går tilbake til dere. Vedlagt er regressfakturaen med beløpet, forfallsdatoen, KID og kontoen.\n',
    en: 'Hello,\n\nInvoice {number} goes back to you. Attached is the recourse invoice with the amount, the due date, the payment reference and the account.\n',
  },
  RECOURSE_INVOICE_REMINDER: {
    sv: 'Hej,\n\nRegressfakturan för faktura {number} är förfallen. Betala den nu: ni kan inte sälja fakturor förrän den är betald. Bifogat finns påminnelsen med beloppet, OCR-numret och kontot.\n',
    nb: 'Hei,\n\nRegressfakturaen for faktura {number} er forfalt. Betal den nå: dere kan ikke selge fakturaer før den er betalt. Vedlagt er purringen med beløpet, KID og kontoen.\n',
    en: 'Hello,\n\nThe recourse invoice for invoice {number} is overdue. Pay it now: you cannot sell invoices until it is paid. Attached is the reminder with the amount, the payment reference and the account.\n',
  },
} as const;

/**
 * Sends documents (issue 13 s.3): the worker's side (one attempt of one delivery, safe to run
 * twice) and staff's side (the failed-deliveries queue, a new round of attempts, the day's print
 * batch). Every result is a step on the invoice's timeline, written with the row's new status.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly repository: DeliveryRepository,
    private readonly documents: DocumentsService,
    private readonly mailer: Mailer,
    @Inject(PEPPOL_ACCESS_POINT) private readonly accessPoint: PeppolAccessPoint,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly letters: LetterOutcomes,
  ) {}

  /** One attempt of a delivery (the worker's job). */
  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    const taken = await this.repository.claim(deliveryId);
    if (!('claimed' in taken)) return taken.status === 'SENDING' ? 'BUSY' : 'DONE';
    const d = taken.claimed;
    try {
      if (d.channel === 'POST') return await this.prepareLetter(d);
      if (d.channel === 'EMAIL') return await this.sendEmail(d);
      return await this.sendPeppol(d);
    } catch (error) {
      // Anything unforeseen (the database, the document): the row goes back to be tried again.
      this.logger.warn({ deliveryId, err: error }, 'Delivery attempt failed');
      return this.temporaryFailure(d, null, (error as Error).message ?? String(error));
    }
  }

  private async makeDocument(d: ClaimedDelivery) {
    return this.documents.issue({ kind: d.document_kind, invoiceId: d.invoice_id, recourseInvoiceId: d.recourse_invoice_id ?? undefined } as never);
  }

  private async prepareLetter(d: ClaimedDelivery): Promise<DeliveryOutcome> {
    const document = await this.makeDocument(d);
    await this.db.transaction(async (tx) => {
      await this.repository.setStatus(tx, d.id, { status: 'AWAITING_PRINT', document_id: document.id, print_day: await this.today(tx), last_error: null, last_code: null });
      await this.repository.timelineStep(tx, d.invoice_id, 'DELIVERY_AWAITING_PRINT', `${d.document_kind} to be printed and posted`, this.facts(d, { documentId: document.id }));
    });
    return 'AWAITING_PRINT';
  }

  private async sendEmail(d: ClaimedDelivery): Promise<DeliveryOutcome> {
    if (!d.address || !EMAIL.test(d.address)) return this.fallBack(d, 'ADDRESS_INVALID', null, `"${d.address}" is not an e-mail address`);
    const document = await this.makeDocument(d);
    const [content] = [...(await this.repository.documentBytes(this.db.manager, [document.id])).values()];
    const [facts] = await this.db.query(`SELECT i.invoice_number, c.legal_name FROM invoice i JOIN client c ON c.id = i.client_id WHERE i.id = $1`, [d.invoice_id]);
    const language = String(document.language).toLowerCase() as 'sv' | 'nb' | 'en';
    const kind = (d.document_kind in SUBJECT ? d.document_kind : 'SOLD_INVOICE') as keyof typeof SUBJECT;
    const fill = (s: string) => s.replace('{number}', facts.invoice_number).replace('{client}', facts.legal_name);
    await this.repository.setStatus(this.db.manager, d.id, { document_id: document.id });
    const result = await this.mailer.send({
      to: d.address,
      subject: fill(SUBJECT[kind][language]),
      text: fill(BODY[kind][language]),
      messageId: d.message_id,
      attachment: { fileName: document.fileName, content, contentType: document.mediaType },
    });
    if (result.outcome === 'SENT') return this.sent(d, { documentId: document.id, documentSha256: sha256(content) });
    if (result.outcome === 'REFUSED') {
      if (d.attempts < this.config.DELIVERY_REFUSED_ATTEMPTS) return this.retryLater(d, result.code, result.error);
      return this.fallBack(d, 'REFUSED', result.code, result.error);
    }
    return this.temporaryFailure(d, result.code, result.error);
  }

  private async sendPeppol(d: ClaimedDelivery): Promise<DeliveryOutcome> {
    const data = await this.db.transaction((tx) => loadPeppolInvoice(tx, d.invoice_id));
    const xml = buildPeppolInvoice(data);
    const receipt = await this.accessPoint.send({
      xml,
      idempotencyKey: d.message_id,
      sender: `${data.seller.endpoint.scheme}:${data.seller.endpoint.id}`,
      receiver: d.address ?? `${data.buyer.endpoint.scheme}:${data.buyer.endpoint.id}`,
    });
    if (receipt.status === 'ACCEPTED') {
      await this.repository.setStatus(this.db.manager, d.id, { transmission_id: receipt.messageId });
      return this.sent(d, { transmissionId: receipt.messageId, xmlSha256: sha256(xml) });
    }
    return this.fallBack(d, 'REJECTED', null, receipt.errors.map((e) => `${e.id}: ${e.text}`).join('; ').slice(0, 1000));
  }

  private async sent(d: ClaimedDelivery, details: Record<string, unknown>): Promise<DeliveryOutcome> {
    await this.db.transaction(async (tx) => {
      await this.repository.setStatus(tx, d.id, { status: 'SENT', sent_at: new Date(), last_error: null, last_code: null });
      await this.repository.timelineStep(tx, d.invoice_id, 'DELIVERY_SENT', `${d.document_kind} sent by ${d.channel} to ${d.address}`, this.facts(d, details));
      await this.letters.sent(tx, letterOf(d));
    });
    return 'SENT';
  }

  private async temporaryFailure(d: ClaimedDelivery, code: number | null, error: string): Promise<DeliveryOutcome> {
    if (d.attempts < this.config.DELIVERY_ATTEMPTS) return this.retryLater(d, code, error);
    if (d.channel === 'POST') {
      await this.db.transaction(async (tx) => {
        await this.repository.setStatus(tx, d.id, { status: 'FAILED', flagged: true, flag_reason: 'GAVE_UP', last_error: error, last_code: code });
        await this.repository.timelineStep(tx, d.invoice_id, 'DELIVERY_FAILED', `${d.document_kind} could not be made for post: ${error}`, this.facts(d, { code, error }));
        await this.letters.failed(tx, letterOf(d));
      });
      return 'FAILED';
    }
    return this.fallBack(d, 'GAVE_UP', code, error);
  }

  /** Back in the queue: the job fails and the queue runs it again after its exponential backoff. */
  private async retryLater(d: ClaimedDelivery, code: number | null, error: string): Promise<DeliveryOutcome> {
    const delayMs = this.config.DELIVERY_BACKOFF_MS * 2 ** Math.max(0, d.attempts - 1);
    await this.db.transaction(async (tx) => {
      await this.repository.setStatus(tx, d.id, { status: 'RETRYING', last_error: error, last_code: code, next_attempt_at: new Date(Date.now() + delayMs) });
      await this.repository.timelineStep(tx, d.invoice_id, 'DELIVERY_RETRYING', `${d.document_kind} by ${d.channel} failed (attempt ${d.attempts}): ${error}`, this.facts(d, { code, error, delayMs }));
    });
    return 'RETRY';
  }

  /** Refused for good (or given up on): the document goes by post instead, and staff see it in the failed-deliveries queue. */
  private async fallBack(d: ClaimedDelivery, reason: string, code: number | null, error: string): Promise<DeliveryOutcome> {
    await this.db.transaction(async (tx) => {
      await this.repository.setStatus(tx, d.id, { status: 'FAILED_FELL_BACK_TO_POST', flagged: true, flag_reason: reason, last_error: error, last_code: code });
      const letter = await insertDelivery(tx, {
        invoiceId: d.invoice_id, clientId: d.client_id, documentKind: d.document_kind, recipient: d.recipient, channel: 'POST', address: null, fallbackOf: d.id, collectionStepId: d.collection_step_id, recourseInvoiceId: d.recourse_invoice_id,
      });
      await this.repository.timelineStep(tx, d.invoice_id, 'DELIVERY_FELL_BACK_TO_POST', `${d.document_kind} by ${d.channel} to ${d.address} ${reason.toLowerCase()} (${error}); sent by post instead`, this.facts(d, { flagReason: reason, code, error, letterId: letter[0] ?? null }));
    });
    return 'FELL_BACK_TO_POST';
  }

  private facts(d: ClaimedDelivery, more: Record<string, unknown>): Record<string, unknown> {
    return { deliveryId: d.id, documentKind: d.document_kind, recipient: d.recipient, channel: d.channel, address: d.address, attempt: d.attempts, messageId: d.message_id, ...more };
  }

  /** The print day: today in the business's time zone (both countries share it). */
  private async today(tx: EntityManager): Promise<string> {
    const [{ day }] = await tx.query(`SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date::text AS day`);
    return day;
  }

  // --- Staff ---

  deliveries(filter: { invoiceId?: string; clientId?: string }): Promise<DeliveryType[]> {
    return this.repository.list(filter);
  }

  failedDeliveries(page: number, perPage: number) {
    return this.repository.flagged(page, perPage);
  }

  /** A new round of attempts by the delivery's own channel (e.g. after the debtor's mailbox was fixed); the flag is cleared. */
  async retry(id: string, version: number, by: StaffPrincipal): Promise<DeliveryType> {
    return this.uow.transaction(async (tx) => {
      const row = await this.lockedFor(tx, id, version);
      if (!['FAILED', 'FAILED_FELL_BACK_TO_POST', 'RETRYING'].includes(row.status)) {
        throw new ConflictError(DeliveryError.DELIVERY_NOT_RETRYABLE, `This delivery is ${row.status.toLowerCase().replace(/_/g, ' ')}: only a failed one, or one waiting to be tried again, can be sent again.`, { status: row.status });
      }
      const round = row.round + 1;
      await this.repository.setStatus(tx, id, { status: 'QUEUED', attempts: 0, round, flagged: false, next_attempt_at: null, sending_started_at: null });
      await enqueueDelivery(tx, id, round);
      await this.repository.timelineStep(tx, row.invoice_id, 'DELIVERY_RESENT', `Delivery sent again by ${by.name}`, { deliveryId: id, channel: row.channel, round, byStaffId: by.id, byStaffName: by.name });
      return (await this.repository.one(id, tx))!;
    });
  }

  /** Staff have seen to it (the letter went, the debtor was called): off the queue. */
  async clearFlag(id: string, version: number, by: StaffPrincipal): Promise<DeliveryType> {
    return this.uow.transaction(async (tx) => {
      const row = await this.lockedFor(tx, id, version);
      if (!row.flagged) throw new ConflictError(DeliveryError.DELIVERY_CHANGED, 'This delivery is no longer in the failed-deliveries queue.');
      await this.repository.setStatus(tx, id, { flagged: false });
      await this.repository.timelineStep(tx, row.invoice_id, 'DELIVERY_FLAG_CLEARED', `Failed delivery seen to by ${by.name}`, { deliveryId: id, channel: row.channel, byStaffId: by.id, byStaffName: by.name });
      return (await this.repository.one(id, tx))!;
    });
  }

  private async lockedFor(tx: EntityManager, id: string, version: number) {
    const row = await this.repository.lockForStaff(tx, id);
    if (!row) throw new NotFoundError(DeliveryError.DELIVERY_NOT_FOUND, `No delivery has the id ${id}.`);
    if (row.version !== version) {
      throw new ConflictError(DeliveryError.DELIVERY_CHANGED, `This delivery changed since you opened it (version ${version}, now ${row.version}). Reload and try again.`, { currentVersion: row.version });
    }
    return row;
  }

  async printDay(day: string): Promise<PrintDayType> {
    checkDay(day);
    const [waiting, batches] = await Promise.all([this.repository.waitingForPrint(day), this.repository.batches(day)]);
    return { day, waiting, batches };
  }

  /** The day's letters not yet in a batch, as one PDF kept with its hash; the letters are then in that batch. */
  async makePrintBatch(day: string, by: StaffPrincipal): Promise<PrintBatchType> {
    checkDay(day);
    return this.uow.transaction(async (tx) => {
      const letters = await this.repository.waitingForPrint(day, tx, true);
      if (letters.length === 0) throw new ConflictError(DeliveryError.PRINT_BATCH_EMPTY, `No letter is waiting to be printed on ${day}.`, { day });
      const bytes = await this.repository.documentBytes(tx, letters.map((l) => l.documentId!));
      const pdf = await concatenatePdfs(letters.map((l) => bytes.get(l.documentId!)!));
      const [{ sequence }] = await tx.query(`SELECT coalesce(max(sequence), 0) + 1 AS sequence FROM print_batch WHERE print_day = $1`, [day]);
      const [{ id }] = await tx.query(
        `INSERT INTO print_batch (print_day, sequence, file_name, bytes, sha256, page_count, delivery_count, made_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [day, sequence, `print-batch-${day}-${sequence}.pdf`, pdf.bytes, sha256(pdf.bytes), pdf.pageCount, letters.length, by.id],
      );
      await tx.query(`UPDATE document_delivery SET print_batch_id = $1, updated_at = now(), version = version + 1 WHERE id = ANY($2)`, [id, letters.map((l) => l.id)]);
      return (await this.repository.batch(id, tx))!;
    });
  }

  /** Finance printed and posted the batch: each of its letters is PRINTED, a step on its invoice's timeline. */
  async markPrinted(id: string, version: number, by: StaffPrincipal): Promise<PrintBatchType> {
    return this.uow.transaction(async (tx) => {
      const [batch] = await tx.query(`SELECT id, print_day::text AS day, printed_at, version FROM print_batch WHERE id = $1 FOR UPDATE`, [id]);
      if (!batch) throw new NotFoundError(DeliveryError.PRINT_BATCH_NOT_FOUND, `No print batch has the id ${id}.`);
      if (batch.printed_at) throw new ConflictError(DeliveryError.PRINT_BATCH_ALREADY_PRINTED, 'This print batch is already marked printed.');
      if (batch.version !== version) throw new ConflictError(DeliveryError.DELIVERY_CHANGED, 'This print batch changed since you opened it. Reload and try again.', { currentVersion: batch.version });
      await tx.query(`UPDATE print_batch SET printed_at = now(), printed_by = $2, version = version + 1 WHERE id = $1`, [id, by.id]);
      const letters = returnedRows<{ id: string; invoice_id: string; document_kind: string; recipient: string; collection_step_id: string | null }>(await tx.query(
        `UPDATE document_delivery SET status = 'PRINTED', sent_at = now(), updated_at = now(), version = version + 1 WHERE print_batch_id = $1
         RETURNING id, invoice_id, document_kind, recipient, collection_step_id`,
        [id],
      ));
      for (const l of letters) {
        await this.repository.timelineStep(tx, l.invoice_id, 'DELIVERY_PRINTED', `${l.document_kind} printed and posted (batch of ${batch.day})`, {
          deliveryId: l.id, documentKind: l.document_kind, recipient: l.recipient, channel: 'POST', printBatchId: id, printDay: batch.day, byStaffId: by.id, byStaffName: by.name,
        });
        // Printed and posted: the letter is sent (a reminder's fee is charged now).
        await this.letters.sent(tx, letterOf(l));
      }
      return (await this.repository.batch(id, tx))!;
    });
  }

  async printBatch(id: string): Promise<PrintBatchType> {
    const found = await this.repository.batch(id);
    if (!found) throw new NotFoundError(DeliveryError.PRINT_BATCH_NOT_FOUND, `No print batch has the id ${id}.`);
    return found;
  }

  async printBatchContent(id: string): Promise<string> {
    const bytes = await this.repository.batchBytes(id);
    if (!bytes) throw new NotFoundError(DeliveryError.PRINT_BATCH_NOT_FOUND, `No print batch has the id ${id}.`);
    return bytes.toString('base64');
  }
}

function letterOf(d: { id: string; invoice_id: string; document_kind: string; collection_step_id: string | null }): LetterOutcome {
  return { deliveryId: d.id, invoiceId: d.invoice_id, documentKind: d.document_kind, collectionStepId: d.collection_step_id };
}

function checkDay(day: string): void {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new InvalidValueError(DeliveryError.PRINT_BATCH_DAY_INVALID, 'day must be a date such as 2026-12-31.', 'day');
  }
}
