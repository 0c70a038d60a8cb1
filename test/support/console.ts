/**
 * What the browser specs share: Debian's chromium at 1440 x 900, the demo sign-ins, the page at
 * rest, axe-core's WCAG 2.1 A/AA run, and the API through the console's own /graphql proxy with a
 * token per demo person. The older specs (disputes, payments, review-flow...) still carry copies
 * of these; new specs import them from here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CONSOLE_URL = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:5173').replace(/\/+$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');
/** The password of every demo sign-in (apps/api/src/seed/demo-staff.ts). */
export const DEMO_PASSWORD = 'factoring-demo';

export const DEMO = {
  analyst: 'analyst@demo.factoring.test',
  collection: 'collection@demo.factoring.test',
  finance: 'finance@demo.factoring.test',
  admin: 'admin@demo.factoring.test',
  all: 'all@demo.factoring.test',
} as const;

/** The WCAG 2.0 and 2.1 rule sets at levels A and AA (issue 11 s.6). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One headless chromium for a spec file. */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const reachable = await fetch(CONSOLE_URL)
    .then((response) => response.ok)
    .catch(() => false);
  if (!reachable) throw new Error(`The console does not answer at ${CONSOLE_URL}: start it, or set CONSOLE_URL.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh context (no token, no chosen language) at the issue's 1440 x 900. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return { context, page };
}

/** Signs in on the console's login page and waits for the home. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${CONSOLE_URL}/#/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard-welcome').waitFor();
}

/** The language switcher in the app bar: English, Svenska or Norsk bokmål. */
export async function switchLanguage(page: Page, name: 'English' | 'Svenska' | 'Norsk bokmål'): Promise<void> {
  await page.getByTestId('locale-switcher').locator('button').click();
  await page.getByRole('menuitem', { name }).click();
  await page.locator('[role="menu"]').waitFor({ state: 'detached' }).catch(() => undefined);
}

/** The page at rest: data loaded, no progress bar left, the pointer out of the way, the last ripple faded. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.MuiLinearProgress-root, .MuiSkeleton-root')
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

export interface Violation {
  page: string;
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.1 A and AA rules on what is on screen now. */
export async function axeViolations(page: Page, where: string): Promise<Violation[]> {
  // Colours at rest: a button enabled a moment ago still fades from grey to its colour (MUI's 250 ms
  // transition), and axe measured white text on that grey on a slower machine (CI, 'Prepare batch').
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
  }
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, WCAG_TAGS);
  return found.map((violation) => ({ page: where, ...violation }));
}

export const violationReport = (violations: Violation[]): string =>
  violations.map((v) => `${v.page}: ${v.rule} (${v.impact}, ${v.targets.length}) ${v.help}\n${v.targets.map((t) => `    ${t}`).join('\n')}`).join('\n');

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

const tokens = new Map<string, string>();

async function post<T>(body: unknown, token?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${CONSOLE_URL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return response.json() as Promise<GraphQLAnswer<T>>;
}

/** The API as a demo person (signed in once per run), through the console's /graphql proxy. */
export async function api<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
  if (!tokens.has(email)) {
    const signed = await post<{ signIn: { token: string } }>({
      query: 'mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
      variables: { email, password: DEMO_PASSWORD },
    });
    if (!signed.data) throw new Error(`${email} could not sign in: ${signed.errors?.[0]?.message}`);
    tokens.set(email, signed.data.signIn.token);
  }
  return post<T>({ query, variables }, tokens.get(email));
}

/** A valid Swedish organisation number (Luhn check digit), so a test has a debtor of its own. */
export function swedishOrganisationNumber(): string {
  const body = `55${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const sum = [...body].reduce((total, char, index) => {
    const doubled = Number(char) * (index % 2 === 0 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

/**
 * A Swedish company debtor of the test's own, registered by the analyst with a limit of its own:
 * what a test does to it (a dispute marks it "disputed before", sales use up its limit) never
 * reaches the demo debtor the other specs sell to.
 */
export async function registerOwnDebtor(name: string, creditLimit = '500000'): Promise<{ identityNumber: string; name: string }> {
  const identityNumber = swedishOrganisationNumber();
  const registered = await api<{ registerDebtor: { id: string; version: number } }>(
    DEMO.analyst,
    `mutation Register($input: RegisterDebtorInput!) { registerDebtor(input: $input) { id version } }`,
    { input: { country: 'SE', kind: 'COMPANY', identityNumber, name, address: { street: 'Kungsgatan 12', postalCode: '111 43', city: 'Stockholm', country: 'SE' } } },
  );
  const debtor = registered.data?.registerDebtor;
  if (!debtor) throw new Error(`The test debtor was not registered: ${JSON.stringify(registered.errors)}`);
  const limited = await api(DEMO.analyst, `mutation($id: ID!, $v: Int!, $limit: Decimal!) { setDebtorLimit(id: $id, creditLimit: $limit, expectedVersion: $v) { version } }`, {
    id: debtor.id,
    v: debtor.version,
    limit: creditLimit,
  });
  if (!limited.data) throw new Error(`The test debtor's limit was not set: ${JSON.stringify(limited.errors)}`);
  return { identityNumber, name };
}

/** The stack's database, for checks against what the console shows (set by global-setup; TOUR_DATABASE_URL for a running console). */
export const TEST_DATABASE_URL = () => process.env.BROWSER_DATABASE_URL ?? process.env.TOUR_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/factoring';
