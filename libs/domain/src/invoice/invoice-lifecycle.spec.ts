import fc from 'fast-check';
import { ConflictError } from '../errors';
import {
  allowedStatusChanges,
  CLIENT_STATUS_OF,
  CREDITABLE_STATUSES,
  INVOICE_EVENTS,
  INVOICE_STATUSES,
  InvoiceActorKind,
  InvoiceStatus,
  invoiceTransition,
  nextInvoiceStatus,
  RESUBMITTABLE_STATUSES,
} from './invoice-lifecycle';

const ACTORS: InvoiceActorKind[] = ['CLIENT', 'SYSTEM', 'CREDIT_ANALYST'];
const allowed = new Set(allowedStatusChanges().map((p) => `${p.from}>${p.to}`));

describe('the invoice lifecycle', () => {
  it.each<[InvoiceStatus | null, Parameters<typeof nextInvoiceStatus>[1], InvoiceActorKind, InvoiceStatus]>([
    [null, 'OFFER_MADE', 'CLIENT', 'OFFERED'],
    [null, 'REFUSED_BY_RULES', 'CLIENT', 'REFUSED'],
    [null, 'HELD_FOR_OFFER_REVIEW', 'CLIENT', 'OFFER_REVIEW'],
    ['REFUSED', 'REVIEW_REQUESTED', 'CLIENT', 'OFFER_REVIEW'],
    ['OFFER_REVIEW', 'OFFER_REVIEW_APPROVED', 'CREDIT_ANALYST', 'OFFERED'],
    ['OFFERED', 'ACCEPT', 'CLIENT', 'ACCEPTED'],
    ['OFFERED', 'WITHDRAW', 'SYSTEM', 'WITHDRAWN'],
    ['ACCEPTED', 'PURCHASE', 'SYSTEM', 'PURCHASED'],
    ['ACCEPTED', 'SPOT_CHECK_SELECTED', 'SYSTEM', 'SPOT_CHECK'],
    ['SPOT_CHECK', 'SENT_TO_MANUAL_ASSESSMENT', 'CREDIT_ANALYST', 'MANUAL_ASSESSMENT'],
    ['MANUAL_ASSESSMENT', 'PURCHASE', 'CREDIT_ANALYST', 'PURCHASED'],
    ['MANUAL_ASSESSMENT', 'DENY', 'SYSTEM', 'DENIED'],
    ['PURCHASED', 'CREDITED_IN_PART', 'CLIENT', 'PURCHASED'],
    ['PURCHASED', 'CREDITED_IN_FULL', 'CLIENT', 'CREDITED'],
  ])('%s --%s by %s--> %s', (from, event, actor, to) => {
    expect(nextInvoiceStatus(from, event, actor)).toBe(to);
  });

  it('refuses an event from a state it does not start from, saying why', () => {
    expect(() => nextInvoiceStatus('DENIED', 'ACCEPT', 'CLIENT')).toThrow(ConflictError);
    expect(() => nextInvoiceStatus('DENIED', 'ACCEPT', 'CLIENT')).toThrow('it was denied');
    expect(() => nextInvoiceStatus('PURCHASED', 'PURCHASE', 'SYSTEM')).toThrow(ConflictError);
  });

  it('refuses an actor the event is not for: a client cannot buy its own invoice', () => {
    expect(() => nextInvoiceStatus('ACCEPTED', 'PURCHASE', 'CLIENT')).toThrow('not done by client');
    expect(() => nextInvoiceStatus('OFFERED', 'ACCEPT', 'SYSTEM')).toThrow(ConflictError);
  });

  it('property: no event sequence reaches a state, or makes a change, the table does not allow', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...INVOICE_EVENTS), fc.constantFrom(...ACTORS)), { maxLength: 30 }), (steps) => {
        let state: InvoiceStatus | null = null;
        for (const [event, actor] of steps) {
          let next: InvoiceStatus;
          try {
            next = nextInvoiceStatus(state, event, actor);
          } catch (error) {
            expect(error).toBeInstanceOf(ConflictError);
            continue;
          }
          expect(INVOICE_STATUSES).toContain(next);
          if (next !== state) expect(allowed.has(`${state}>${next}`)).toBe(true);
          state = next;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: every state is reachable from a submission', () => {
    const reached = new Set<InvoiceStatus | null>([null]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const { from, to } of allowedStatusChanges()) {
        if (reached.has(from) && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].filter(Boolean).sort()).toEqual([...INVOICE_STATUSES].sort());
  });

  it('gives every state one client status, and a client text to every step the client hears of', () => {
    for (const status of INVOICE_STATUSES) expect(CLIENT_STATUS_OF[status]).toBeDefined();
    for (const event of INVOICE_EVENTS) {
      const t = invoiceTransition(event);
      if (t.topic) expect(t.clientText).toEqual({ en: expect.any(String), sv: expect.any(String), nb: expect.any(String) });
    }
  });

  it('lets a refused, declined, expired or withdrawn invoice be sold again, and nothing else', () => {
    expect([...RESUBMITTABLE_STATUSES].sort()).toEqual(['DECLINED', 'EXPIRED', 'REFUSED', 'WITHDRAWN']);
    expect(RESUBMITTABLE_STATUSES).not.toContain('DENIED');
  });

  it('takes credit notes only on what is sold or on its way to be', () => {
    expect([...CREDITABLE_STATUSES].sort()).toEqual(['ACCEPTED', 'MANUAL_ASSESSMENT', 'PURCHASED', 'SPOT_CHECK']);
  });
});
