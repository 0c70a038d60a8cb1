import * as fs from 'fs';
import * as path from 'path';
import { crc32, deflateSync } from 'zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/*
 * The client's logo on the client page (issue 13): an admin uploads a PNG; a file that is not an
 * image is refused with the API's reason in the page's language, under the control. Uses the
 * terminated demo client (Gamla Verkstaden AB), whose sold invoices no other test reads.
 */

const CONSOLE_URL = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:5173').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');
const PASSWORD = 'factoring-demo';

let browser: Browser;
let context: BrowserContext;
let page: Page;

/** A small RGB PNG: a dark band with light bars (made here, no binary fixture). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(Math.floor((x / width) * 7) % 2 ? [233, 196, 106] : [38, 70, 83], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

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

test('an admin uploads a logo on the client page; a file that is not an image is refused in Swedish', async () => {
  try {
    await page.goto(`${CONSOLE_URL}/#/login`);
    await page.locator('input[name="email"]').fill('admin@demo.factoring.test');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('menu-clients').waitFor();
    await page.getByTestId('locale-switcher').locator('button').click();
    await page.getByRole('menuitem', { name: 'Svenska' }).click();

    await page.getByTestId('menu-clients').click();
    await page.getByTestId('clients-table').locator('tbody tr').first().waitFor();
    await page.locator('input[name="q"]').fill('Gamla Verkstaden');
    const row = page.getByTestId('clients-table').locator('tbody tr', { hasText: 'Gamla Verkstaden AB' });
    await row.waitFor();
    await row.click();
    await page.getByTestId('client-name').filter({ hasText: 'Gamla Verkstaden AB' }).waitFor();
    const section = page.getByTestId('client-logo');
    await section.getByText('Logotyp på sålda fakturor').waitFor();

    await page.getByTestId('client-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('Detta är ett brev, ingen bild.') });
    await page.getByTestId('client-logo-error').filter({ hasText: 'Filen är inte en PNG- eller JPEG-bild.' }).waitFor();

    await page.getByTestId('client-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(360, 112) });
    await page.getByTestId('client-logo-image').waitFor();
    await section.getByText('PNG, 360 × 112 bildpunkter').waitFor();
    expect(await page.getByTestId('client-logo-error').count()).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'client-logo-sv.png') });
  } catch (error) {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'failed-client-logo.png'), fullPage: true }).catch(() => undefined);
    throw error;
  }
});
