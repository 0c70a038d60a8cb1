import {
  HttpError,
  type CreateParams,
  type DataProvider,
  type GetListParams,
  type GetManyParams,
  type GetOneParams,
  type GetManyReferenceParams,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import { gql } from './graphql';
import { payoutBatchQueries } from './payouts/queries';
import type {
  BankAccountKind,
  Client,
  ClientApplication,
  Country,
  ClientDebtor,
  CreditReview,
  DebtorRelation,
  DeliveryChannel,
  Debtor,
  IntegrationKey,
  IssuedIntegrationKey,
  RecourseMode,
  ReviewKind,
  RuleSettingName,
  RuleSettingVersion,
  SpotCheckIntensity,
  SpotCheckOutcome,
  StaffMember,
  TemporaryRaise,
} from './types';

/*
 * A small data provider of our own rather than ra-data-graphql-simple: that package
 * expects `allXs` + `_allXsMeta` queries and `createX(field: ...)` arguments, while our
 * API returns explicit page types (`StaffMemberPage { items total }`), takes `input`
 * objects and an `expectedVersion`, and the queues to come need custom operations
 * (claim, approve, decide) that are plain mutations, not CRUD. Each resource's GraphQL
 * text lives in `resources` below and nowhere else.
 */

const STAFF_FIELDS = `id email name roles active createdAt updatedAt deactivatedAt deactivationReason version`;
const AUDIT_LIST_FIELDS = `id occurredAt actorId actorEmail operation operationType targetType targetId outcome errorCode requestId`;
const AUDIT_FIELDS = `${AUDIT_LIST_FIELDS} inputSummary`;

const REASON = `{ code en sv nb }`;
const STAFF_REF = `{ id name }`;
const ADDRESS = `{ street postalCode city country }`;
const ACCOUNT = `{ kind value display }`;
const RAISE = `{ amount until }`;
const APPLICATION_LIST_FIELDS = `id clientId country organisationNumber legalName companyForm submittedAt answerDueOn overdue ageHours state
  claimedBy ${STAFF_REF} claimedAt decidedBy ${STAFF_REF} decidedAt version`;
const APPLICATION_FIELDS = `${APPLICATION_LIST_FIELDS} details automaticReasons ${REASON} refusalReasons ${REASON} decisionNote`;
const AGREEMENT_FIELDS = `version validFrom feePercent feeFixed feeMinimum vatRateOnFeePercent recourseModes creditLimit spotCheckIntensity
  deliveryChannel payoutAccount ${ACCOUNT} repaymentAccount ${ACCOUNT} changedBy ${STAFF_REF} changeReason`;
const PAIR_FIELDS = `clientId clientName debtorId debtorName creditLimit temporaryRaise ${RAISE} effectiveLimit exposure deliveryChannel
  relation relationNote version`;
const KEY_FIELDS = `id clientId label keyPrefix createdAt createdBy ${STAFF_REF} lastUsedAt revokedAt revokedBy ${STAFF_REF} revokeReason`;
const CLIENT_LIST_FIELDS = `id country currency organisationNumber legalName companyForm accountingProgram state stateReason exposure creditLimit
  createdAt updatedAt version`;
const CLIENT_FIELDS = `${CLIENT_LIST_FIELDS} address ${ADDRESS} contact { name email phone } agreement { ${AGREEMENT_FIELDS} }
  agreementHistory { ${AGREEMENT_FIELDS} } debtors { ${PAIR_FIELDS} } integrationKeys { ${KEY_FIELDS} }
  spotCheckRate { decisions selected achieved expectedNext }`;
const DEBTOR_LIST_FIELDS = `id country kind identityNumber name currency creditLimit temporaryRaise ${RAISE} effectiveLimit exposure available
  createdAt version`;
const DEBTOR_FIELDS = `${DEBTOR_LIST_FIELDS} address ${ADDRESS} email phone contactGivenBy
  verifiedContacts { id phone email source sourceDetail recordedBy { id name } recordedAt }
  paymentHistory { invoicesPaid invoicesPaidLate averageDaysLate maxDaysLate hasUnpaidBefore hasDisputedBefore } clients { ${PAIR_FIELDS} }`;
const TIMELINE_FIELDS = `id entityType entityId occurredAt actorType actorId actorName fromState toState reason details`;
const INVOICE_LIST_FIELDS = `id clientId clientName debtorId debtorName invoiceNumber country currency invoiceDate deliveryDate dueDate
  net vat rounding gross deductionKind deductionAmount payable status clientStatus reasons ${REASON} createdAt updatedAt version`;
const INVOICE_FIELDS = `${INVOICE_LIST_FIELDS} debtor suspectedDuplicates { invoiceId invoiceNumber sameClient kind }
  offer { amount fee vatOnFee payout currency recourseModes plannedPayoutDate expiresAt } recourseMode acceptedAt
  paymentInstructions { reference referenceKind account accountKind } creditedAmount
  lines { lineNumber description quantity unitPrice vatRatePercent reverseCharge net }
  timeline { occurredAt fromState toState reason } creditNotes { id creditNumber amount reason createdAt }
  creditDecisions { kind outcome reasons ${REASON} figures rulesVersion decidedBy { name } note decidedAt }`;
const REVIEW_FIELDS = `id kind state invoiceId invoiceNumber clientId clientName debtorId debtorName debtorContact
  verifiedContacts { id phone email source sourceDetail recordedBy { id name } recordedAt } amount currency openedAt
  dueAt overdue ageHours claimedBy ${STAFF_REF} attempts reasons ${REASON} figures outcome version`;
const LIMIT_NOW = 'limit raiseInForce exposureBefore exposureAfter headroomAfter';
/** One item's whole story (issue 11 s.4): asked on its page and after a spot check's outcome, not for a list. */
const REVIEW_STORY = `story { cameFromReviewId cameFromOutcome followUpReviewId clockPaused pausedAt steps { code at by text attempt }
  exposureNow { debtor { ${LIMIT_NOW} } client { ${LIMIT_NOW} } pair { ${LIMIT_NOW} } } }`;
const RULE_SETTING_FIELDS = `validFrom value source builtIn createdAt createdBy ${STAFF_REF}`;

/** The sort fields the clients query accepts; the rest of its columns do not sort. */
export const CLIENT_SORT_FIELDS = ['legalName', 'createdAt', 'exposure', 'state'];
/** The sort fields the invoices query accepts. */
export const INVOICE_SORT_FIELDS = ['createdAt', 'invoiceDate', 'dueDate', 'payable'];

type Variables = Record<string, unknown>;

interface ResourceQueries {
  /** `idOf` gives ids to the rows of a list whose records have none (react-admin's caches need one). */
  list?: { query: string; field: string; variables: (params: GetListParams) => Variables; idOf?: (row: Record<string, unknown>) => string };
  one?: { query: string; field: string };
  create?: { query: string; field: string; variables: (params: CreateParams) => Variables };
  update?: { query: string; field: string; variables: (params: UpdateParams) => Variables };
}

/** Drops the empty values a filter form leaves behind, which the API would treat as criteria. */
const compact = (filter: Record<string, unknown> = {}): Variables =>
  Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );

