/**
 * The credit decision on an accepted offer (DOMAIN.md, "The life of a sold invoice", step 3):
 * APPROVE, DENY, MANUAL_ASSESSMENT or SPOT_CHECK, with every reason (code and a sentence in
 * English, Swedish and Norwegian) and the figures used.
 *
 * Pure and deterministic: the limits, exposures, history and the spot-check draw are all input,
 * so recording the input and the rules version (the settings' validFrom) is enough to explain
 * any past decision again by replaying it. Making exposure-after true at purchase time (two
 * decisions racing for the same headroom) is the database's job, not this function's.
 *
 * Precedence: DENY > MANUAL_ASSESSMENT > SPOT_CHECK > APPROVE. Every rule runs and every reason
 * is listed, whatever the outcome, so the analyst sees the whole picture and the client can fix
 * everything at once.
 *
 * Over a limit: DENY, but an excess within `limitToleranceShare` of the limit (5 % by default)
 * goes to MANUAL_ASSESSMENT instead. A small overrun is exactly where an analyst grants a
 * temporary raise (onboarding/limits.ts); denying it outright would only make the client ask for
 * a manual assessment of the refused invoice (seed 000). Setting the tolerance to "0" denies all.
 */
import Decimal from 'decimal.js';
import { InvalidValueError, LocalDate } from '@factoring/domain';
import { DatedVersion } from '../policy/dated-setting';
import { Language, Reason, reason } from '../reason';
import { AMOUNT_DECIMALS, D, formatted, moneyFormatted, nonNegativeDecimalOrThrow } from '../onboarding/decimal-input';
import { effectiveLimit, EffectiveLimit, LimitReasonCode, LimitWithRaise } from '../onboarding/limits';
import { DEBTOR_KINDS, DebtorKind } from '../eligibility/check-eligibility';
import { percent, SHARE_DECIMALS } from '../spot-check/setting-checks';
import { assertValidCreditSettings, CreditSettings, DebtorThresholds, RECOURSE_MODES, RecourseMode } from './credit-settings';

export const CREDIT_OUTCOMES = ['APPROVE', 'SPOT_CHECK', 'MANUAL_ASSESSMENT', 'DENY'] as const;
/** Listed from mildest to strictest: the decision is the strictest effect among the reasons. */
export type CreditOutcome = (typeof CREDIT_OUTCOMES)[number];

export const CreditReasonCode = {
  DEBTOR_LIMIT_EXCEEDED: 'CREDIT_DEBTOR_LIMIT_EXCEEDED',
  DEBTOR_LIMIT_EXCEEDED_WITHIN_TOLERANCE: 'CREDIT_DEBTOR_LIMIT_EXCEEDED_WITHIN_TOLERANCE',
  CLIENT_LIMIT_EXCEEDED: 'CREDIT_CLIENT_LIMIT_EXCEEDED',
  CLIENT_LIMIT_EXCEEDED_WITHIN_TOLERANCE: 'CREDIT_CLIENT_LIMIT_EXCEEDED_WITHIN_TOLERANCE',
  PAIR_LIMIT_EXCEEDED: 'CREDIT_PAIR_LIMIT_EXCEEDED',
  PAIR_LIMIT_EXCEEDED_WITHIN_TOLERANCE: 'CREDIT_PAIR_LIMIT_EXCEEDED_WITHIN_TOLERANCE',
  /** Seed 000: an invoice to a debtor that has left one unpaid before may not be sold (also refused at eligibility). */
  DEBTOR_UNPAID_BEFORE: 'CREDIT_DEBTOR_UNPAID_BEFORE',
  /** Seed 000: nor one to a debtor that has disputed before (also refused at eligibility). */
  DEBTOR_DISPUTED_BEFORE: 'CREDIT_DEBTOR_DISPUTED_BEFORE',
  DEBTOR_PAYS_LATE_SEVERELY: 'CREDIT_DEBTOR_PAYS_LATE_SEVERELY',
  DEBTOR_PAYS_LATE: 'CREDIT_DEBTOR_PAYS_LATE',
  CONCENTRATION_HIGH: 'CREDIT_CONCENTRATION_HIGH',
  PERSON_AMOUNT_ABOVE_CAP: 'CREDIT_PERSON_AMOUNT_ABOVE_CAP',
  PERSON_LATE_HISTORY: 'CREDIT_PERSON_LATE_HISTORY',
  NEW_DEBTOR_AMOUNT_HIGH: 'CREDIT_NEW_DEBTOR_AMOUNT_HIGH',
  AMOUNT_UNUSUAL_FOR_CLIENT: 'CREDIT_AMOUNT_UNUSUAL_FOR_CLIENT',
  SPOT_CHECK_SELECTED: 'CREDIT_SPOT_CHECK_SELECTED',
  /** Given only when nothing else is: every rule passed. */
  APPROVED: 'CREDIT_APPROVED',
} as const;
export type CreditReasonCode = (typeof CreditReasonCode)[keyof typeof CreditReasonCode];

