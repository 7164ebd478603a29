// Shared by the end-to-end flows: environment, the API calls that prepare
// data, the browser, and small waiting helpers (playwright-core has no
// `expect`, so we poll). Every suite runs twice: E2E_JS=on (fetchers,
// shortcuts, no reloads) and E2E_JS=off (every step a form POST and a
// redirect); scripts/test.mjs runs both in its `stack` step. By hand:
//
//   WEB_BASE_URL=http://127.0.0.1:3000 API_BASE_URL=http://127.0.0.1:3333 \
//   E2E_CREDENTIALS=.data/dev-credentials.json E2E_JS=on \
//   node --test --experimental-strip-types web/tests/e2e/*.test.ts
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'

import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const REPO_ROOT = join(here, '..', '..', '..')

export const JS_ENABLED = process.env.E2E_JS !== 'off'
export const MODE = JS_ENABLED ? 'JS on' : 'JS off'
export const WEB = (process.env.WEB_BASE_URL ?? '').replace(/\/+$/, '')
export const API = (process.env.API_BASE_URL ?? '').replace(/\/+$/, '')
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(REPO_ROOT, 'docs', 'screenshots')

/** Unique per run and mode, for the names a suite creates: both modes (and reruns) share one database. */
export const RUN = `${Date.now().toString(36)}${JS_ENABLED ? 'j' : 'n'}`.toUpperCase()

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

/**
 * A suite of flows, named with the mode it runs in. Without the servers'
 * addresses it is one failing test saying what to set: a skip would pass.
 */
export function describeFlows(title: string, flows: () => void): void {
  if (!WEB || !API) {
    test('WEB_BASE_URL and API_BASE_URL are set', () => {
      assert.fail('Set WEB_BASE_URL and API_BASE_URL (scripts/test.mjs does) to run the end-to-end flows.')
    })
    return
  }
  describe(`${title} (${MODE})`, flows)
}

/**
 * What a suite works with: the dev credentials, the API with the
 * integration token (to prepare data and check what the pages did), and one
 * browser, launched by `open()`. Each page gets a profile and a client
 * address of its own, so the login rate limit of one never touches another;
 * every dialog any page opens (alert, confirm) is recorded and dismissed: the
 * flows expect none.
 */
export class Stage {
  readonly dialogs: string[] = []
  readonly #contexts: BrowserContext[] = []
  #credentials: Credentials | null = null
  #browser: Browser | null = null

  /** Read when first needed: a missing file then fails the suite's `before`, not its import. */
  get credentials(): Credentials {
    this.#credentials ??= readCredentials()
    return this.#credentials
  }

  readonly api: ApiCall = <T = unknown>(method: string, path: string, body?: unknown) =>
    apiClient(this.credentials.apiToken)<T>(method, path, body)

  async open(): Promise<void> {
    this.#browser = await launchBrowser()
  }

