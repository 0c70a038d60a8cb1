import { LocalAccessPointStandIn } from './access-point-stand-in';
import { buildPeppolInvoice } from './peppol-invoice';
import { norwegianInvoice, rotInvoice } from './peppol-test-invoices';

/** The local access point answers like one: accepted with a transmission id, or rejected with the rule ids. */

const at = new Date('2026-11-20T08:00:00Z');

it('accepts a valid e-invoice, keeps it, and answers a repeat with the same receipt without delivering twice', async () => {
  const accessPoint = new LocalAccessPointStandIn(() => at);
  const message = { xml: buildPeppolInvoice(norwegianInvoice()), idempotencyKey: 'outbox-event-1', sender: '0192:923456783', receiver: '0192:987654325' };
  const receipt = await accessPoint.send(message);
  expect(receipt).toEqual({ status: 'ACCEPTED', receivedAt: at, messageId: expect.stringMatching(/^stand-in-[0-9a-f]{24}$/) });
  expect(await accessPoint.send(message)).toEqual(receipt);
  expect(accessPoint.delivered()).toHaveLength(1);
  expect(accessPoint.delivered()[0].xml).toContain('<cbc:PaymentID>000000001230</cbc:PaymentID>');
});

it('rejects an invoice that breaks the rules, naming them, and delivers nothing', async () => {
  const accessPoint = new LocalAccessPointStandIn(() => at);
  const broken = rotInvoice();
  broken.totals = { ...broken.totals, payable: '19750.00' };
  const receipt = await accessPoint.send({ xml: buildPeppolInvoice(broken), idempotencyKey: 'outbox-event-2', sender: '0007:5567123400', receiver: 'eva.nilsson@example.se' });
  expect(receipt.status).toBe('REJECTED');
  if (receipt.status !== 'REJECTED') return;
  expect(receipt.errors.map((e) => e.id).sort()).toEqual(['BR-CO-16', 'PARTICIPANT-ID']);
  expect(receipt.errors.find((e) => e.id === 'BR-CO-16')?.text).toContain('Amount due for payment');
  expect(accessPoint.delivered()).toEqual([]);
});
