import type * as Api from './generated/graphql';
import type * as Schema from './generated/schema';

/*
 * The records the console shows. Their shapes come from the API's schema (apps/api/schema.graphql)
 * through the generated types (src/generated, apps/console/codegen.yml): each record is what its
 * resource's documents select (the fragments in <resource>/queries.ts), so an API change the console
 * does not follow fails the type check. Written here by hand: the value lists the forms offer (each
 * checked against the schema's enum), the contents of JSON fields the schema cannot describe
 * (figures, details), and console-only helpers.
 */

/**
 * A schema enum's values in the console's order: a value the schema lacks, or one of the schema's
 * the list leaves out, fails the type check.
 */
const valuesOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & (Exclude<T, A[number]> extends never ? unknown : { missing: Exclude<T, A[number]> })): A =>
    values;

export const ROLES = valuesOf<Schema.Role>()(['CREDIT_ANALYST', 'COLLECTION', 'FINANCE', 'ADMIN']);
export type Role = Schema.Role;

export const AUDIT_OUTCOMES = valuesOf<Schema.AuditOutcome>()(['SUCCEEDED', 'REFUSED', 'FAILED']);
export type AuditOutcome = Schema.AuditOutcome;

export type StaffMember = Api.StaffFieldsFragment;

/** A trail entry; `inputSummary` on its page only. */
export type AuditEntry = Api.AuditListFieldsFragment & { inputSummary?: unknown };

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/* Clients and debtors (apps/api/src/clients, debtors, integration-keys). Amounts are decimal strings. */

export const COUNTRIES = valuesOf<Schema.Country>()(['SE', 'NO']);
export type Country = Schema.Country;

export const CLIENT_STATES = valuesOf<Schema.ClientState>()(['APPLIED', 'ACTIVE', 'BLOCKED', 'REFUSED', 'TERMINATED']);
export type ClientState = Schema.ClientState;

export const APPLICATION_STATES = valuesOf<Schema.ApplicationState>()(['PENDING', 'APPROVED', 'REFUSED']);
export type ApplicationState = Schema.ApplicationState;

export const REGISTRY_STATUSES = valuesOf<Schema.RegistryStatus>()(['ACTIVE', 'BANKRUPT', 'IN_LIQUIDATION', 'DISSOLVED']);
export type RegistryStatus = Schema.RegistryStatus;

export const RECOURSE_MODES = valuesOf<Schema.RecourseMode>()(['WITH_RECOURSE', 'WITHOUT_RECOURSE']); // med / utan regress
export type RecourseMode = Schema.RecourseMode;

export const SPOT_CHECK_INTENSITIES = valuesOf<Schema.SpotCheckIntensity>()(['HIGH', 'NORMAL', 'LOW']); // stickprov
export type SpotCheckIntensity = Schema.SpotCheckIntensity;

export const DELIVERY_CHANNELS = valuesOf<Schema.DeliveryChannel>()(['EMAIL', 'E_INVOICE', 'POST', 'KIVRA']);
export type DeliveryChannel = Schema.DeliveryChannel;

export const BANK_ACCOUNT_KINDS = valuesOf<Schema.BankAccountKind>()(['SE_BANKGIRO', 'SE_PLUSGIRO', 'SE_BANK_ACCOUNT', 'NO_BANK_ACCOUNT', 'IBAN']);
export type BankAccountKind = Schema.BankAccountKind;
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

export const DEBTOR_KINDS = valuesOf<Schema.DebtorKind>()(['COMPANY', 'PERSON']);
export type DebtorKind = Schema.DebtorKind;

export const DEBTOR_RELATIONS = valuesOf<Schema.DebtorRelation>()(['SAME_GROUP', 'SAME_OWNER']);
export type DebtorRelation = Schema.DebtorRelation;

export type Address = Schema.Address;

export type Contact = Schema.Contact;

/** An account as the API shows it; a form's account has no `display` yet. */
export type BankAccount = Omit<Schema.BankAccount, 'display'> & { display?: string };

/** A code with its sentence in each language, as the rules wrote it. */
export type Reason = Schema.Reason;

export type StaffRef = Schema.StaffRef;

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

export type ClientApplication = Omit<Api.ApplicationFieldsFragment, 'details'> & { details: ApplicationDetails | null };

export type ClientAgreement = Api.AgreementFieldsFragment;

/** `until`: the last day (inclusive) the raise counts. */
export type TemporaryRaise = Schema.TemporaryRaise;

/** A client and one of its debtors: the pair's own limit, delivery and relation. */
export type ClientDebtor = Api.PairFieldsFragment;

/** A pair in a table: its id is `clientId:debtorId`. */
export type ClientDebtorRow = ClientDebtor & { id: string };

/** An agreement version in a table: its id is the version. */
export type ClientAgreementRow = ClientAgreement & { id: number };

export type IntegrationKey = Api.KeyFieldsFragment;

/** `key` is the secret: in this answer only, never again. */
export type IssuedIntegrationKey = Api.IssueKeyMutation['issueIntegrationKey'];

/** A client as its list reads it, with what its page reads besides (absent on the list). */
type ClientPageOnly = 'agreementHistory' | 'debtors' | 'integrationKeys' | 'spotCheckRate';
export type Client = Omit<Api.ClientFieldsFragment, ClientPageOnly> & Partial<Pick<Api.ClientFieldsFragment, ClientPageOnly>>;