/** react-admin counts pages from 1, the API from 0. */
const page = (params: GetListParams) => ({
  page: Math.max(0, (params.pagination?.page ?? 1) - 1),
  perPage: params.pagination?.perPage ?? 25,
});

/**
 * A date filter input gives a calendar day (YYYY-MM-DD); the API wants instants. "From" is
 * the start of that day and "to" its end, both in the user's time zone, so to = from picks one day.
 */
const dayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayEnd = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Optional text: trimmed, and left out when empty so the API sees "not given". */
const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Amounts and rates go as decimal strings ("1500.00", never numbers). People in Sweden and
 * Norway write a decimal comma and group thousands with spaces; both are undone here, so the
 * API gets the one spelling it accepts, and its own message says what is wrong otherwise.
 */
export const toDecimal = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = String(value).replace(/[\s\u00a0]/g, '').replace(',', '.');
  return text === '' ? undefined : text;
};

const account = (value: unknown) => {
  const given = value as { kind?: string; value?: string } | undefined;
  return given?.kind && given.value?.trim() ? { kind: given.kind, value: given.value.trim() } : undefined;
};

const address = (value: unknown) => {
  const given = (value ?? {}) as Record<string, string | undefined>;
  return {
    street: String(given.street ?? '').trim(),
    postalCode: String(given.postalCode ?? '').trim(),
    city: String(given.city ?? '').trim(),
    country: String(given.country ?? '').trim(),
  };
};

/** Pairs have no id of their own; react-admin's tables want one. */
const withPairIds = (pairs: ClientDebtor[] | undefined) =>
  pairs?.map((pair) => ({ ...pair, id: `${pair.clientId}:${pair.debtorId}` }));

/** The resource name of a credit review's queue, for links and redirects. */
export const reviewResource = (kind: ReviewKind) => (kind === 'SPOT_CHECK' ? 'spot-checks' : 'manual-assessment');

/**
 * A credit queue, oldest first as the API orders it (it takes no sort). No state means everything
 * not closed, waiting for the client included: the queue's default.
 */
