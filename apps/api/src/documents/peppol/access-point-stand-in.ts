import { createHash } from 'node:crypto';
import { PeppolAccessPoint, PeppolMessage, PeppolReceipt } from './peppol-access-point';
import { validatePeppolInvoice } from './peppol-validation';

const PARTICIPANT = /^(\d{4}):(\S+)$/;

/**
 * A local stand-in for a Peppol access point, for tests and the demo: it checks what it receives
 * as an access point does (the UBL 2.1 XSD, the CEN EN 16931 and Peppol BIS 3 schematrons, and
 * participant ids of the form "ICD:value"), answers ACCEPTED with a transmission id or REJECTED
 * with the rule ids, and keeps what it accepted so a test can read it back. The same idempotency
 * key gets the first answer again and is delivered once. It delivers nowhere.
 */
export class LocalAccessPointStandIn implements PeppolAccessPoint {
  private readonly answers = new Map<string, PeppolReceipt>();
  private readonly deliveredMessages: Array<PeppolMessage & { messageId: string }> = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async send(message: PeppolMessage): Promise<PeppolReceipt> {
    const earlier = this.answers.get(message.idempotencyKey);
    if (earlier) return earlier;
    const receivedAt = this.clock();
    const errors: Extract<PeppolReceipt, { status: 'REJECTED' }>['errors'] = [];
    for (const [role, participant] of [
      ['sender', message.sender],
      ['receiver', message.receiver],
    ] as const) {
      if (!PARTICIPANT.test(participant)) {
        errors.push({ id: 'PARTICIPANT-ID', source: 'ACCESS-POINT', location: role, text: `The ${role} "${participant}" is not a Peppol participant id (ICD:value, e.g. 0007:5567123400).` });
      }
    }
    const validation = await validatePeppolInvoice(message.xml);
    errors.push(...validation.errors.map(({ id, source, location, text }) => ({ id, source, location, text })));
    const receipt: PeppolReceipt =
      errors.length > 0
        ? { status: 'REJECTED', receivedAt, errors }
        : { status: 'ACCEPTED', receivedAt, messageId: `stand-in-${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 24)}` };
    this.answers.set(message.idempotencyKey, receipt);
    if (receipt.status === 'ACCEPTED') this.deliveredMessages.push({ ...message, messageId: receipt.messageId });
    return receipt;
  }

  /** What was accepted, in order. */
  delivered(): ReadonlyArray<PeppolMessage & { messageId: string }> {
    return this.deliveredMessages;
  }
}
