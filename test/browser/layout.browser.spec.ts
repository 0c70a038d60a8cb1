import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/*
 * Pages that fit (issue 11, section 4): at 1440 x 900, in English, Swedish and Norwegian, every
 * list and queue page of each role fits the window. Nothing scrolls sideways (neither the page
 * nor a table's wrapper), the filter button and the pager are inside the window, and no column
 * header wraps onto more than two lines. A picture of every page is kept in
 * test-output/screenshots/layout (not committed) for a person to look at.
 */

const CONSOLE_URL = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:5173').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots/layout');
const PASSWORD = 'factoring-demo';
const LOCALES = ['en', 'sv', 'nb'] as const;

interface Screen {
  path: string;
  /** A react-admin list (table, pager); the others are pages of their own or placeholders. */
  list?: boolean;
  /** The list has filters that are not always shown, so an "Add filter" button. */
  filterButton?: boolean;
}

/** Each role's own queues, then (once, with the analyst) the records everyone looks up. */
const ROLES: Array<{ slug: string; email: string; screens: Screen[] }> = [
  {
    slug: 'analyst',
    email: 'analyst@demo.factoring.test',
    screens: [
      { path: 'client-applications', list: true },
      { path: 'manual-assessment', list: true },
      { path: 'spot-checks', list: true },
      { path: 'clients', list: true },
      { path: 'debtors', list: true },
      { path: 'invoices', list: true, filterButton: true },
    ],
  },
  {
    slug: 'collection',
    email: 'collection@demo.factoring.test',
    screens: [{ path: 'disputes', list: true }, { path: 'overdue-invoices', list: true }, { path: 'recourse-invoices', list: true }, { path: 'collection-cases', list: true }],
  },
  {
    slug: 'finance',
    email: 'finance@demo.factoring.test',
    screens: [{ path: 'payout-batches', list: true }, { path: 'incoming-payments' }, { path: 'unmatched-payments' }, { path: 'ledger' }, { path: 'failed-deliveries', list: true }, { path: 'print-batch' }],
  },
  {
    slug: 'admin',
    email: 'admin@demo.factoring.test',
    screens: [{ path: 'staff', list: true }, { path: 'audit', list: true, filterButton: true }, { path: 'rule-settings' }],
  },
];

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

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', sv: 'Svenska', nb: 'Norsk bokmål' };

/** Chooses the language the way a person does, with the switcher in the app bar. */
async function useLocale(locale: string) {
  await page.getByTestId('locale-switcher').locator('button').click();
  await page.getByRole('menuitem', { name: LANGUAGE_NAMES[locale] }).click();
  await page.keyboard.press('Escape').catch(() => undefined);
}

interface Measured {
  pageScroll: { scrollWidth: number; clientWidth: number };
  /** Elements in the content that scroll sideways (a table's wrapper, a card). */
  scrollers: string[];
  /** Cells whose right edge is beyond the window. */
  cutCells: string[];
  /** Column headers on more than two lines, with their line count. */
  tallHeaders: string[];
  filterButtons: Array<{ right: number; visible: boolean }>;
  pagers: Array<{ right: number; visible: boolean }>;
  rows: number;
}

async function measure(): Promise<Measured> {
  return page.evaluate(() => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${String(element.className).split(' ').slice(0, 2).join('.')}`;
    const main = document.querySelector('#main-content') ?? document.body;
    const scrollers: string[] = [];
    for (const element of Array.from(main.querySelectorAll('*'))) {
      const style = getComputedStyle(element);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        scrollers.push(`${describe(element)} ${element.scrollWidth}>${element.clientWidth}`);
      }
    }
    const width = window.innerWidth;
    const cutCells = Array.from(main.querySelectorAll('th, td'))
      .filter((cell) => cell.getBoundingClientRect().right > width + 1)
      .map((cell) => `${(cell.textContent ?? '').trim().slice(0, 30)} (right ${Math.round(cell.getBoundingClientRect().right)})`);
    const lines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const tops: number[] = [];
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width < 1 || rect.height < 1) continue;
        if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
      }
      return tops.length;
    };
    const tallHeaders = Array.from(main.querySelectorAll('thead th'))
      .map((cell) => ({ text: (cell.textContent ?? '').trim(), lines: lines(cell) }))
      .filter((header) => header.lines > 2)
      .map((header) => `${header.text} (${header.lines} lines)`);
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { right: rect.right, visible: rect.width > 0 && rect.height > 0 && rect.left >= 0 };
    };
    return {
      pageScroll: {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      },
      scrollers,
      cutCells,
      tallHeaders,
      filterButtons: Array.from(main.querySelectorAll('button.add-filter')).map(box),
      pagers: Array.from(main.querySelectorAll('.MuiTablePagination-root')).map(box),
      rows: main.querySelectorAll('.RaList-main tbody tr').length,
    };
  });
}

async function arrive(screen: Screen) {
  await page.goto(`${CONSOLE_URL}/#/${screen.path}`);
  if (screen.list) {
    // The list, or react-admin's page for a list with nothing in it yet.
    await page.locator('#main-content .RaList-main, #main-content .RaEmpty-message').first().waitFor();
  }
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Lists show their rows (or say they have none) once the data has come.
  await page.locator('#main-content .MuiLinearProgress-root').waitFor({ state: 'detached' }).catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
}

describe('every list and queue page fits 1440 x 900', () => {
  test.each(ROLES.map((role) => [role.slug, role] as const))('%s, in en, sv and nb', async (_slug, role) => {
    await signIn(role.email);
    const problems: string[] = [];
    for (const locale of LOCALES) {
      await useLocale(locale);
      for (const screen of role.screens) {
        const name = `${role.slug}-${screen.path}-${locale}`;
        await arrive(screen);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
        const found = await measure();
        const where = `${screen.path} (${locale})`;
        if (found.pageScroll.scrollWidth > found.pageScroll.clientWidth + 1) {
          problems.push(`${where}: the page is ${found.pageScroll.scrollWidth} px wide`);
        }
        for (const scroller of found.scrollers) problems.push(`${where}: scrolls sideways: ${scroller}`);
        for (const cell of found.cutCells) problems.push(`${where}: cell cut at the window's edge: ${cell}`);
        for (const header of found.tallHeaders) problems.push(`${where}: header wraps: ${header}`);
        if (screen.filterButton && found.filterButtons.length === 0) problems.push(`${where}: no filter button`);
        for (const button of found.filterButtons) {
          if (!button.visible || button.right > 1440) problems.push(`${where}: the filter button is outside the window`);
        }
        if (screen.list && found.rows > 0 && found.pagers.length === 0) problems.push(`${where}: no pager`);
        for (const pager of found.pagers) {
          if (!pager.visible || pager.right > 1440) problems.push(`${where}: the pager is outside the window (${Math.round(pager.right)})`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 240000);
});