function creditReviewQueue(kind: ReviewKind): ResourceQueries {
  return {
    list: {
      query: `query CreditReviews($page: Int, $perPage: Int, $filter: CreditReviewFilter) {
        creditReviews(page: $page, perPage: $perPage, filter: $filter) { items { ${REVIEW_FIELDS} } total }
      }`,
      field: 'creditReviews',
      variables: (params) => {
        const { state, mine } = compact(params.filter);
        return { ...page(params), filter: compact({ kind, state, mine: mine ? true : undefined }) };
      },
    },
    one: { query: `query CreditReview($id: ID!) { creditReview(id: $id) { ${REVIEW_FIELDS} ${REVIEW_STORY} } }`, field: 'creditReview' },
  };
}

export const resources: Record<string, ResourceQueries> = {
  'client-applications': {
    list: {
      query: `query ClientApplications($page: Int, $perPage: Int, $filter: ClientApplicationFilter) {
        clientApplications(page: $page, perPage: $perPage, filter: $filter) { items { ${APPLICATION_LIST_FIELDS} } total }
      }`,
      field: 'clientApplications',
      // The queue is always oldest first: the API takes no sort.
      variables: (params) => ({ ...page(params), filter: compact(params.filter) }),
    },
    one: {
      query: `query ClientApplication($id: ID!) { clientApplication(id: $id) { ${APPLICATION_FIELDS} } }`,
      field: 'clientApplication',
    },
    create: {
      query: `mutation SubmitClientApplication($input: ClientApplicationInput!) {
        submitClientApplication(input: $input) { ${APPLICATION_FIELDS} }
      }`,
      field: 'submitClientApplication',
      variables: ({ data }) => ({
        input: {
          country: data.country,
          organisationNumber: String(data.organisationNumber ?? '').trim(),
          legalName: String(data.legalName ?? '').trim(),
          companyForm: data.companyForm,
          registryStatus: data.registryStatus ?? 'ACTIVE',
          address: address(data.address),
          contact: {
            name: String(data.contact?.name ?? '').trim(),
            email: String(data.contact?.email ?? '').trim(),
            phone: optionalText(data.contact?.phone),
          },
          payoutAccount: account(data.payoutAccount) ?? { kind: data.payoutAccount?.kind, value: '' },
          // "Same as payout" is the usual case: the factor pays back to where it pays out.
          repaymentAccount: data.repaymentSameAsPayout
            ? account(data.payoutAccount) ?? { kind: data.payoutAccount?.kind, value: '' }
            : account(data.repaymentAccount) ?? { kind: data.repaymentAccount?.kind, value: '' },
          accountingProgram: optionalText(data.accountingProgram),
        },
      }),
    },
  },
  // The two credit queues are one API query with the kind fixed: each is a resource of its own (menu, routes).
  'manual-assessment': creditReviewQueue('MANUAL_ASSESSMENT'),
  'spot-checks': creditReviewQueue('SPOT_CHECK'),
  // Read as a list (filter: entityType, entityId) so react-admin's refresh reloads it after an action.
  timeline: {
    list: {
      query: `query Timeline($entityType: String!, $entityId: ID!) { timeline(entityType: $entityType, entityId: $entityId) { ${TIMELINE_FIELDS} } }`,
      field: 'timeline',
      variables: (params) => ({ entityType: params.filter?.entityType, entityId: params.filter?.entityId }),
    },
  },
  clients: {
    list: {
      query: `query Clients($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: ClientFilter) {
        clients(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
          items { ${CLIENT_LIST_FIELDS} } total
        }
      }`,
      field: 'clients',
      variables: (params) => ({
        ...page(params),
        sortField: CLIENT_SORT_FIELDS.includes(params.sort?.field ?? '') ? params.sort!.field : 'legalName',
        sortOrder: params.sort?.order === 'DESC' ? 'DESC' : 'ASC',
        filter: compact(params.filter),
      }),
    },
    one: { query: `query Client($id: ID!) { client(id: $id) { ${CLIENT_FIELDS} } }`, field: 'client' },
  },
  debtors: {
    list: {
      query: `query Debtors($page: Int, $perPage: Int, $filter: DebtorFilter) {
        debtors(page: $page, perPage: $perPage, filter: $filter) { items { ${DEBTOR_LIST_FIELDS} } total }
      }`,
      field: 'debtors',
      // Always by name: the API takes no sort.
      variables: (params) => ({ ...page(params), filter: compact(params.filter) }),
    },
    one: { query: `query Debtor($id: ID!) { debtor(id: $id) { ${DEBTOR_FIELDS} } }`, field: 'debtor' },
    create: {
      query: `mutation RegisterDebtor($input: RegisterDebtorInput!) { registerDebtor(input: $input) { ${DEBTOR_FIELDS} } }`,
      field: 'registerDebtor',
      variables: ({ data }) => ({
        input: {
          country: data.country,
          kind: data.kind,
          identityNumber: String(data.identityNumber ?? '').trim(),
          name: String(data.name ?? '').trim(),
          address: address(data.address),
          email: optionalText(data.email),
          phone: optionalText(data.phone),
          creditLimit: toDecimal(data.creditLimit),
        },
      }),
    },
  },
  invoices: {
    list: {
      query: `query Invoices($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: InvoiceFilter) {
        invoices(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
          items { ${INVOICE_LIST_FIELDS} } total
        }
      }`,
      field: 'invoices',
      variables: (params) => {
        const { amountFrom, amountTo, q, ...rest } = compact(params.filter);
        return {
          ...page(params),
          sortField: INVOICE_SORT_FIELDS.includes(params.sort?.field ?? '') ? params.sort!.field : 'createdAt',
          sortOrder: params.sort?.order === 'ASC' ? 'ASC' : 'DESC',
          // Dates stay calendar days here: the API filters on the invoice date, a day, not an instant.
          filter: compact({ ...rest, q: optionalText(q), amountFrom: toDecimal(amountFrom), amountTo: toDecimal(amountTo) }),
        };
      },
    },
    one: { query: `query Invoice($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`, field: 'invoice' },
  },
  // Read as a list (filter: name, country) so react-admin's refresh reloads it after a publish.
  'rule-settings': {
    list: {
      query: `query RuleSettings($name: String!, $country: Country!) { ruleSettings(name: $name, country: $country) { ${RULE_SETTING_FIELDS} } }`,
      field: 'ruleSettings',
      variables: (params) => ({ name: params.filter?.name, country: params.filter?.country }),
      // One version per day for a setting and country: the day is its id.
      idOf: (row) => String(row.validFrom),
    },
  },
  staff: {
    list: {
      query: `query StaffMembers($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: StaffMemberFilter) {
        staffMembers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
          items { ${STAFF_FIELDS} } total
        }
      }`,
      field: 'staffMembers',
      variables: (params) => ({
        ...page(params),
        sortField: params.sort?.field || 'name',
        sortOrder: params.sort?.order === 'DESC' ? 'DESC' : 'ASC',
        filter: compact(params.filter),
      }),
    },
    one: { query: `query StaffMember($id: ID!) { staffMember(id: $id) { ${STAFF_FIELDS} } }`, field: 'staffMember' },
    create: {
      query: `mutation CreateStaffMember($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { ${STAFF_FIELDS} } }`,
      field: 'createStaffMember',
      variables: ({ data }) => ({
        input: {
          email: String(data.email ?? '').trim(),
          name: String(data.name ?? '').trim(),
          roles: data.roles ?? [],
          initialPassword: data.initialPassword,
        },
      }),
    },
    update: {
      query: `mutation UpdateStaffMember($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { ${STAFF_FIELDS} } }`,
      field: 'updateStaffMember',
      // The version the user saw when the form opened: a save over someone else's change is refused (CONFLICT).
      variables: ({ id, data, previousData }) => ({
        id,
        input: {
          name: typeof data.name === 'string' ? data.name.trim() : undefined,
          roles: data.roles,
          expectedVersion: (data as Partial<StaffMember>).version ?? (previousData as StaffMember | undefined)?.version,
        },
      }),
    },
  },
  audit: {
    list: {
      query: `query AuditEntries($page: Int, $perPage: Int, $sortOrder: SortOrder, $filter: AuditEntryFilter) {
        auditEntries(page: $page, perPage: $perPage, sortOrder: $sortOrder, filter: $filter) {
          items { ${AUDIT_LIST_FIELDS} } total
        }
      }`,
      field: 'auditEntries',
      // The trail is ordered by time only; the sort field is always occurredAt.
      variables: (params) => {
        const { from, to, ...rest } = compact(params.filter);
        return {
          ...page(params),
          sortOrder: params.sort?.order === 'ASC' ? 'ASC' : 'DESC',
          filter: {
            ...rest,
            ...(from ? { from: isDay(from) ? dayStart(from) : from } : {}),
            ...(to ? { to: isDay(to) ? dayEnd(to) : to } : {}),
          },
        };
      },
    },
    one: { query: `query AuditEntry($id: ID!) { auditEntry(id: $id) { ${AUDIT_FIELDS} } }`, field: 'auditEntry' },
  },
  // Finance's payout batches: the documents live with the resource (payouts/queries.ts).
  'payout-batches': payoutBatchQueries,
};