/** Each code always has the same effect. */
export const CREDIT_REASON_EFFECT: Readonly<Record<CreditReasonCode, CreditOutcome>> = Object.freeze({
  CREDIT_DEBTOR_LIMIT_EXCEEDED: 'DENY',
  CREDIT_DEBTOR_LIMIT_EXCEEDED_WITHIN_TOLERANCE: 'MANUAL_ASSESSMENT',
  CREDIT_CLIENT_LIMIT_EXCEEDED: 'DENY',
  CREDIT_CLIENT_LIMIT_EXCEEDED_WITHIN_TOLERANCE: 'MANUAL_ASSESSMENT',
  CREDIT_PAIR_LIMIT_EXCEEDED: 'DENY',
  CREDIT_PAIR_LIMIT_EXCEEDED_WITHIN_TOLERANCE: 'MANUAL_ASSESSMENT',
  CREDIT_DEBTOR_UNPAID_BEFORE: 'DENY',
  CREDIT_DEBTOR_DISPUTED_BEFORE: 'DENY',
  CREDIT_DEBTOR_PAYS_LATE_SEVERELY: 'DENY',
  CREDIT_DEBTOR_PAYS_LATE: 'MANUAL_ASSESSMENT',
  CREDIT_CONCENTRATION_HIGH: 'MANUAL_ASSESSMENT',
  CREDIT_PERSON_AMOUNT_ABOVE_CAP: 'MANUAL_ASSESSMENT',
  CREDIT_PERSON_LATE_HISTORY: 'MANUAL_ASSESSMENT',
  CREDIT_NEW_DEBTOR_AMOUNT_HIGH: 'MANUAL_ASSESSMENT',
  CREDIT_AMOUNT_UNUSUAL_FOR_CLIENT: 'MANUAL_ASSESSMENT',
  CREDIT_SPOT_CHECK_SELECTED: 'SPOT_CHECK',
  CREDIT_APPROVED: 'APPROVE',
});

export interface CreditReason extends Reason<CreditReasonCode> {
  /** What this reason alone would decide. */
  effect: CreditOutcome;
}

// ---------------------------------------------------------------- input

export interface PaymentHistory {
  /** The debtor's invoices bought by the factor and paid (by any client). */
  invoicesPaid: number;
  /** Of those, paid after the due date. */
  paidLate: number;
  /** Average days after the due date, over the invoices paid late (0 when none). */
  averageDaysLate: number;
  /** The most days late of any paid invoice (recorded; no rule uses it yet). */
  maxDaysLate: number;
  /** Has left an invoice unpaid (gone to collection or written off). */
  unpaidBefore: boolean;
  /** Has disputed an invoice. */
  disputedBefore: boolean;
}