export type PaymentHistory = Api.DebtorFieldsFragment['paymentHistory'];

/** A debtor; its clients and verified contacts are read on its page only. */
type DebtorPageOnly = 'clients' | 'verifiedContacts';
export type Debtor = Omit<Api.DebtorFieldsFragment, DebtorPageOnly> & Partial<Pick<Api.DebtorFieldsFragment, DebtorPageOnly>>;

export const TIMELINE_ENTITY_TYPES = ['CLIENT', 'CLIENT_APPLICATION', 'DEBTOR', 'STAFF_MEMBER', 'INVOICE'] as const;
export type TimelineEntityType = (typeof TIMELINE_ENTITY_TYPES)[number];

/** One state change: who, when, from, to, why. */
export type TimelineEvent = Api.TimelineQuery['timeline'][number];

/* Invoices (apps/api/src/invoices). Amounts are decimal strings. */

/** The back office status of an invoice, in the order an invoice usually passes them. */
export const INVOICE_STATUSES = valuesOf<Schema.InvoiceStatus>()([
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
  'RECOURSE',
  'FULLY_PAID',
]);
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What the client sees in its accounting program (seeds 000, 004). */
export const CLIENT_INVOICE_STATUSES = valuesOf<Schema.ClientInvoiceStatus>()(['OFFERED', 'PROCESSING', 'DENIED', 'DECLINED', 'EXPIRED', 'WITHDRAWN', 'SOLD', 'CREDITED', 'FULLY_PAID', 'RECOURSE']);
export type ClientInvoiceStatus = Schema.ClientInvoiceStatus;

export const DEDUCTION_KINDS = valuesOf<Schema.DeductionKind>()(['ROT', 'RUT', 'GREEN_TECH']); // rot, rut, grön teknik
export type DeductionKind = Schema.DeductionKind;

export type InvoiceLine = Api.InvoiceFieldsFragment['lines'][number];

export type Offer = NonNullable<Api.InvoiceFieldsFragment['offer']>;

/** `reference`: OCR (Sweden) or KID (Norway). */
export type PaymentInstructions = NonNullable<Api.InvoiceFieldsFragment['paymentInstructions']>;

export type SuspectedDuplicate = Api.InvoiceFieldsFragment['suspectedDuplicates'][number];

export type InvoiceTimelineEntry = Api.InvoiceFieldsFragment['timeline'][number];

export type CreditNote = Api.InvoiceFieldsFragment['creditNotes'][number];

/** The debtor as the client's program submitted it. */
export interface SubmittedDebtor {
  kind?: DebtorKind;
  identityNumber?: string;
  name?: string;
  address?: Address;
  email?: string;
  vatNumber?: string;
}

/** An invoice as its list reads it, with what its page reads besides (absent on the list). */
type InvoicePageOnly = Exclude<keyof Api.InvoiceFieldsFragment, keyof Api.InvoiceListFieldsFragment>;
export type Invoice = Omit<Api.InvoiceListFieldsFragment, 'status'> &
  Partial<Omit<Pick<Api.InvoiceFieldsFragment, InvoicePageOnly>, 'debtor' | 'creditDecisions'>> & {
    /** The debtor as the client's program submitted it (JSON). */
    debtor?: SubmittedDebtor | null;
    creditDecisions?: CreditDecisionRecord[];
    /** A String in the schema; the console knows these (an unknown one is shown as it came). */
    status: InvoiceStatus;
  };

/* Credit reviews (apps/api/src/credit): the manual-assessment and spot-check queues. */

export const REVIEW_KINDS = valuesOf<Schema.ReviewKind>()(['MANUAL_ASSESSMENT', 'SPOT_CHECK']);
export type ReviewKind = Schema.ReviewKind;
export const REVIEW_STATES = valuesOf<Schema.ReviewState>()(['OPEN', 'WAITING_FOR_CLIENT', 'CLOSED']);
export type ReviewState = Schema.ReviewState;
export const SPOT_CHECK_OUTCOMES = valuesOf<Schema.SpotCheckOutcome>()(['CONFIRMED', 'NOT_CONFIRMED', 'UNREACHABLE']);
export type SpotCheckOutcome = Schema.SpotCheckOutcome;
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
export type VerifiedContactSource = Schema.VerifiedContactSource;

export type VerifiedDebtorContact = Api.ReviewFieldsFragment['verifiedContacts'][number];

export interface ContactDetails {
  /** Who gave the registered e-mail and phone: the client on its invoice, or staff. */
  givenBy?: 'CLIENT_INVOICE' | 'STAFF' | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  identityNumber?: string | null;
  address?: Address | null;
}

/** An item of a credit queue; `story` is read for one item only (its page, a spot check's outcome). */
export type CreditReview = Omit<Api.ReviewFieldsFragment, 'figures' | 'debtorContact'> & {
  figures: CreditFigures | null;
  debtorContact: { registered?: ContactDetails | null; onInvoice?: ContactDetails | null } | null;
  story?: CreditReviewStory;
};

export type CreditReviewStep = CreditReviewStory['steps'][number];

export type CreditReviewStory = Api.ReviewStoryFragment['story'];

export type CreditDecisionRecord = Omit<Api.InvoiceFieldsFragment['creditDecisions'][number], 'figures'> & { figures: CreditFigures | null };

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

export type RuleSettingVersion = Omit<Api.RuleSettingFieldsFragment, 'value'> & { value: Record<string, unknown> };