const queriesFor = <K extends keyof ResourceQueries>(resource: string, operation: K): NonNullable<ResourceQueries[K]> => {
  const query = resources[resource]?.[operation];
  if (!query) {
    throw new HttpError('console.errors.unsupported', 501, { code: 'UNSUPPORTED', resource, operation });
  }
  return query;
};

interface Page<T> {
  items: T[];
  total: number;
}

const STAFF_ACTION_FIELDS = STAFF_FIELDS;

/** The agreement terms as the forms hold them (amounts as typed). */
export interface AgreementTermsForm {
  feePercent: string;
  feeFixed?: string;
  feeMinimum?: string;
  vatRateOnFeePercent?: string;
  recourseModes: RecourseMode[];
  creditLimit: string;
  spotCheckIntensity: SpotCheckIntensity;
  deliveryChannel: DeliveryChannel;
  payoutAccount?: { kind: BankAccountKind; value: string };
  repaymentAccount?: { kind: BankAccountKind; value: string };
}

/** `AgreementTermsInput`: decimals as strings; empty optional fees left to the API's defaults. */
const agreementTerms = (terms: AgreementTermsForm) => ({
  feePercent: toDecimal(terms.feePercent) ?? '',
  feeFixed: toDecimal(terms.feeFixed),
  feeMinimum: toDecimal(terms.feeMinimum),
  vatRateOnFeePercent: toDecimal(terms.vatRateOnFeePercent),
  recourseModes: terms.recourseModes ?? [],
  creditLimit: toDecimal(terms.creditLimit) ?? '',
  spotCheckIntensity: terms.spotCheckIntensity,
  deliveryChannel: terms.deliveryChannel,
  payoutAccount: account(terms.payoutAccount),
  repaymentAccount: account(terms.repaymentAccount),
});