export interface CreditInput {
  /** Today in the client's country: decides which temporary limit raises still apply. */
  today: LocalDate;
  invoice: {
    /** The payable: what the debtor is asked to pay, a decimal string. */
    amount: string;
    /** Must be the settings' currency. */
    currency: string;
    recourse: RecourseMode;
    dueDate: LocalDate;
  };
  debtor: {
    kind: DebtorKind;
    /** The debtor's limit across all clients, with any temporary raise (effectiveLimit is applied here). */
    limit: LimitWithRaise;
    /** Purchased from all clients and not yet paid, before this invoice. */
    exposure: string;
    /** No invoice to this debtor has been bought before. */
    isNew: boolean;
    history: PaymentHistory;
  };
  client: {
    /** The credit limit in the client's agreement, with any temporary raise. */
    creditLimit: LimitWithRaise;
    /** Purchased from this client and not yet paid, before this invoice. */
    exposure: string;
    /** Invoices the client has sold so far (recorded for the explanation). */
    invoicesSold: number;
    /** Payables of the client's recent purchased invoices (the caller picks the window, e.g. the last 50). */
    recentInvoiceAmounts: string[];
  };
  /**
   * This client and this debtor. `exposure` is also the client's exposure on this debtor, which
   * the concentration rule divides by the client's exposure (both after this invoice).
   */
  pair: {
    /** Absent when no limit is set for the pair. */
    limit: LimitWithRaise | null;
    exposure: string;
  };
  /** From sampleSpotCheck (spot-check/), drawn before: keeps this function deterministic. */
  spotCheck: { selected: boolean; rate: string; draw: string };
}

// ---------------------------------------------------------------- output

export interface LimitFigures {
  /** The limit in force today (agreed plus any raise). */
  limit: string;
  raiseInForce: boolean;
  exposureBefore: string;
  /** exposureBefore + the invoice amount. */
  exposureAfter: string;
  /** limit - exposureAfter; negative when exceeded. */
  headroomAfter: string;
  /** The excess that still goes to manual assessment: limit × limitToleranceShare, rounded down to öre. */
  toleranceAmount: string;
  explanation: Reason<LimitReasonCode>;
}

export interface CreditFigures {
  amount: string;
  currency: string;
  recourse: RecourseMode;
  daysUntilDue: number;
  debtor: LimitFigures;
  client: LimitFigures;
  /** Null when the pair has no limit; its exposure is then in `pairExposureAfter`. */
  pair: LimitFigures | null;
  pairExposureAfter: string;
  /** pairExposureAfter / client exposure after, 6 decimals. */
  concentrationShare: string;
  clientInvoicesSold: number;
  clientHistoryCount: number;
  /** Median of recentInvoiceAmounts; null when there are none. */
  clientMedianAmount: string | null;
  debtorKind: DebtorKind;
  debtorIsNew: boolean;
  history: PaymentHistory & { lateShare: string | null };
  /** The debtor thresholds applied (chosen by the recourse mode). */
  debtorThresholds: DebtorThresholds;
  spotCheck: { selected: boolean; rate: string; draw: string };
}

export interface CreditDecision {
  outcome: CreditOutcome;
  /** Every reason that applies, in rule order; CREDIT_APPROVED alone when none does. */
  reasons: CreditReason[];
  figures: CreditFigures;
  /** The settings' validFrom: with the recorded input, enough to replay the decision. */
  rulesVersion: string;
}

// ---------------------------------------------------------------- the decision

type Sentence = Record<Language, string>;

