import { HttpError } from 'react-admin';
import { i18nProvider } from './i18n';
import { apiErrorText } from './i18n/errors';

/**
 * The one way the console talks to the API: POST /graphql with the bearer token, and
 * GraphQL errors turned into react-admin HttpErrors so its usual machinery (notifications,
 * logout on 401, server-side form errors) works unchanged.
 */

const TOKEN_KEY = 'factoring.console.token';
const EXPIRES_KEY = 'factoring.console.tokenExpiresAt';

export const tokenStore = {
  get(): string | null {
    const token = localStorage.getItem(TOKEN_KEY);
    const expiresAt = localStorage.getItem(EXPIRES_KEY);
    if (!token) return null;
    if (expiresAt && Date.parse(expiresAt) <= Date.now()) return null;
    return token;
  },
  /** True when a token was stored but has run out, so sign-in can say so. */
  expired(): boolean {
    const expiresAt = localStorage.getItem(EXPIRES_KEY);
    return !!localStorage.getItem(TOKEN_KEY) && !!expiresAt && Date.parse(expiresAt) <= Date.now();
  },
  set(token: string, expiresAt: string): void {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(EXPIRES_KEY, expiresAt);
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(EXPIRES_KEY);
  },
};

/** The codes the API puts in `errors[].extensions.code`, and the HTTP status each stands for. */
export const errorStatus: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

interface GraphQLErrorShape {
  message: string;
  /** `reason` is not in the contract, but the API sends it (WRONG_CREDENTIALS, INVALID_INPUT, ...). */
  extensions?: { code?: string; field?: string; reason?: string } & Record<string, unknown>;
}

/** What an HttpError from here carries in `body`, besides react-admin's `errors` for forms. */
export interface ApiErrorBody {
  code: string;
  reason?: string;
  field?: string;
  /** react-admin shows these beside the form inputs, and `root.serverError` as the notification. */
  errors?: Record<string, unknown>;
}

/**
 * The API names a field by its path from the operation's arguments: `input.email`,
 * `terms.feePercent`, `input.address.city`, or a plain argument such as `reason` or
 * `temporaryRaise.until`. The forms hold what is inside the wrapping input object
 * (`email`, `feePercent`, `address.city`), so its name is dropped; a plain argument's path
 * is already the form's name.
 */
const INPUT_WRAPPERS = ['input', 'terms'];
export const formFieldName = (field: string): string => {
  const [first, ...rest] = field.split('.');
  return INPUT_WRAPPERS.includes(first) && rest.length ? rest.join('.') : field;
};

function toHttpError(error: GraphQLErrorShape, httpStatus: number): HttpError {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = errorStatus[code] ?? (httpStatus >= 400 ? httpStatus : 500);
  const body: ApiErrorBody = { code, reason: error.extensions?.reason };
  // Read in the person's language: the API words its refusals in English (issue 11 s.3).
  const message = error.message ? apiErrorText(i18nProvider.getLocale(), error.message, { ...error.extensions, code }) : '';
  if (code === 'BAD_USER_INPUT') {
    const field = error.extensions?.field;
    body.field = field;
    body.errors = {
      ...(field ? { [formFieldName(field)]: message } : {}),
      root: { serverError: message },
    };
  }
  return new HttpError(message || 'ra.notification.http_error', status, body);
}

export interface GqlOptions {
  /** signIn is the one operation that goes without a token. */
  anonymous?: boolean;
  /** react-admin aborts queries it no longer needs (a list page left before it loaded). */
  signal?: AbortSignal;
}

export const fieldError = (message: string, field: string): HttpError =>
  new HttpError(message, errorStatus.BAD_USER_INPUT, {
    code: 'BAD_USER_INPUT',
    field,
    errors: { [field]: message, root: { serverError: message } },
  } satisfies ApiErrorBody);

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: GqlOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  const token = options.anonymous ? null : tokenStore.get();
  // Without a token the API can only refuse: say so at once, as it would (react-admin then signs out).
  if (!options.anonymous && !token) {
    throw new HttpError('console.auth.session_expired', errorStatus.UNAUTHENTICATED, { code: 'UNAUTHENTICATED' });
  }
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new HttpError('console.errors.network', 0, { code: 'NETWORK' });
  }

  // Apollo answers some errors (variable coercion) with a 4xx status and a GraphQL body,
  // so the body is read whatever the status.
  let payload: { data?: T | null; errors?: GraphQLErrorShape[] } | null = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (payload?.errors?.length) throw toHttpError(payload.errors[0], response.status);
  if (!response.ok || !payload?.data) {
    throw new HttpError(
      response.status >= 500 || response.status === 0 ? 'console.errors.server' : response.statusText,
      response.status || 500,
      { code: 'HTTP' },
    );
  }
  return payload.data;
}
