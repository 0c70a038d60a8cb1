/** The records the console shows, as the API's GraphQL schema defines them. */

export const ROLES = ['CREDIT_ANALYST', 'COLLECTION', 'FINANCE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const AUDIT_OUTCOMES = ['SUCCEEDED', 'REFUSED', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
  deactivationReason: string | null;
  version: number;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  operation: string;
  operationType: string;
  targetType: string | null;
  targetId: string | null;
  inputSummary?: unknown;
  outcome: AuditOutcome;
  errorCode: string | null;
  requestId: string | null;
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/* Clients and debtors (apps/api/src/clients, debtors, integration-keys). Amounts are decimal strings. */

export const COUNTRIES = ['SE', 'NO'] as const;
export type Country = (typeof COUNTRIES)[number];

export const CLIENT_STATES = ['APPLIED', 'ACTIVE', 'BLOCKED', 'REFUSED', 'TERMINATED'] as const;
export type ClientState = (typeof CLIENT_STATES)[number];

export const APPLICATION_STATES = ['PENDING', 'APPROVED', 'REFUSED'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const REGISTRY_STATUSES = ['ACTIVE', 'BANKRUPT', 'IN_LIQUIDATION', 'DISSOLVED'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

export const RECOURSE_MODES = ['WITH_RECOURSE', 'WITHOUT_RECOURSE'] as const; // med / utan regress
export type RecourseMode = (typeof RECOURSE_MODES)[number];

export const SPOT_CHECK_INTENSITIES = ['HIGH', 'NORMAL', 'LOW'] as const; // stickprov
export type SpotCheckIntensity = (typeof SPOT_CHECK_INTENSITIES)[number];

export const DELIVERY_CHANNELS = ['EMAIL', 'E_INVOICE', 'POST', 'KIVRA'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const BANK_ACCOUNT_KINDS = ['SE_BANKGIRO', 'SE_PLUSGIRO', 'SE_BANK_ACCOUNT', 'NO_BANK_ACCOUNT', 'IBAN'] as const;
export type BankAccountKind = (typeof BANK_ACCOUNT_KINDS)[number];
/** The kinds a client in each country may give as payout or repayment account (libs/domain BankAccount). */
export const ACCOUNT_KINDS_BY_COUNTRY: Record<Country, BankAccountKind[]> = {
  SE: ['SE_BANKGIRO', 'SE_PLUSGIRO', 'SE_BANK_ACCOUNT', 'IBAN'],
  NO: ['NO_BANK_ACCOUNT', 'IBAN'],
};

/** Company forms a client may have (seed 000 for Sweden, 001 for Norway). */
export const COMPANY_FORMS: Record<Country, string[]> = {
  SE: ['AB', 'EF', 'HB', 'KB'],
  NO: ['ENK', 'AS', 'ASA', 'DA', 'ANS'],
};

/** The reasons an analyst may give when refusing an application (libs/rules analyst-refusal). */
export const REFUSAL_REASONS = [
  'UNPAID_PUBLIC_FEES',
  'SIGNIFICANT_PAYMENT_REMARKS',
  'KEY_RATIOS',
  'INCOMPLETE_INFORMATION',
  'OTHER',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const DEBTOR_KINDS = ['COMPANY', 'PERSON'] as const;
export type DebtorKind = (typeof DEBTOR_KINDS)[number];

export const DEBTOR_RELATIONS = ['SAME_GROUP', 'SAME_OWNER'] as const;
export type DebtorRelation = (typeof DEBTOR_RELATIONS)[number];

export interface Address {
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface Contact {
  name: string;
  email: string;
  phone: string | null;
}

export interface BankAccount {
  kind: BankAccountKind;
  value: string;
  display?: string;
}

/** A code with its sentence in each language, as the rules wrote it. */
export interface Reason {
  code: string;
  en: string;
  sv: string;
  nb: string;
}

export interface StaffRef {
  id: string;
  name: string;
}

/** What the company gave when applying (the application's `details`). */
export interface ApplicationDetails {
  registryStatus?: RegistryStatus;
  address?: Address;
  contact?: Contact;
  payoutAccount?: BankAccount;
  repaymentAccount?: BankAccount;
  accountingProgram?: string | null;
  legalName?: string;
  companyForm?: string;
}

export interface ClientApplication {
  id: string;
  clientId: string;
  country: Country;
  organisationNumber: string;
  legalName: string;
  companyForm: string;
  submittedAt: string;
  answerDueOn: string;
  overdue: boolean;
  ageHours: number;
  state: ApplicationState;
  details: ApplicationDetails | null;
  automaticReasons: Reason[];
  claimedBy: StaffRef | null;
  claimedAt: string | null;
  decidedBy: StaffRef | null;
  decidedAt: string | null;
  refusalReasons: Reason[];
  decisionNote: string | null;
  version: number;
}

export interface ClientAgreement {
  version: number;
  validFrom: string;
  feePercent: string;
  feeFixed: string;
  feeMinimum: string;
  vatRateOnFeePercent: string;
  recourseModes: RecourseMode[];
  creditLimit: string;
  spotCheckIntensity: SpotCheckIntensity;
  deliveryChannel: DeliveryChannel;
  payoutAccount: BankAccount;
  repaymentAccount: BankAccount;
  changedBy: StaffRef | null;
  changeReason: string;
}

export interface TemporaryRaise {
  amount: string;
  /** The last day (inclusive) the raise counts. */
  until: string;
}

/** A client and one of its debtors: the pair's own limit, delivery and relation. */
export interface ClientDebtor {
  clientId: string;
  clientName: string;
  debtorId: string;
  debtorName: string;
  creditLimit: string | null;
  temporaryRaise: TemporaryRaise | null;
  effectiveLimit: string | null;
  exposure: string;
  deliveryChannel: DeliveryChannel | null;
  relation: DebtorRelation | null;
  relationNote: string | null;
  version: number;
}

/** A pair in a table: its id is `clientId:debtorId`. */
export type ClientDebtorRow = ClientDebtor & { id: string };

/** An agreement version in a table: its id is the version. */
export type ClientAgreementRow = ClientAgreement & { id: number };

export interface IntegrationKey {
  id: string;
  clientId: string;
  label: string;
  keyPrefix: string;
  createdAt: string;
  createdBy: StaffRef | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: StaffRef | null;
  revokeReason: string | null;
}

export interface IssuedIntegrationKey {
  /** The secret: in this answer only, never again. */
  key: string;
  integrationKey: IntegrationKey;
}

export interface Client {
  /** Spot checks so far (seed 004: denser at first, sparser later); on the show page only. */
  spotCheckRate?: { decisions: number; selected: number; achieved: string | null; expectedNext: string };
  id: string;
  country: Country;
  currency: string;
  organisationNumber: string;
  legalName: string;
  companyForm: string;
  address: Address;
  contact: Contact;
  accountingProgram: string | null;
  state: ClientState;
  stateReason: string | null;
  exposure: string;
  creditLimit: string | null;
  agreement: ClientAgreement | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** On the show page only. */
  agreementHistory?: ClientAgreement[];
  debtors?: ClientDebtor[];
  integrationKeys?: IntegrationKey[];
}

export interface PaymentHistory {
  invoicesPaid: number;
  invoicesPaidLate: number;
  averageDaysLate: string;
  maxDaysLate: number;
  hasUnpaidBefore: boolean;
  hasDisputedBefore: boolean;
}

export interface Debtor {
  id: string;
  country: Country;
  kind: DebtorKind;
  identityNumber: string;
  name: string;
  address: Address;
  email: string | null;
  phone: string | null;
  /** Who gave the e-mail and phone above (issue 9 h). */
  contactGivenBy: 'CLIENT_INVOICE' | 'STAFF' | null;
  verifiedContacts?: VerifiedDebtorContact[];
  currency: string;
  creditLimit: string;
  temporaryRaise: TemporaryRaise | null;
  effectiveLimit: string;
  exposure: string;
  available: string;
  paymentHistory: PaymentHistory;
  createdAt: string;
  version: number;
  /** On the show page only. */
  clients?: ClientDebtor[];
}

export const TIMELINE_ENTITY_TYPES = ['CLIENT', 'CLIENT_APPLICATION', 'DEBTOR', 'STAFF_MEMBER', 'INVOICE'] as const;
export type TimelineEntityType = (typeof TIMELINE_ENTITY_TYPES)[number];

/** One state change: who, when, from, to, why. */
export interface TimelineEvent {
  id: string;
  entityType: string;
  entityId: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  fromState: string | null;
  toState: string;
  reason: string | null;
  details: unknown;
}

/* Invoices (apps/api/src/invoices). Amounts are decimal strings. */

/** The back office status of an invoice, in the order an invoice usually passes them. */
export const INVOICE_STATUSES = [
  'OFFERED',
  'REFUSED',
  'OFFER_REVIEW',
  'DECLINED',
  'EXPIRED',
  'WITHDRAWN',
  'ACCEPTED',
  'SPOT_CHECK',
  'MANUAL_ASSESSMENT',
  'DENIED',
  'PURCHASED',
  'CREDITED',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What the client sees in its accounting program (seeds 000, 004). */
export const CLIENT_INVOICE_STATUSES = ['OFFERED', 'PROCESSING', 'DENIED', 'DECLINED', 'EXPIRED', 'WITHDRAWN', 'SOLD', 'CREDITED'] as const;
export type ClientInvoiceStatus = (typeof CLIENT_INVOICE_STATUSES)[number];

export const DEDUCTION_KINDS = ['ROT', 'RUT', 'GREEN_TECH'] as const; // rot, rut, grön teknik
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

export interface InvoiceLine {
  lineNumber: number;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRatePercent: string;
  reverseCharge: boolean;
  net: string;
}

export interface Offer {
  amount: string;
  fee: string;
  vatOnFee: string;
  payout: string;
  currency: string;
  recourseModes: RecourseMode[];
  plannedPayoutDate: string;
  expiresAt: string;
}

export interface PaymentInstructions {
  /** OCR (Sweden) or KID (Norway). */
  reference: string;
  referenceKind: string;
  account: string;
  accountKind: string;
}

export interface SuspectedDuplicate {
  invoiceId: string;
  invoiceNumber: string;
  sameClient: boolean;
  kind: string;
}

export interface InvoiceTimelineEntry {
  occurredAt: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
}

export interface CreditNote {
  id: string;
  creditNumber: string;
  amount: string;
  reason: string | null;
  createdAt: string;
}

/** The debtor as the client's program submitted it. */
export interface SubmittedDebtor {
  kind?: DebtorKind;
  identityNumber?: string;
  name?: string;
  address?: Address;
  email?: string;
  vatNumber?: string;
}

export interface Invoice {
  id: string;
  clientId: string;
  clientName: string;
  debtorId: string | null;
  debtorName: string;
  invoiceNumber: string;
  country: Country;
  currency: string;
  invoiceDate: string;
  deliveryDate: string;
  dueDate: string;
  net: string;
  vat: string;
  rounding: string;
  gross: string;
  deductionKind: DeductionKind | null;
  deductionAmount: string | null;
  payable: string;
  status: InvoiceStatus;
  clientStatus: ClientInvoiceStatus;
  reasons: Reason[];
  createdAt: string;
  updatedAt: string;
  version: number;
  /** On the show page only. */
  debtor?: SubmittedDebtor | null;
  suspectedDuplicates?: SuspectedDuplicate[];
  offer?: Offer | null;
  recourseMode?: RecourseMode | null;
  acceptedAt?: string | null;
  paymentInstructions?: PaymentInstructions | null;
  creditedAmount?: string;
  lines?: InvoiceLine[];
  timeline?: InvoiceTimelineEntry[];
  creditNotes?: CreditNote[];
  creditDecisions?: CreditDecisionRecord[];
}

/* Credit reviews (apps/api/src/credit): the manual-assessment and spot-check queues. */

export const REVIEW_KINDS = ['MANUAL_ASSESSMENT', 'SPOT_CHECK'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_STATES = ['OPEN', 'WAITING_FOR_CLIENT', 'CLOSED'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const SPOT_CHECK_OUTCOMES = ['CONFIRMED', 'NOT_CONFIRMED', 'UNREACHABLE'] as const;
export type SpotCheckOutcome = (typeof SPOT_CHECK_OUTCOMES)[number];
/** Unreachable this many times, the API sends a spot check to a manual assessment (credit-reviews.service.ts). */
export const SPOT_CHECK_MAX_ATTEMPTS = 3;

/** One level's limit as the rules saw it (decide-credit.ts `LimitFigures`); amounts are decimal strings. */
export interface LimitFigures {
  limit: string;
  raiseInForce: boolean;
  exposureBefore: string;
  exposureAfter: string;
  headroomAfter: string;
  toleranceAmount?: string;
  explanation?: { code: string; message: Record<string, string> };
}

/** What the automatic decision was based on (decide-credit.ts `CreditFigures`); JSON, so everything optional. */
export interface CreditFigures {
  amount?: string;
  currency?: string;
  recourse?: RecourseMode;
  daysUntilDue?: number;
  debtor?: LimitFigures | null;
  client?: LimitFigures | null;
  pair?: LimitFigures | null;
  pairExposureAfter?: string;
  concentrationShare?: string;
  clientInvoicesSold?: number;
  clientMedianAmount?: string | null;
  debtorKind?: string;
  debtorIsNew?: boolean;
  history?: { invoicesPaid: number; paidLate: number; averageDaysLate: number; maxDaysLate: number; lateShare: string | null };
  spotCheck?: { selected: boolean; rate: string; draw: string };
}

/** Where an analyst found a contact it verified (issue 9 h). */
export type VerifiedContactSource = 'PUBLIC_REGISTRY' | 'COMPANY_WEBSITE' | 'DIRECTORY_SERVICE' | 'DEBTOR_DOCUMENT' | 'OTHER';

export interface VerifiedDebtorContact {
  id: string;
  phone: string | null;
  email: string | null;
  source: VerifiedContactSource;
  sourceDetail: string;
  recordedBy: StaffRef;
  recordedAt: string;
}

export interface ContactDetails {
  /** Who gave the registered e-mail and phone: the client on its invoice, or staff. */
  givenBy?: 'CLIENT_INVOICE' | 'STAFF' | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  identityNumber?: string | null;
  address?: Address | null;
}

export interface CreditReview {
  id: string;
  kind: ReviewKind;
  state: ReviewState;
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  debtorId: string | null;
  debtorName: string;
  debtorContact: { registered?: ContactDetails | null; onInvoice?: ContactDetails | null } | null;
  verifiedContacts: VerifiedDebtorContact[];
  amount: string;
  currency: string;
  openedAt: string;
  dueAt: string;
  overdue: boolean;
  ageHours: number;
  claimedBy: StaffRef | null;
  attempts: number;
  reasons: Reason[];
  figures: CreditFigures | null;
  outcome: string | null;
  version: number;
  /** Asked of one item only (its page, a spot check's outcome): apps/api CreditReviewStory. */
  story?: CreditReviewStory;
}

export interface CreditReviewStep {
  code: 'SPOT_CHECK_UNREACHABLE_ATTEMPT' | 'SPOT_CHECK_NOT_CONFIRMED' | 'SPOT_CHECK_UNREACHABLE' | 'QUESTION_TO_CLIENT' | 'CLIENT_ANSWER' | string;
  at: string;
  by: string | null;
  text: string | null;
  attempt: number | null;
}

export interface CreditReviewStory {
  cameFromReviewId: string | null;
  cameFromOutcome: string | null;
  followUpReviewId: string | null;
  clockPaused: boolean;
  pausedAt: string | null;
  steps: CreditReviewStep[];
  exposureNow: Pick<CreditFigures, 'debtor' | 'client' | 'pair'> | null;
}

export interface CreditDecisionRecord {
  kind: 'AUTOMATIC' | 'MANUAL' | 'SPOT_CHECK' | string;
  outcome: 'APPROVE' | 'DENY' | 'MANUAL_ASSESSMENT' | 'SPOT_CHECK' | string;
  reasons: Reason[];
  figures: CreditFigures | null;
  rulesVersion: string | null;
  decidedBy: { name: string } | null;
  note: string | null;
  decidedAt: string;
}

/* Rule settings (apps/api/src/rule-settings): dated versions, never edited. */

export const RULE_SETTING_NAMES = ['eligibility', 'offer', 'credit', 'spotCheck', 'reviewTimes'] as const;
export type RuleSettingName = (typeof RULE_SETTING_NAMES)[number];

/** libs/rules EligibilitySettings. */
export interface EligibilitySettings {
  currency: string;
  maxDaysSinceDelivery: number;
  maxDaysUntilDue: number;
  minimumAmount: string;
  totalsTolerance: string;
}

/** libs/rules OfferSettings. */
export interface OfferSettings {
  validityHours: number;
  /** 'HH:MM' in `timeZone`. */
  payoutCutOff: string;
  timeZone: string;
}

/**
 * The settings with nested values (libs/rules CreditSettings, SpotCheckSettings): shown as JSON
 * in the table, edited as a form generated from the version in force (or as JSON, on request).
 */
export const JSON_RULE_SETTINGS: readonly RuleSettingName[] = ['credit', 'spotCheck'];

/** How a setting's value is typed: `number` goes as a JSON number, `decimal` as a decimal string ("0.05"), `text` as it is. */
export type RuleSettingKind = 'number' | 'decimal' | 'text';

/** The fields of each setting, in the order the table and the form show them. None for the JSON ones: their form comes from the value. */
export const RULE_SETTING_FIELDS: Record<RuleSettingName, Array<{ key: string; kind: RuleSettingKind }>> = {
  eligibility: [
    { key: 'currency', kind: 'text' },
    { key: 'maxDaysSinceDelivery', kind: 'number' },
    { key: 'maxDaysUntilDue', kind: 'number' },
    { key: 'minimumAmount', kind: 'decimal' },
    { key: 'totalsTolerance', kind: 'decimal' },
  ],
  offer: [
    { key: 'validityHours', kind: 'number' },
    { key: 'payoutCutOff', kind: 'text' },
    { key: 'timeZone', kind: 'text' },
  ],
  credit: [],
  spotCheck: [],
  reviewTimes: [
    { key: 'manualAssessmentHours', kind: 'number' },
    { key: 'spotCheckHours', kind: 'number' },
  ],
};

/**
 * The order the generated form shows the keys of the nested settings in, as in libs/rules;
 * a published value comes back from PostgreSQL's jsonb with its keys sorted by length.
 * A key not listed here follows the listed ones, in the value's own order.
 */
export const NESTED_SETTING_KEY_ORDER: readonly string[] = [
  // CreditSettings
  'currency',
  'limitToleranceShare',
  'concentrationMaxShare',
  'concentrationMinClientExposure',
  'unusualAmountMultiple',
  'unusualAmountMinHistory',
  'lateShareMinPaidInvoices',
  'debtor',
  'WITH_RECOURSE',
  'WITHOUT_RECOURSE',
  'newDebtorMaxAmount',
  'personMaxAmount',
  'lateManualAverageDays',
  'lateManualShare',
  'lateDenyAverageDays',
  'lateDenyShare',
  // SpotCheckSettings
  'alwaysCheckFirst',
  'halfLifeInvoices',
  'floorRate',
  'intensityFactor',
  'HIGH',
  'NORMAL',
  'LOW',
  'newDebtorMinimumRate',
  'largeAmountThreshold',
  'largeAmountMinimumRate',
];

export const CREDIT_OUTCOMES = ['APPROVE', 'SPOT_CHECK', 'MANUAL_ASSESSMENT', 'DENY'] as const;
export type CreditOutcomeName = (typeof CREDIT_OUTCOMES)[number];

/** The API's CreditWhatIf: the recorded automatic decisions replayed under candidate credit settings. */
export interface CreditWhatIf {
  decisions: number;
  before: Partial<Record<CreditOutcomeName, number>>;
  after: Partial<Record<CreditOutcomeName, number>>;
  /** moved[recorded][replayed] = count. */
  moved: Partial<Record<CreditOutcomeName, Partial<Record<CreditOutcomeName, number>>>>;
  exposureTakenBefore: string;
  exposureTakenAfter: string;
}

export interface RuleSettingVersion {
  validFrom: string;
  value: Record<string, unknown>;
  source: string;
  /** Shipped with the rules (the first version). */
  builtIn: boolean;
  createdAt: string | null;
  createdBy: StaffRef | null;
}