export function decideCredit(input: CreditInput, settings: DatedVersion<CreditSettings>): CreditDecision {
  const rules = settings.value;
  assertValidCreditSettings(rules);
  const read = readInput(input, rules);
  const { amount, currency } = read;
  const thresholds = rules.debtor[input.invoice.recourse];
  const tolerance = new D(rules.limitToleranceShare);
  const money = (value: Decimal): Sentence => moneyFormatted(value.toDecimalPlaces(AMOUNT_DECIMALS), currency);
  const reasons: CreditReason[] = [];
  const add = (code: CreditReasonCode, message: Sentence, figures?: Reason['figures']) => reasons.push({ ...reason(code, message, figures), effect: CREDIT_REASON_EFFECT[code] });

  // Limits: debtor, client, pair.
  const debtor = limitFigures(effectiveLimit(input.debtor.limit, input.today), read.debtorExposure, amount, tolerance);
  const client = limitFigures(effectiveLimit(input.client.creditLimit, input.today), read.clientExposure, amount, tolerance);
  const pair = input.pair.limit ? limitFigures(effectiveLimit(input.pair.limit, input.today), read.pairExposure, amount, tolerance) : null;
  const levels = [
    ['debtor', debtor, CreditReasonCode.DEBTOR_LIMIT_EXCEEDED, CreditReasonCode.DEBTOR_LIMIT_EXCEEDED_WITHIN_TOLERANCE],
    ['client', client, CreditReasonCode.CLIENT_LIMIT_EXCEEDED, CreditReasonCode.CLIENT_LIMIT_EXCEEDED_WITHIN_TOLERANCE],
    ['pair', pair, CreditReasonCode.PAIR_LIMIT_EXCEEDED, CreditReasonCode.PAIR_LIMIT_EXCEEDED_WITHIN_TOLERANCE],
  ] as const;
  for (const [level, figures, denyCode, manualCode] of levels) {
    if (!figures) continue;
    const excess = new D(figures.exposureAfter).minus(figures.limit);
    if (!excess.greaterThan(0)) continue;
    const within = excess.lessThanOrEqualTo(figures.toleranceAmount);
    const name = LIMIT_NAMES[level];
    const [limit, before, after, over, tol] = [figures.limit, figures.exposureBefore, figures.exposureAfter, excess, figures.toleranceAmount].map((v) => money(new D(v)));
    const what = {
      en: `With this invoice of ${money(amount).en} the exposure under ${name.en} rises from ${before.en} to ${after.en}, ${over.en} above the limit of ${limit.en}`,
      sv: `Med den här fakturan på ${money(amount).sv} ökar engagemanget under ${name.sv} från ${before.sv} till ${after.sv}, ${over.sv} över limiten på ${limit.sv}`,
      nb: `Med denne fakturaen på ${money(amount).nb} øker engasjementet under ${name.nb} fra ${before.nb} til ${after.nb}, ${over.nb} over grensen på ${limit.nb}`,
    };
    add(
      within ? manualCode : denyCode,
      within
        ? {
            en: `${what.en}; that is within the tolerance of ${tol.en}, so a credit analyst decides.`,
            sv: `${what.sv}; det är inom toleransen på ${tol.sv}, så en kreditanalytiker bedömer fakturan.`,
            nb: `${what.nb}; det er innenfor toleransen på ${tol.nb}, så en kredittanalytiker vurderer fakturaen.`,
          }
        : {
            en: `${what.en}, more than the tolerance of ${tol.en}.`,
            sv: `${what.sv}, mer än toleransen på ${tol.sv}.`,
            nb: `${what.nb}, mer enn toleransen på ${tol.nb}.`,
          },
      {
        level,
        limit: figures.limit,
        raiseInForce: figures.raiseInForce,
        exposureBefore: figures.exposureBefore,
        amount: amount.toFixed(2),
        exposureAfter: figures.exposureAfter,
        excess: excess.toFixed(2),
        toleranceAmount: figures.toleranceAmount,
      },
    );
  }

  // The debtor's past: unpaid or disputed before (seed 000), late payment.
  const history = input.debtor.history;
  if (history.unpaidBefore) {
    add(CreditReasonCode.DEBTOR_UNPAID_BEFORE, {
      en: 'The debtor has left an invoice unpaid before; invoices to it are not bought.',
      sv: 'Fakturamottagaren har tidigare lämnat en faktura obetald; fakturor till den köps inte.',
      nb: 'Fakturamottakeren har tidligere latt en faktura stå ubetalt; fakturaer til den kjøpes ikke.',
    }, { unpaidBefore: true });
  }
  if (history.disputedBefore) {
    add(CreditReasonCode.DEBTOR_DISPUTED_BEFORE, {
      en: 'The debtor has disputed an invoice before; invoices to it are not bought.',
      sv: 'Fakturamottagaren har tidigare bestridit en faktura; fakturor till den köps inte.',
      nb: 'Fakturamottakeren har tidligere bestridt en faktura; fakturaer til den kjøpes ikke.',
    }, { disputedBefore: true });
  }
  const lateShare = history.invoicesPaid > 0 ? new D(history.paidLate).dividedBy(history.invoicesPaid) : null;
  const shareCounts = lateShare !== null && history.invoicesPaid >= rules.lateShareMinPaidInvoices;
  const average = new D(history.paidLate > 0 ? history.averageDaysLate : 0);
  const lateFigures = {
    recourse: input.invoice.recourse,
    invoicesPaid: history.invoicesPaid,
    paidLate: history.paidLate,
    lateShare: lateShare ? lateShare.toFixed(SHARE_DECIMALS) : null,
    averageDaysLate: average.toNumber(),
    maxDaysLate: history.maxDaysLate,
  };
  const lateSentence = (days: number, share: string): Sentence => {
    const [avg, got, limitShare] = [formatted(average.toDecimalPlaces(1)), lateShare ? percent(lateShare) : null, percent(new D(share))];
    return {
      en: `The debtor has paid ${history.paidLate} of ${history.invoicesPaid} invoices late${got ? ` (${got.en})` : ''}, on average ${avg.en} days late; the limits ${input.invoice.recourse === 'WITHOUT_RECOURSE' ? 'without' : 'with'} recourse are ${days} days and ${limitShare.en}`,
      sv: `Fakturamottagaren har betalat ${history.paidLate} av ${history.invoicesPaid} fakturor sent${got ? ` (${got.sv})` : ''}, i genomsnitt ${avg.sv} dagar sent; gränserna ${input.invoice.recourse === 'WITHOUT_RECOURSE' ? 'utan' : 'med'} regress är ${days} dagar och ${limitShare.sv}`,
      nb: `Fakturamottakeren har betalt ${history.paidLate} av ${history.invoicesPaid} fakturaer for sent${got ? ` (${got.nb})` : ''}, i gjennomsnitt ${avg.nb} dager for sent; grensene ${input.invoice.recourse === 'WITHOUT_RECOURSE' ? 'uten' : 'med'} regress er ${days} dager og ${limitShare.nb}`,
    };
  };
  const severe = average.greaterThan(thresholds.lateDenyAverageDays) || (shareCounts && lateShare!.greaterThan(thresholds.lateDenyShare));
  const late = average.greaterThan(thresholds.lateManualAverageDays) || (shareCounts && lateShare!.greaterThan(thresholds.lateManualShare));
  if (severe) {
    const s = lateSentence(thresholds.lateDenyAverageDays, thresholds.lateDenyShare);
    add(
      CreditReasonCode.DEBTOR_PAYS_LATE_SEVERELY,
      { en: `${s.en}: too late to buy.`, sv: `${s.sv}: för sent för att köpa.`, nb: `${s.nb}: for sent til å kjøpe.` },
      { ...lateFigures, denyAverageDays: thresholds.lateDenyAverageDays, denyShare: thresholds.lateDenyShare },
    );
  } else if (late) {
    const s = lateSentence(thresholds.lateManualAverageDays, thresholds.lateManualShare);
    add(
      CreditReasonCode.DEBTOR_PAYS_LATE,
      { en: `${s.en}: a credit analyst decides.`, sv: `${s.sv}: en kreditanalytiker bedömer fakturan.`, nb: `${s.nb}: en kredittanalytiker vurderer fakturaen.` },
      { ...lateFigures, manualAverageDays: thresholds.lateManualAverageDays, manualShare: thresholds.lateManualShare },
    );
  }

  // Concentration: this debtor's share of the client's purchased exposure, after this invoice.
  const clientAfter = new D(client.exposureAfter);
  const pairAfter = read.pairExposure.plus(amount);
  const share = clientAfter.isZero() ? new D(0) : pairAfter.dividedBy(clientAfter);
  const minClient = new D(rules.concentrationMinClientExposure);
  if (clientAfter.greaterThanOrEqualTo(minClient) && share.greaterThan(rules.concentrationMaxShare)) {
    const [got, max] = [percent(share), percent(new D(rules.concentrationMaxShare))];
    add(
      CreditReasonCode.CONCENTRATION_HIGH,
      {
        en: `After this invoice the debtor would account for ${got.en} of the client's purchased exposure (${money(pairAfter).en} of ${money(clientAfter).en}), above ${max.en}: a credit analyst decides.`,
        sv: `Efter den här fakturan skulle fakturamottagaren stå för ${got.sv} av kundens köpta engagemang (${money(pairAfter).sv} av ${money(clientAfter).sv}), över ${max.sv}: en kreditanalytiker bedömer fakturan.`,
        nb: `Etter denne fakturaen ville fakturamottakeren stå for ${got.nb} av kundens kjøpte engasjement (${money(pairAfter).nb} av ${money(clientAfter).nb}), over ${max.nb}: en kredittanalytiker vurderer fakturaen.`,
      },
      {
        pairExposureAfter: pairAfter.toFixed(2),
        clientExposureAfter: clientAfter.toFixed(2),
        share: share.toFixed(SHARE_DECIMALS),
        maxShare: rules.concentrationMaxShare,
        minClientExposure: minClient.toFixed(2),
      },
    );
  }

  // Private persons: stricter control (seed 001).
  if (input.debtor.kind === 'PERSON') {
    const cap = new D(thresholds.personMaxAmount);
    if (amount.greaterThan(cap)) {
      add(
        CreditReasonCode.PERSON_AMOUNT_ABOVE_CAP,
        {
          en: `The debtor is a private person and the amount ${money(amount).en} is above ${money(cap).en}: a credit analyst decides.`,
          sv: `Fakturamottagaren är en privatperson och beloppet ${money(amount).sv} är över ${money(cap).sv}: en kreditanalytiker bedömer fakturan.`,
          nb: `Fakturamottakeren er en privatperson og beløpet ${money(amount).nb} er over ${money(cap).nb}: en kredittanalytiker vurderer fakturaen.`,
        },
        { amount: amount.toFixed(2), personMaxAmount: cap.toFixed(2), recourse: input.invoice.recourse },
      );
    }
    if (history.paidLate > 0) {
      add(
        CreditReasonCode.PERSON_LATE_HISTORY,
        {
          en: `The debtor is a private person who has paid ${history.paidLate} invoice(s) late: a credit analyst decides.`,
          sv: `Fakturamottagaren är en privatperson som har betalat ${history.paidLate} faktura(or) sent: en kreditanalytiker bedömer fakturan.`,
          nb: `Fakturamottakeren er en privatperson som har betalt ${history.paidLate} faktura(er) for sent: en kredittanalytiker vurderer fakturaen.`,
        },
        { paidLate: history.paidLate, maxDaysLate: history.maxDaysLate },
      );
    }
  }

  // A debtor new to the factor with a large amount.
  const newMax = new D(thresholds.newDebtorMaxAmount);
  if (input.debtor.isNew && amount.greaterThan(newMax)) {
    add(
      CreditReasonCode.NEW_DEBTOR_AMOUNT_HIGH,
      {
        en: `No invoice to this debtor has been bought before and the amount ${money(amount).en} is above ${money(newMax).en}: a credit analyst decides.`,
        sv: `Ingen faktura till den här fakturamottagaren har köpts tidigare och beloppet ${money(amount).sv} är över ${money(newMax).sv}: en kreditanalytiker bedömer fakturan.`,
        nb: `Ingen faktura til denne fakturamottakeren er kjøpt før og beløpet ${money(amount).nb} er over ${money(newMax).nb}: en kredittanalytiker vurderer fakturaen.`,
      },
      { amount: amount.toFixed(2), newDebtorMaxAmount: newMax.toFixed(2), recourse: input.invoice.recourse },
    );
  }

  // Far above the client's usual.
  const median = medianOf(read.recentAmounts);
  const multiple = new D(rules.unusualAmountMultiple);
  if (median !== null && read.recentAmounts.length >= rules.unusualAmountMinHistory && amount.greaterThan(median.times(multiple))) {
    const [usual, times] = [money(median), formatted(multiple)];
    add(
      CreditReasonCode.AMOUNT_UNUSUAL_FOR_CLIENT,
      {
        en: `The amount ${money(amount).en} is more than ${times.en} times the client's usual (the median of its last ${read.recentAmounts.length} invoices is ${usual.en}): a credit analyst decides.`,
        sv: `Beloppet ${money(amount).sv} är mer än ${times.sv} gånger kundens vanliga (medianen av de senaste ${read.recentAmounts.length} fakturorna är ${usual.sv}): en kreditanalytiker bedömer fakturan.`,
        nb: `Beløpet ${money(amount).nb} er mer enn ${times.nb} ganger kundens vanlige (medianen av de siste ${read.recentAmounts.length} fakturaene er ${usual.nb}): en kredittanalytiker vurderer fakturaen.`,
      },
      { amount: amount.toFixed(2), median: median.toFixed(2), multiple: rules.unusualAmountMultiple, historyCount: read.recentAmounts.length },
    );
  }

  // The spot-check draw (seed 004).
  if (input.spotCheck.selected) {
    add(
      CreditReasonCode.SPOT_CHECK_SELECTED,
      {
        en: 'The invoice was picked for a spot check: the factor contacts the debtor to confirm it; the decision may take a day longer.',
        sv: 'Fakturan valdes ut för stickprovskontroll: vi kontaktar fakturamottagaren för att stämma av den; beslutet kan dröja någon dag.',
        nb: 'Fakturaen ble valgt ut til stikkprøvekontroll: vi kontakter fakturamottakeren for å bekrefte den; avgjørelsen kan ta en dag ekstra.',
      },
      { rate: input.spotCheck.rate, draw: input.spotCheck.draw },
    );
  }

  const outcome = strictest(reasons);
  if (reasons.length === 0) {
    add(
      CreditReasonCode.APPROVED,
      {
        en: `Approved: the amount ${money(amount).en} fits within the debtor's and the client's limits and no credit rule calls for a closer look.`,
        sv: `Godkänd: beloppet ${money(amount).sv} ryms inom fakturamottagarens och kundens limiter och ingen kreditregel kräver en närmare granskning.`,
        nb: `Godkjent: beløpet ${money(amount).nb} er innenfor fakturamottakerens og kundens grenser og ingen kredittregel krever en nærmere vurdering.`,
      },
      { amount: amount.toFixed(2), debtorHeadroomAfter: debtor.headroomAfter, clientHeadroomAfter: client.headroomAfter, pairHeadroomAfter: pair ? pair.headroomAfter : null },
    );
  }

  return {
    outcome,
    reasons,
    rulesVersion: settings.validFrom,
    figures: {
      amount: amount.toFixed(2),
      currency,
      recourse: input.invoice.recourse,
      daysUntilDue: input.today.daysUntil(input.invoice.dueDate),
      debtor,
      client,
      pair,
      pairExposureAfter: pairAfter.toFixed(2),
      concentrationShare: share.toFixed(SHARE_DECIMALS),
      clientInvoicesSold: input.client.invoicesSold,
      clientHistoryCount: read.recentAmounts.length,
      clientMedianAmount: median ? median.toFixed(2) : null,
      debtorKind: input.debtor.kind,
      debtorIsNew: input.debtor.isNew,
      history: { ...history, lateShare: lateShare ? lateShare.toFixed(SHARE_DECIMALS) : null },
      debtorThresholds: { ...thresholds },
      spotCheck: { selected: input.spotCheck.selected, rate: input.spotCheck.rate, draw: input.spotCheck.draw },
    },
  };
}