  async newContext(options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
    assert.ok(this.#browser, 'the stage is open')
    const context = await newContext(this.#browser, { ...options, clientIp: randomPrivateIp() })
    this.#contexts.push(context)
    return context
  }

  async newPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const page = await (await this.newContext(options)).newPage()
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    return page
  }

  /** A new page signed in as a dev account (`gerant`, `admin`, `caissier1`…). */
  async signedIn(username: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const page = await this.newPage(options)
    const user = userOf(this.credentials, username)
    await signIn(page, user.username, user.password)
    return page
  }

  /** The API as a dev account sees it: a session token from /auth/login, as the web server gets one. */
  async apiAs(username: string): Promise<ApiCall> {
    const user = userOf(this.credentials, username)
    const login = await fetch(`${API}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': randomPrivateIp() },
      body: JSON.stringify({ identifiant: user.username, mot_de_passe: user.password }),
    })
    assert.equal(login.status, 200, `${username} signs in to the API`)
    return apiClient(((await login.json()) as { token: string }).token)
  }

  async close(): Promise<void> {
    for (const context of this.#contexts) await context.close()
    await this.#browser?.close()
  }
}

/** This mode's register in a store: n° 1 with JavaScript, n° 2 without, so both runs can share one database. */
export async function registerOfThisMode(api: ApiCall, storeId: number): Promise<number> {
  return registerNumbered(api, storeId, JS_ENABLED ? 1 : 2)
}

/** A store's register by its number (each store has registers 1 to 3). */
export async function registerNumbered(api: ApiCall, storeId: number, numero: number): Promise<number> {
  const registers = await api<{ items: { id: number; numero: number }[] }>('GET', `/stores/${storeId}/registers?size=100`)
  assert.equal(registers.status, 200, 'the API answers with the dev token')
  const mine = registers.body.items.find((register) => register.numero === numero)
  assert.ok(mine, `store ${storeId} has a register n° ${numero}`)
  return mine.id
}

/** Closes the session an earlier run left open on the register, if any. A person closes a drawer: `clerkApi`. */
export async function closeOpenSession(clerkApi: ApiCall, registerId: number): Promise<void> {
  const current = await clerkApi<{ id: number }>('GET', `/registers/${registerId}/sessions/current?rapport=false`)
  if (current.status !== 200) return
  // A clerk counts blind (ADR 0026): the expected cash, for a count that balances, is read with the integration token.
  const report = await apiClient(readCredentials().apiToken)<{ rapport: { especes_attendues: string } }>('GET', `/register-sessions/${current.body.id}`)
  assert.equal(report.status, 200, JSON.stringify(report.body))
  const closed = await clerkApi('POST', `/register-sessions/${current.body.id}/close`, { especes_comptees: report.body.rapport.especes_attendues })
  assert.equal(closed.status, 200, JSON.stringify(closed.body))
}

/** Opens a register's drawer as its clerk would (one an earlier run left open is closed first); the float in dollars. */
export async function openDrawer(clerkApi: ApiCall, registerId: number, float = '100.00'): Promise<{ id: number }> {
  await closeOpenSession(clerkApi, registerId)
  const opened = await clerkApi<{ id: number }>('POST', `/registers/${registerId}/sessions`, { fond_de_caisse: float })
  assert.equal(opened.status, 201, JSON.stringify(opened.body))
  return opened.body
}

/** Puts a product on sale with `quantity` in a store's stock: the suites share one database. */
export async function stockUp(api: ApiCall, storeId: number, productId: number, reason: string, quantity = 500): Promise<void> {
  await api('PATCH', `/products/${productId}`, { actif: true })
  const adjusted = await api('POST', '/stock/adjustments', {
    magasin_id: storeId,
    produit_id: productId,
    nouvelle_quantite: quantity,
    motif: reason,
  })
  assert.ok([201, 204].includes(adjusted.status), `stock of product ${productId} set (${adjusted.status})`)
}

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
/** `bypassCSP`: a test may add a script of its own to the page (the accessibility check's axe-core). */
export async function newContext(browser: Browser, options: { clientIp?: string; bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    bypassCSP: options.bypassCSP ?? false,
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
  if (!JS_ENABLED) return
  // Interactive, nothing being answered, and showing the URL in the address bar (see root.tsx).
  await page.waitForFunction(() => {
    const marks = document.documentElement.dataset
    const same = (a: string, b: string) => {
      const [pathA = '', queryA = ''] = a.split('?')
      const [pathB = '', queryB = ''] = b.split('?')
      return decodeURI(pathA) === decodeURI(pathB) && new URLSearchParams(queryA).toString() === new URLSearchParams(queryB).toString()
    }
    return marks.hydrated === 'true' && marks.busy !== 'true' && same(marks.url ?? '', location.pathname + location.search)
  })
}

/** How many form or fetcher submissions the page has seen answered (root.tsx counts them). */
const settledCount = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.settled ?? 0))

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

export async function go(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await ready(page)
}

/** Clicks a button and waits for the page that answers (a redirect, or the same page with a message). */
/** Opens a <details> confirmation (components/confirm-action.tsx) in `scope` and confirms it. */
export async function confirm(page: Page, scope: Locator, open: string, yes: string): Promise<void> {
  await scope.locator('summary', { hasText: open }).click()
  await scope.getByRole('button', { name: yes }).click()
  await page.waitForLoadState('domcontentloaded')
  await ready(page)
}

export async function press(page: Page, button: string | RegExp, scope: Locator | Page = page): Promise<void> {
  const before = JS_ENABLED ? await settledCount(page) : 0
  await scope.getByRole('button', { name: button, exact: typeof button === 'string' }).click()
  await page.waitForLoadState('domcontentloaded')
  if (JS_ENABLED) {
    // The answer to this submission — or, when none started within 1 s, a refusal made in the page
    // (a submission starts within milliseconds; waiting longer only slows the refusals' tests).
    const since = Date.now()
    await page.waitForFunction(
      ([count, start]) => {
        const marks = document.documentElement.dataset
        return Number(marks.settled ?? 0) > count || (marks.busy !== 'true' && Date.now() - start > 1_000)
      },
      [before, since] as const
    )
  }
  await ready(page)
}

/** The name of the focused field (with JavaScript off, `autofocus` put it there). */
export async function focusedField(page: Page): Promise<string | null> {
  return page.locator(':focus').getAttribute('name')
}

/** A page the signed-in user may not see: a 403 that says so. */
export async function expectForbidden(page: Page, path: string): Promise<void> {
  const response = await page.goto(path)
  assert.equal(response?.status(), 403, path)
  await expectText(page.locator('h1'), 'Accès refusé')
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

/** A wire amount in cents: "8.11" → 811. */
export const cents = (wire: string) => Math.round(Number(wire) * 100)

/** Money as the page writes it, for comparisons: "8,11 $" (fr-CA, no-break spaces normalised). */
export function money(cents: number): string {
  return new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' })
    .format(cents / 100)
    .replace(/[\u00a0\u202f]/g, ' ')
}
