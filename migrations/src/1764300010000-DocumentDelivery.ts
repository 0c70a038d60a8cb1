import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery of documents (issue 13 s.3): one `document_delivery` row per document per recipient
 * and channel (EMAIL, PEPPOL, POST), written in the transaction that asks for it (the purchase),
 * worked by the delivery queue's worker. The row carries its own Message-ID, fixed when the row is
 * made: a send that is retried, or repeated after a worker died mid-send, carries the same id, so
 * the receiver (and we) recognise it. `flagged` puts the row in staff's failed-deliveries queue
 * (an e-mail refused and sent by post instead, or a delivery that failed for good).
 *
 * `print_batch`: the day's print batch (one PDF concatenating the documents due for post that
 * day, in the order of their rows), kept with the hash of its bytes; finance marks it printed.
 */
export class DocumentDelivery1764300010000 implements MigrationInterface {
  name = 'DocumentDelivery1764300010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE print_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        print_day date NOT NULL,
        sequence integer NOT NULL CHECK (sequence > 0),
        file_name text NOT NULL CHECK (length(btrim(file_name)) > 0),
        bytes bytea NOT NULL CHECK (octet_length(bytes) > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        page_count integer NOT NULL CHECK (page_count > 0),
        delivery_count integer NOT NULL CHECK (delivery_count > 0),
        made_by uuid REFERENCES staff_member(id),
        made_at timestamptz NOT NULL DEFAULT now(),
        printed_at timestamptz,
        printed_by uuid REFERENCES staff_member(id),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT print_batch_day_sequence UNIQUE (print_day, sequence),
        CHECK ((printed_at IS NULL) = (printed_by IS NULL))
      )`);
    await q.query(`
      CREATE TABLE document_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        client_id uuid NOT NULL REFERENCES client(id),
        document_kind text NOT NULL CHECK (document_kind ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        recipient text NOT NULL CHECK (recipient IN ('DEBTOR','CLIENT')),
        channel text NOT NULL CHECK (channel IN ('EMAIL','PEPPOL','POST')),
        -- The e-mail address or Peppol participant id; a letter goes to the address printed on the document.
        address text CHECK (address IS NULL OR length(btrim(address)) > 0),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','SENDING','RETRYING','SENT','FAILED','FAILED_FELL_BACK_TO_POST','AWAITING_PRINT','PRINTED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        -- Staff's retries start a new round (a new job id); attempts count within a round.
        round integer NOT NULL DEFAULT 0 CHECK (round >= 0),
        last_error text,
        last_code integer,
        next_attempt_at timestamptz,
        message_id text NOT NULL,
        document_id uuid REFERENCES document(id),
        transmission_id text,
        flagged boolean NOT NULL DEFAULT false,
        flag_reason text,
        fallback_of uuid REFERENCES document_delivery(id),
        print_day date,
        print_batch_id uuid REFERENCES print_batch(id),
        sending_started_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT document_delivery_message_id UNIQUE (message_id),
        CONSTRAINT document_delivery_once UNIQUE (invoice_id, document_kind, recipient, channel),
        CHECK (channel = 'POST' OR address IS NOT NULL),
        CHECK (channel <> 'POST' OR status NOT IN ('SENT','FAILED_FELL_BACK_TO_POST')),
        CHECK (channel = 'POST' OR status NOT IN ('AWAITING_PRINT','PRINTED')),
        CHECK (print_batch_id IS NULL OR channel = 'POST')
      )`);
    await q.query(`CREATE INDEX document_delivery_invoice ON document_delivery (invoice_id, created_at)`);
    await q.query(`CREATE INDEX document_delivery_client ON document_delivery (client_id, created_at)`);
    await q.query(`CREATE INDEX document_delivery_flagged ON document_delivery (updated_at) WHERE flagged`);
    await q.query(`CREATE INDEX document_delivery_print ON document_delivery (print_day) WHERE channel = 'POST'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_delivery`);
    await q.query(`DROP TABLE print_batch`);
  }
}