/** The strictest effect among the reasons; APPROVE when there are none. */
export function strictest(reasons: readonly { effect: CreditOutcome }[]): CreditOutcome {
  let rank = 0;
  for (const r of reasons) rank = Math.max(rank, CREDIT_OUTCOMES.indexOf(r.effect));
  return CREDIT_OUTCOMES[rank];
}

const LIMIT_NAMES: Record<'debtor' | 'client' | 'pair', Sentence> = {
  debtor: { en: "the debtor's limit", sv: 'fakturamottagarens limit', nb: 'fakturamottakerens grense' },
  client: { en: "the client's credit limit", sv: 'kundens kreditlimit', nb: 'kundens kredittgrense' },
  pair: { en: 'the limit for this client and debtor', sv: 'limiten för kunden och fakturamottagaren', nb: 'grensen for kunden og fakturamottakeren' },
};

function limitFigures(limit: EffectiveLimit, exposure: Decimal, amount: Decimal, toleranceShare: Decimal): LimitFigures {
  const value = new D(limit.amount);
  const after = exposure.plus(amount);
  return {
    limit: limit.amount,
    raiseInForce: limit.raiseInForce,
    exposureBefore: exposure.toFixed(2),
    exposureAfter: after.toFixed(2),
    headroomAfter: value.minus(after).toFixed(2),
    toleranceAmount: value.times(toleranceShare).toDecimalPlaces(AMOUNT_DECIMALS, Decimal.ROUND_DOWN).toFixed(2),
    explanation: limit.explanation,
  };
}

