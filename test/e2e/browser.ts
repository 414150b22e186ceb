import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db';
import { buildWebIfStale } from '../../tools/web-build';
import { freePort } from '../integration/free-port';
import { startHarness, testDatabases, type Harness } from '../integration/harness';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

/** Chromium from Debian's package (.ci/run installs it); flags keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
  });
}

export interface WebApp {
  harness: Harness;
  baseUrl: string;
  close(): Promise<void>;
}

/** The built UI (rebuilt when its sources changed) served with the API on a free port, SQLite, seeded. */
export async function startWebApp(): Promise<WebApp> {
  await buildWebIfStale(ROOT, (line) => console.log(line));
  const sqlite = testDatabases().find((d) => d.name === 'sqlite');
  if (!sqlite) throw new Error('no SQLite test database');
  const harness = await startHarness(sqlite.config(), { seed: true, webDir: path.join(ROOT, 'web', 'dist') });
  const port = await freePort();
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = harness.app.listen(port, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  return {
    harness,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await harness.close();
    },
  };
}

/** Problems a page reported in its console, beside the HTTP refusals the test provoked on purpose. */
export interface ConsoleWatch {
  errors: string[];
}

/**
 * Chrome logs every 4xx answer as a console error ("Failed to load resource"). Those the test
 * expects (the anonymous GET /api/auth/me, a refusal it provokes) are listed in `expected`.
 */
export function watchConsole(page: Page, expected: Array<{ status: number; path: RegExp }>, watch: ConsoleWatch): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const status = /status of (\d{3})/.exec(message.text())?.[1];
    const url = message.location().url;
    if (status && expected.some((e) => e.status === Number(status) && e.path.test(url))) return;
    watch.errors.push(`${message.type()}: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
}

export const EXPECTED_REFUSALS = [
  // The sign-in page first asks whether a session exists.
  { status: 401, path: /\/api\/auth\/me$/ },
  // A wrong password, typed on purpose.
  { status: 401, path: /\/api\/auth\/login$/ },
  // Refusals the tests provoke on purpose: a return without a reason, a decision on a step that moved on.
  { status: 422, path: /\/actions\/return$/ },
  { status: 409, path: /\/actions\/approve$/ },
  // A start form the server refuses (FORM_INVALID), shown beside its field.
  { status: 422, path: /\/api\/processes\/[^/]+\/cases$/ },
  // The form editor's "test submit" of entries the server refuses.
  { status: 422, path: /\/api\/forms\/[^/]+\/versions\/\d+\/validate$/ },
];

export interface UserPage {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser profile (own cookies and storage) for one person. */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  watch: ConsoleWatch,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<UserPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  watchConsole(page, EXPECTED_REFUSALS, watch);
  await page.goto(baseUrl);
  return { context, page };
}

/** Signs in through the sign-in page, in Bahasa Indonesia, and waits for the inbox. */
export async function signInThroughPage(page: Page, login: string): Promise<void> {
  await page.getByRole('heading', { name: 'Masuk ke Alur' }).waitFor();
  await page.getByLabel('Nama pengguna').fill(login);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { name: 'Kotak masuk', level: 1 }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Reloads the page until the locator shows, as a person waiting for a task to arrive would. */
export async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await locator.first().waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

/** The visible text of an element, whitespace collapsed, for assertions on what a person reads. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}
