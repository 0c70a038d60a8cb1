import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/*
 * Bull Board from the console (issue 9 g), in a real browser: the admin's "Queues" item asks
 * the API for a one-time link and opens it in a new tab; the link's cookie (SameSite=Strict, on
 * /admin/queues of the console's origin, through its proxy) then carries the board's page,
 * scripts and API calls, under the board's own CSP.
 */

const CONSOLE_URL = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:5173').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');
const PASSWORD = 'factoring-demo';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(15000);
});

afterEach(async () => {
  await context?.close();
});

async function signIn(email: string) {
  await page.goto(`${CONSOLE_URL}/#/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard-welcome').waitFor();
}

it('an admin opens Bull Board from the menu in a new tab, signed in to it, with its scripts allowed', async () => {
  await signIn('admin@demo.factoring.test');
  const refused: string[] = [];
  const [board] = await Promise.all([context.waitForEvent('page'), page.getByTestId('queue-board-open').click()]);
  board.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  try {
    await board.waitForURL(`${CONSOLE_URL}/admin/queues/`);
    // The board's own scripts ran and its API answered with the product's queues.
    await board.getByText('credit', { exact: true }).first().waitFor();
    await board.getByText('webhooks', { exact: true }).first().waitFor();
    await board.waitForLoadState('networkidle').catch(() => undefined);
    await board.screenshot({ path: path.join(SCREENSHOTS, 'queue-board.png'), fullPage: true });
  } catch (error) {
    await board.screenshot({ path: path.join(SCREENSHOTS, 'failed-queue-board.png'), fullPage: true }).catch(() => undefined);
    throw error;
  }
  expect(refused).toEqual([]);
  // The console's tab stays where it was.
  expect(page.url()).toContain(CONSOLE_URL);
});

it('without the sign-in, the board says to open it from the console; other roles have no way in', async () => {
  await page.goto(`${CONSOLE_URL}/admin/queues/`);
  await page.getByText(/open it from the console/i).waitFor();

  await signIn('analyst@demo.factoring.test');
  expect(await page.getByTestId('queue-board-open').count()).toBe(0);
});