/** The median; the mean of the two middle values for an even count; null for none. */
export function medianOf(values: readonly Decimal[]): Decimal | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : sorted[middle - 1].plus(sorted[middle]).dividedBy(2);
}

interface ReadInput {
  amount: Decimal;
  currency: string;
  debtorExposure: Decimal;
  clientExposure: Decimal;
  pairExposure: Decimal;
  recentAmounts: Decimal[];
}

/** Malformed input is a bug in the caller (the API reads it from the database): it throws, naming the field. */
function readInput(input: CreditInput, rules: CreditSettings): ReadInput {
  const amount = nonNegativeDecimalOrThrow(input.invoice.amount, 'invoice.amount', 'the amount', AMOUNT_DECIMALS);
  if (input.invoice.currency !== rules.currency) {
    throw new InvalidValueError(
      'CREDIT_CURRENCY_MISMATCH',
      `The invoice is in ${String(input.invoice.currency)} but the credit settings are in ${rules.currency}.`,
      'invoice.currency',
      { value: String(input.invoice.currency), expected: rules.currency },
    );
  }
  oneOf(input.invoice.recourse, RECOURSE_MODES, 'invoice.recourse');
  oneOf(input.debtor.kind, DEBTOR_KINDS, 'debtor.kind');
  for (const [field, value] of [
    ['client.invoicesSold', input.client.invoicesSold],
    ['debtor.history.invoicesPaid', input.debtor.history.invoicesPaid],
    ['debtor.history.paidLate', input.debtor.history.paidLate],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new InvalidValueError('CREDIT_COUNT_INVALID', `${field} must be a whole number, 0 or more; ${String(value)} is not.`, field, { value: String(value) });
  }
  for (const [field, value] of [
    ['debtor.history.averageDaysLate', input.debtor.history.averageDaysLate],
    ['debtor.history.maxDaysLate', input.debtor.history.maxDaysLate],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InvalidValueError('CREDIT_DAYS_INVALID', `${field} must be a number of days, 0 or more; ${String(value)} is not.`, field, { value: String(value) });
  }
  if (input.debtor.history.paidLate > input.debtor.history.invoicesPaid) {
    throw new InvalidValueError('CREDIT_HISTORY_INCONSISTENT', 'The debtor cannot have paid more invoices late than it has paid.', 'debtor.history.paidLate', {
      paidLate: input.debtor.history.paidLate,
      invoicesPaid: input.debtor.history.invoicesPaid,
    });
  }
  const debtorExposure = nonNegativeDecimalOrThrow(input.debtor.exposure, 'debtor.exposure', "the debtor's exposure", AMOUNT_DECIMALS);
  const clientExposure = nonNegativeDecimalOrThrow(input.client.exposure, 'client.exposure', "the client's exposure", AMOUNT_DECIMALS);
  const pairExposure = nonNegativeDecimalOrThrow(input.pair.exposure, 'pair.exposure', 'the exposure of the client and debtor', AMOUNT_DECIMALS);
  // The pair's exposure is part of both the client's and the debtor's: more is a wiring bug.
  if (pairExposure.greaterThan(clientExposure) || pairExposure.greaterThan(debtorExposure)) {
    throw new InvalidValueError(
      'CREDIT_EXPOSURE_INCONSISTENT',
      `The exposure of the client and debtor (${pairExposure.toFixed(2)}) cannot exceed the client's (${clientExposure.toFixed(2)}) or the debtor's (${debtorExposure.toFixed(2)}).`,
      'pair.exposure',
      { pair: pairExposure.toFixed(2), client: clientExposure.toFixed(2), debtor: debtorExposure.toFixed(2) },
    );
  }
  const recentAmounts = input.client.recentInvoiceAmounts.map((value, i) =>
    nonNegativeDecimalOrThrow(value, `client.recentInvoiceAmounts[${i}]`, 'a recent invoice amount', AMOUNT_DECIMALS),
  );
  return { amount, currency: rules.currency, debtorExposure, clientExposure, pairExposure, recentAmounts };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): asserts value is T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new InvalidValueError('CREDIT_VALUE_UNKNOWN', `${field} must be one of ${allowed.join(', ')}; ${String(value)} is not.`, field, { value: String(value) });
  }
}