export interface PairTermsForm {
  clientId: string;
  debtorId: string;
  /** Empty removes the pair limit: only the debtor limit applies. */
  creditLimit?: string;
  temporaryRaise?: { amount?: string; until?: string } | null;
  deliveryChannel?: DeliveryChannel | null;
  reason?: string;
}

const raise = (value: { amount?: string; until?: string } | null | undefined): TemporaryRaise | undefined => {
  const amount = toDecimal(value?.amount);
  return amount && value?.until ? { amount, until: value.until } : undefined;
};

/** Operations beyond CRUD, called through `useDataProvider<ConsoleDataProvider>()`. */
export interface ConsoleDataProvider extends DataProvider {
  deactivateStaffMember(id: string, reason: string): Promise<StaffMember>;
  reactivateStaffMember(id: string): Promise<StaffMember>;
  changeMyPassword(currentPassword: string, newPassword: string): Promise<boolean>;
  claimClientApplication(id: string): Promise<ClientApplication>;
  releaseClientApplication(id: string): Promise<ClientApplication>;
  /** Claims the oldest pending application nobody holds (of a country, if given); null when there is none. */
  claimNextClientApplication(country?: string): Promise<ClientApplication | null>;
  approveClientApplication(id: string, terms: AgreementTermsForm, note?: string): Promise<ClientApplication>;
  refuseClientApplication(id: string, reasons: string[], note?: string): Promise<ClientApplication>;
  blockClient(id: string, reason: string): Promise<Client>;
  unblockClient(id: string, reason: string): Promise<Client>;
  terminateClient(id: string, reason: string): Promise<Client>;
  updateClientAgreement(id: string, terms: AgreementTermsForm, expectedVersion: number, reason: string): Promise<Client>;
  issueIntegrationKey(clientId: string, label: string): Promise<IssuedIntegrationKey>;
  revokeIntegrationKey(id: string, reason: string): Promise<IntegrationKey>;
  setDebtorLimit(
    id: string,
    creditLimit: string,
    temporaryRaise: { amount?: string; until?: string } | null,
    expectedVersion: number,
    reason?: string,
  ): Promise<Debtor>;
  setClientDebtorTerms(terms: PairTermsForm): Promise<ClientDebtor>;
  markClientDebtorRelation(clientId: string, debtorId: string, relation: DebtorRelation | null, note: string): Promise<ClientDebtor>;
  claimCreditReview(id: string): Promise<CreditReview>;
  /** The oldest item of the queue nobody holds, claimed; null when none is left. */
  claimNextCreditReview(kind: ReviewKind): Promise<CreditReview | null>;
  approveCreditReview(id: string, note?: string): Promise<CreditReview>;
  denyCreditReview(id: string, note: string, reasons?: string[]): Promise<CreditReview>;
  askClientForInformation(id: string, question: string): Promise<CreditReview>;
  resumeCreditReview(id: string, note: string): Promise<CreditReview>;
  /** NOT_CONFIRMED: `deny` denies at once instead of sending the invoice to a manual assessment. */
  recordSpotCheckOutcome(id: string, outcome: SpotCheckOutcome, note?: string, deny?: boolean): Promise<CreditReview>;
  publishRuleSetting(
    name: RuleSettingName,
    country: Country,
    validFrom: string,
    value: Record<string, unknown>,
    source: string,
  ): Promise<RuleSettingVersion>;
}

