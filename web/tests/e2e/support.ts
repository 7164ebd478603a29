// Shared by the end-to-end flows: environment, the API calls that prepare
// data, the browser, and small waiting helpers (playwright-core has no
// `expect`, so we poll).
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const REPO_ROOT = join(here, '..', '..', '..')

export const JS_ENABLED = process.env.E2E_JS !== 'off'
export const MODE = JS_ENABLED ? 'JS on' : 'JS off'
export const WEB = (process.env.WEB_BASE_URL ?? '').replace(/\/+$/, '')
export const API = (process.env.API_BASE_URL ?? '').replace(/\/+$/, '')
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(REPO_ROOT, 'docs', 'screenshots')

/** A product name that must stay text everywhere (the original app injected names with innerHTML). */
export const XSS_NAME = "<img src=x onerror=alert(1)> Jus d'orange"
export const XSS_CODE = 'E2E-XSS'

export interface Credentials {
  apiToken: string
  users: { username: string; password: string; role: string; storeId: number | null }[]
}

export function readCredentials(): Credentials {
  const file = process.env.E2E_CREDENTIALS ?? join(REPO_ROOT, '.data', 'dev-credentials.json')
  assert.ok(existsSync(file), `dev credentials not found at ${file} (set E2E_CREDENTIALS)`)
  return JSON.parse(readFileSync(file, 'utf8')) as Credentials
}

export function userOf(credentials: Credentials, username: string) {
  const user = credentials.users.find((u) => u.username === username)
  assert.ok(user, `no dev account ${username}`)
  return user
}

/** The API, called directly with the dev integration token (test setup only). */
export function apiClient(token: string) {
  return async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${API}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T }
  }
}

export type ApiCall = ReturnType<typeof apiClient>

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A browser profile with or without JavaScript, as a clerk's tablet or a manager's desktop. */
export async function newContext(browser: Browser, options: { clientIp?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: WEB,
    javaScriptEnabled: JS_ENABLED,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-CA',
    timezoneId: 'America/Toronto',
    // The web server trusts X-Forwarded-For from loopback: a made-up address keeps
    // the login rate limit of one test (per client address) away from the others.
    extraHTTPHeaders: options.clientIp ? { 'X-Forwarded-For': options.clientIp } : undefined,
  })
  context.setDefaultTimeout(15_000)
  return context
}

export function randomPrivateIp(): string {
  const byte = () => Math.floor(Math.random() * 250) + 1
  return `10.${byte()}.${byte()}.${byte()}`
}

/** With JavaScript, waits until React has hydrated the page (keyboard shortcuts, fetchers). */
export async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded')
  if (JS_ENABLED) await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' })
}

/** Polls until `check` holds (playwright-core has no auto-retrying assertions). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.fail(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`)
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim()
}

export async function expectText(locator: Locator, expected: string | RegExp, what = String(expected)): Promise<void> {
  await until(async () => {
    const text = await textOf(locator)
    return typeof expected === 'string' ? text.includes(expected) : expected.test(text)
  }, `${what} in ${locator.toString()}`)
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/connexion')
  await ready(page)
  await page.getByLabel('Identifiant ou courriel').fill(username)
  await page.getByLabel('Mot de passe').fill(password)
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/connexion')),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ])
  await ready(page)
}

/** Money as the page writes it, for comparisons: "8,11 $" (fr-CA, no-break spaces normalised). */
export function money(cents: number): string {
  return new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' })
    .format(cents / 100)
    .replace(/[\u00a0\u202f]/g, ' ')
}