/** One mutation, its answer's field. */
async function mutate<T>(name: string, query: string, variables: Variables): Promise<T> {
  return (await gql<Record<string, T>>(query, variables))[name];
}

async function getList<R extends RaRecord>(resource: string, params: GetListParams) {
  const { query, field, variables, idOf } = queriesFor(resource, 'list');
  const data = await gql<Record<string, Page<R> | R[]>>(query, variables(params), { signal: params.signal });
  const answer = data[field];
  // A few queries (timeline, rule settings) answer with the whole list rather than a page.
  if (Array.isArray(answer)) {
    const rows = idOf ? answer.map((row) => ({ ...row, id: idOf(row) })) : answer;
    return { data: rows, total: rows.length };
  }
  return { data: answer.items, total: answer.total };
}

async function getOne<R extends RaRecord>(resource: string, id: RaRecord['id'], signal?: AbortSignal) {
  const { query, field } = queriesFor(resource, 'one');
  const data = await gql<Record<string, R>>(query, { id }, { signal });
  return data[field];
}

const unsupported = (resource: string, operation: string) => () =>
  Promise.reject(new HttpError('console.errors.unsupported', 501, { code: 'UNSUPPORTED', resource, operation }));

export const dataProvider: ConsoleDataProvider = {
  getList: <R extends RaRecord>(resource: string, params: GetListParams) => getList<R>(resource, params),

  getOne: async <R extends RaRecord>(resource: string, params: GetOneParams) => {
    const data = await getOne<R>(resource, params.id, params.signal);
    const record = data as unknown as Partial<Client & Debtor>;
    // Pairs and agreement versions get ids for the tables that show them.
    return {
      data: {
        ...data,
        ...(record.debtors ? { debtors: withPairIds(record.debtors) } : {}),
        ...(record.clients ? { clients: withPairIds(record.clients) } : {}),
        ...(record.agreementHistory ? { agreementHistory: record.agreementHistory.map((a) => ({ ...a, id: a.version })) } : {}),
      },
    };
  },

  // The API has no "many by id" queries; the lists this serves are short (references on one page).
  getMany: async <R extends RaRecord>(resource: string, params: GetManyParams) => ({
    data: await Promise.all(params.ids.map((id) => getOne<R>(resource, id, params.signal))),
  }),

  getManyReference: <R extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
    getList<R>(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),

  create: async (resource, params) => {
    const { query, field, variables } = queriesFor(resource, 'create');
    const data = await gql<Record<string, RaRecord>>(query, variables(params));
    return { data: data[field] } as never;
  },

  update: async (resource, params) => {
    const { query, field, variables } = queriesFor(resource, 'update');
    const data = await gql<Record<string, RaRecord>>(query, variables(params));
    return { data: data[field] } as never;
  },

  // Nothing in the back office is deleted: staff are deactivated, entries are permanent.
  updateMany: (resource) => unsupported(resource, 'updateMany')(),
  delete: (resource) => unsupported(resource, 'delete')(),
  deleteMany: (resource) => unsupported(resource, 'deleteMany')(),

  deactivateStaffMember: async (id, reason) =>
    (
      await gql<{ deactivateStaffMember: StaffMember }>(
        `mutation DeactivateStaffMember($id: ID!, $reason: String!) { deactivateStaffMember(id: $id, reason: $reason) { ${STAFF_ACTION_FIELDS} } }`,
        { id, reason },
      )
    ).deactivateStaffMember,

  reactivateStaffMember: async (id) =>
    (
      await gql<{ reactivateStaffMember: StaffMember }>(
        `mutation ReactivateStaffMember($id: ID!) { reactivateStaffMember(id: $id) { ${STAFF_ACTION_FIELDS} } }`,
        { id },
      )
    ).reactivateStaffMember,

  // A wrong current password is BAD_USER_INPUT with field currentPassword: the form shows it there.
  changeMyPassword: async (currentPassword, newPassword) =>
    (
      await gql<{ changeMyPassword: boolean }>(
        `mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) { changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword) }`,
        { currentPassword, newPassword },
      )
    ).changeMyPassword,

  claimClientApplication: (id) =>
    mutate('claimClientApplication', `mutation Claim($id: ID!) { claimClientApplication(id: $id) { ${APPLICATION_FIELDS} } }`, { id }),

  releaseClientApplication: (id) =>
    mutate('releaseClientApplication', `mutation Release($id: ID!) { releaseClientApplication(id: $id) { ${APPLICATION_FIELDS} } }`, { id }),

  /*
   * The API has no "claim next": this walks the pending queue (oldest first) for the first
   * application nobody holds and claims it. Another analyst may take it in between (CONFLICT):
   * then the next one is tried, so two analysts pressing at once each get a different one.
   */
  claimNextClientApplication: async (country) => {
    const perPage = 100;
    for (let pageNo = 0; pageNo < 20; pageNo += 1) {
      const { clientApplications } = await gql<{ clientApplications: { items: ClientApplication[]; total: number } }>(
        `query PendingApplications($page: Int, $perPage: Int, $filter: ClientApplicationFilter) {
          clientApplications(page: $page, perPage: $perPage, filter: $filter) { items { id claimedBy { id } } total }
        }`,
        { page: pageNo, perPage, filter: compact({ state: 'PENDING', country }) },
      );
      for (const candidate of clientApplications.items.filter((item) => !item.claimedBy)) {
        try {
          return await dataProvider.claimClientApplication(candidate.id);
        } catch (error) {
          if ((error as HttpError).status !== 409) throw error;
        }
      }
      if ((pageNo + 1) * perPage >= clientApplications.total) break;
    }
    return null;
  },

  approveClientApplication: (id, terms, note) =>
    mutate(
      'approveClientApplication',
      `mutation Approve($id: ID!, $terms: AgreementTermsInput!, $note: String) {
        approveClientApplication(id: $id, terms: $terms, note: $note) { ${APPLICATION_FIELDS} }
      }`,
      { id, terms: agreementTerms(terms), note: optionalText(note) },
    ),

  refuseClientApplication: (id, reasons, note) =>
    mutate(
      'refuseClientApplication',
      `mutation Refuse($id: ID!, $reasons: [String!]!, $note: String) {
        refuseClientApplication(id: $id, reasons: $reasons, note: $note) { ${APPLICATION_FIELDS} }
      }`,
      { id, reasons, note: optionalText(note) },
    ),

  blockClient: (id, reason) =>
    mutate('blockClient', `mutation Block($id: ID!, $reason: String!) { blockClient(id: $id, reason: $reason) { ${CLIENT_LIST_FIELDS} } }`, {
      id,
      reason: reason.trim(),
    }),

  unblockClient: (id, reason) =>
    mutate('unblockClient', `mutation Unblock($id: ID!, $reason: String!) { unblockClient(id: $id, reason: $reason) { ${CLIENT_LIST_FIELDS} } }`, {
      id,
      reason: reason.trim(),
    }),

  terminateClient: (id, reason) =>
    mutate('terminateClient', `mutation Terminate($id: ID!, $reason: String!) { terminateClient(id: $id, reason: $reason) { ${CLIENT_LIST_FIELDS} } }`, {
      id,
      reason: reason.trim(),
    }),

  // The agreement version the admin edited: a change by someone else since is refused (CONFLICT).
  updateClientAgreement: (id, terms, expectedVersion, reason) =>
    mutate(
      'updateClientAgreement',
      `mutation UpdateAgreement($id: ID!, $terms: AgreementTermsInput!, $expectedVersion: Int!, $reason: String!) {
        updateClientAgreement(id: $id, terms: $terms, expectedVersion: $expectedVersion, reason: $reason) { ${CLIENT_LIST_FIELDS} }
      }`,
      { id, terms: agreementTerms(terms), expectedVersion, reason: reason.trim() },
    ),

  issueIntegrationKey: (clientId, label) =>
    mutate(
      'issueIntegrationKey',
      `mutation IssueKey($clientId: ID!, $label: String!) { issueIntegrationKey(clientId: $clientId, label: $label) { key integrationKey { ${KEY_FIELDS} } } }`,
      { clientId, label: label.trim() },
    ),

  revokeIntegrationKey: (id, reason) =>
    mutate('revokeIntegrationKey', `mutation RevokeKey($id: ID!, $reason: String!) { revokeIntegrationKey(id: $id, reason: $reason) { ${KEY_FIELDS} } }`, {
      id,
      reason: reason.trim(),
    }),

  setDebtorLimit: (id, creditLimit, temporaryRaise, expectedVersion, reason) =>
    mutate(
      'setDebtorLimit',
      `mutation SetDebtorLimit($id: ID!, $creditLimit: Decimal!, $temporaryRaise: TemporaryRaiseInput, $reason: String, $expectedVersion: Int!) {
        setDebtorLimit(id: $id, creditLimit: $creditLimit, temporaryRaise: $temporaryRaise, reason: $reason, expectedVersion: $expectedVersion) { ${DEBTOR_LIST_FIELDS} }
      }`,
      { id, creditLimit: toDecimal(creditLimit) ?? '', temporaryRaise: raise(temporaryRaise), expectedVersion, reason: optionalText(reason) },
    ),

  // Every pair term is sent each time: the API sets all of them, and an absent one is cleared.
  setClientDebtorTerms: (terms) =>
    mutate(
      'setClientDebtorTerms',
      `mutation SetPairTerms($clientId: ID!, $debtorId: ID!, $creditLimit: Decimal, $temporaryRaise: TemporaryRaiseInput, $deliveryChannel: DeliveryChannel, $reason: String) {
        setClientDebtorTerms(clientId: $clientId, debtorId: $debtorId, creditLimit: $creditLimit, temporaryRaise: $temporaryRaise,
                             deliveryChannel: $deliveryChannel, reason: $reason) { ${PAIR_FIELDS} }
      }`,
      {
        clientId: terms.clientId,
        debtorId: terms.debtorId,
        creditLimit: toDecimal(terms.creditLimit),
        temporaryRaise: raise(terms.temporaryRaise),
        deliveryChannel: terms.deliveryChannel || undefined,
        reason: optionalText(terms.reason),
      },
    ),

  markClientDebtorRelation: (clientId, debtorId, relation, note) =>
    mutate(
      'markClientDebtorRelation',
      `mutation MarkRelation($clientId: ID!, $debtorId: ID!, $relation: DebtorRelation, $note: String!) {
        markClientDebtorRelation(clientId: $clientId, debtorId: $debtorId, relation: $relation, note: $note) { ${PAIR_FIELDS} }
      }`,
      { clientId, debtorId, relation: relation ?? undefined, note: note.trim() },
    ),

  // A bad value is BAD_USER_INPUT with field `value.<setting>`: the form holds its values under `value`, so it lands there.
  claimCreditReview: (id) =>
    mutate('claimCreditReview', `mutation ClaimReview($id: ID!) { claimCreditReview(id: $id) { ${REVIEW_FIELDS} } }`, { id }),

  claimNextCreditReview: (kind) =>
    mutate('claimNextCreditReview', `mutation ClaimNextReview($kind: ReviewKind!) { claimNextCreditReview(kind: $kind) { ${REVIEW_FIELDS} } }`, {
      kind,
    }),

  approveCreditReview: (id, note) =>
    mutate('approveCreditReview', `mutation ApproveReview($id: ID!, $note: String) { approveCreditReview(id: $id, note: $note) { ${REVIEW_FIELDS} } }`, {
      id,
      note: optionalText(note),
    }),

  denyCreditReview: (id, note, reasons) =>
    mutate('denyCreditReview', `mutation DenyReview($id: ID!, $note: String!, $reasons: [String!]) { denyCreditReview(id: $id, note: $note, reasons: $reasons) { ${REVIEW_FIELDS} } }`, {
      id,
      note: note.trim(),
      reasons: reasons?.length ? reasons : undefined,
    }),

  askClientForInformation: (id, question) =>
    mutate(
      'askClientForInformation',
      `mutation AskClient($id: ID!, $note: String!) { askClientForInformation(id: $id, note: $note) { ${REVIEW_FIELDS} } }`,
      { id, note: question.trim() },
    ),

  resumeCreditReview: (id, note) =>
    mutate('resumeCreditReview', `mutation ResumeReview($id: ID!, $note: String!) { resumeCreditReview(id: $id, note: $note) { ${REVIEW_FIELDS} } }`, {
      id,
      note: note.trim(),
    }),

  recordSpotCheckOutcome: (id, outcome, note, deny = false) =>
    mutate(
      'recordSpotCheckOutcome',
      `mutation SpotCheckOutcome($id: ID!, $outcome: SpotCheckOutcome!, $note: String, $deny: Boolean) {
        recordSpotCheckOutcome(id: $id, outcome: $outcome, note: $note, deny: $deny) { ${REVIEW_FIELDS} ${REVIEW_STORY} }
      }`,
      { id, outcome, note: optionalText(note), deny },
    ),

  publishRuleSetting: (name, country, validFrom, value, source) =>
    mutate(
      'publishRuleSetting',
      `mutation PublishRuleSetting($name: String!, $country: Country!, $validFrom: String!, $value: JSON!, $source: String!) {
        publishRuleSetting(name: $name, country: $country, validFrom: $validFrom, value: $value, source: $source) { ${RULE_SETTING_FIELDS} }
      }`,
      { name, country, validFrom, value, source: source.trim() },
    ),
};
