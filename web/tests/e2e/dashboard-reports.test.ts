// The head-office dashboard and the reports page in a real browser, with
// JavaScript (charts drawn by recharts) and without (the same figures as
// tables), against the real API and database. Self-contained: the clerk of
// store 4 sells through the API on a register of their own (1 with
// JavaScript, 2 without), and the pages must show that sale.
//
//   WEB_BASE_URL=… API_BASE_URL=… E2E_CREDENTIALS=… E2E_JS=on|off \
//   node --test --experimental-strip-types web/tests/e2e/dashboard-reports.test.ts
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import type { BrowserContext, Page } from 'playwright-core'

import {
  JS_ENABLED,
  SCREENSHOTS,
  Stage,
  cents,
  closeOpenSession,
  describeFlows,
  expectForbidden,
  expectText,
  money,
  openDrawer,
  ready,
  registerOfThisMode,
  signIn,
  stockUp,
  textOf,
  until,
  userOf,
  type ApiCall,
} from './support.ts'

const STORE = 4
const CHARTS = ['chart-revenue', 'chart-stock', 'chart-stores', 'chart-products']
const SALES_CSV_HEADER =
  'jour,magasin_id,magasin_nom,nombre_ventes,ventes_brutes,remboursements,chiffre_affaires,ticket_moyen,taxes,total_ttc,nombre_retours,remboursements_ttc'

/** The stores' calendar day (the API's reports count days in America/Toronto). */
const storeDay = (date = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
const TODAY = storeDay()
/** Calendar arithmetic on the day (not 24-hour steps, which a change of time would shift). */
function daysAgo(days: number): string {
  const date = new Date(`${TODAY}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - days)
  return date.toISOString().slice(0, 10)
}
/** "2001-01-31" → "31 janvier 2001", "2001-02-01" → "1er février 2001", as the page writes a calendar day. */
const longDay = (day: string) =>
  new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)).replace(/^1 /, '1er ')
/** "1 234,50 $" → 123450 */
const centsOfText = (text: string) => Math.round(Number(text.replace(/[\s$]/g, '').replace(',', '.')) * 100)

interface Kpis {
  chiffre_affaires: { valeur: string }
  transactions: { valeur: number }
}

interface Figures {
  revenueCents: number
  transactions: number
}

describeFlows('dashboard and reports', () => {
  const stage = new Stage()
  const { api } = stage
  let clerkApi: ApiCall
  let manager: BrowserContext
  let page: Page
  let registerId: number
  let storeName: string
  let sessionOpened = false
  const consoleErrors: string[] = []
  const today = TODAY

  /** What the API says for a period and store (the integration token sees every store). */
  async function apiFigures(query: string): Promise<Figures> {
    const response = await api<Kpis>('GET', `/reports/kpis?${query}`)
    assert.equal(response.status, 200, JSON.stringify(response.body))
    return { revenueCents: cents(response.body.chiffre_affaires.valeur), transactions: response.body.transactions.valeur }
  }

  /**
   * With JavaScript the URL changes a moment before the new figures are
   * drawn: wait for the header to describe the filters asked for.
   */
  async function showing(scope: string, from: string, to: string) {
    await ready(page)
    const period = from === to ? `du ${longDay(from)}` : `du ${longDay(from)} au ${longDay(to)}`
    await expectText(page.locator('header .lead'), `${scope} · ${period}`)
  }

  async function pageFigures(): Promise<Figures> {
    return {
      revenueCents: centsOfText(await textOf(page.getByTestId('kpi-revenue-value'))),
      transactions: Number((await textOf(page.getByTestId('kpi-transactions-value'))).replace(/\s/g, '')),
    }
  }

  /** ALI001 × quantity at the clerk's register, paid in cash (the change comes back). */
  function sell(quantity: number) {
    return clerkApi<{ id: number; sous_total: string; total: string; arrondi_especes: string }>('POST', '/sales', {
      caisse_id: registerId,
      lignes: [{ code: 'ALI001', quantite: quantity }],
      paiements: [{ mode: 'especes', montant: '100.00' }],
    })
  }

  before(async () => {
    await stage.open()
    // A register session is opened by a person: the store's clerk signs in to the API.
    clerkApi = await stage.apiAs(`caissier${STORE}`)
    registerId = await registerOfThisMode(api, STORE)
    storeName = (await api<{ nom: string }>('GET', `/stores/${STORE}`)).body.nom
    await openDrawer(clerkApi, registerId)
    sessionOpened = true
    const pain = await api<{ id: number }>('GET', '/products/by-code/ALI001')
    await stockUp(api, STORE, pain.body.id, 'Préparation des tests du tableau de bord')
    // A first sale, so that every chart of the default view has something to draw on a fresh database.
    const first = await sell(1)
    assert.equal(first.status, 201, JSON.stringify(first.body))

    page = await stage.newPage()
    manager = page.context()
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  after(async () => {
    if (sessionOpened) await closeOpenSession(clerkApi, registerId)
    await stage.close()
  })

  test('a manager lands on the dashboard: KPIs, and charts with JavaScript or tables without', async () => {
    const user = userOf(stage.credentials, 'gerant')
    await signIn(page, user.username, user.password)
    assert.equal(new URL(page.url()).pathname, '/')
    await expectText(page.locator('h1'), 'Tableau de bord')
    assert.equal(await page.title(), 'Tableau de bord · Comptoir')
    const nav = await textOf(page.getByRole('navigation', { name: 'Navigation principale' }))
    assert.match(nav, /Tableau de bord/)
    assert.match(nav, /Rapports/)
    for (const kpi of ['kpi-revenue', 'kpi-transactions', 'kpi-average', 'kpi-alerts']) {
      assert.ok(await page.getByTestId(kpi).isVisible(), `${kpi} is shown`)
      assert.notEqual(await textOf(page.getByTestId(`${kpi}-value`)), '', `${kpi} has a value`)
    }
    // The default period (the last 30 days, every store) is the API's figure.
    // (Polled: other suites may be selling in other stores at the same time.)
    const from = daysAgo(29)
    await showing('Tous les magasins', from, today)
    await until(async () => {
      const expected = await apiFigures(`date_debut=${from}&date_fin=${today}`)
      const shown = await pageFigures()
      if (shown.transactions === expected.transactions && shown.revenueCents === expected.revenueCents) return true
      await page.reload()
      await ready(page)
      return false
    }, 'the API’s figures for the last 30 days')

    for (const chart of CHARTS) {
      const figure = page.getByTestId(chart)
      assert.ok(await figure.locator('figcaption').isVisible(), `${chart} has a caption`)
      if (JS_ENABLED) {
        await until(async () => (await figure.locator('svg.recharts-surface').count()) > 0, `an SVG chart in ${chart}`)
      } else {
        assert.equal(await figure.locator('svg').count(), 0, `no chart in ${chart} without JavaScript`)
        assert.ok(await figure.locator('table').isVisible(), `${chart} shows its figures as a table`)
      }
    }
    // Every figure table fits its card on a desktop screen (the stock table's last column was clipped).
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('main figure table')]
        .map((table) => ({ table: table.getAttribute('data-testid'), overflow: table.scrollWidth - (table.parentElement?.clientWidth ?? 0) }))
        .filter(({ overflow }) => overflow > 0)
    )
    assert.deepEqual(clipped, [], 'tables wider than their card at 1 280 px')
    if (JS_ENABLED) {
      // Bars are drawn (not an empty frame; stores without sales have none), and the page hydrated without a warning.
      for (const chart of ['chart-revenue', 'chart-stores', 'chart-products', 'chart-stock']) {
        await until(async () => (await page.locator(`#${chart} .recharts-bar-rectangle`).count()) >= 1, `bars in ${chart}`)
      }
      assert.deepEqual(consoleErrors, [], 'no console error (hydration mismatches are logged there)')
      for (const [suffix, width] of [
        ['desktop', 1280],
        ['tablet', 768],
      ] as const) {
        await page.setViewportSize({ width, height: width === 1280 ? 900 : 1024 })
        await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${suffix}.png`), fullPage: true })
      }
      await page.setViewportSize({ width: 1280, height: 900 })
    }
  })

  test('a sale made through the API shows up in the dashboard and the report', async () => {
    // Filter with the form: store 4, the last 7 days (a preset button).
    await page.locator('#dashboard-filters-magasin').selectOption(String(STORE))
    await page.getByRole('button', { name: '7 jours' }).click()
    await page.waitForURL((url) => url.searchParams.get('magasin') === String(STORE) && url.searchParams.get('periode') === '7')
    await showing(storeName, daysAgo(6), today)
    const dashboardBefore = await pageFigures()
    await page.goto(`/rapports?periode=7&magasin=${STORE}`)
    await ready(page)
    const storeRowBefore = await textOf(page.getByTestId(`store-row-${STORE}`))
    const productBefore = await productQuantity(page)
    const cashNet = async () => centsOfText(await textOf(page.getByTestId('tender-especes').locator('td').nth(2)))
    const cashBefore = await cashNet()

    const sale = await sell(3)
    assert.equal(sale.status, 201, JSON.stringify(sale.body))
    const netCents = cents(sale.body.sous_total)

    // Reports are cached briefly and invalidated by the sale: the next page shows it.
    await until(
      async () => {
        await page.goto(`/?periode=7&magasin=${STORE}`)
        return (await pageFigures()).transactions === dashboardBefore.transactions + 1
      },
      'the sale in the dashboard',
      30_000
    )
    assert.deepEqual(await pageFigures(), {
      transactions: dashboardBefore.transactions + 1,
      revenueCents: dashboardBefore.revenueCents + netCents,
    })
    await expectText(page.getByTestId('chart-products'), 'ALI001')

    await page.getByRole('link', { name: 'Rapport détaillé' }).click()
    await page.waitForURL((url) => url.pathname === '/rapports' && url.searchParams.get('magasin') === String(STORE))
    await showing(storeName, daysAgo(6), today)
    await expectText(page.locator('h1'), `Rapport — ${storeName}`)
    const storeRow = await textOf(page.getByTestId(`store-row-${STORE}`))
    assert.notEqual(storeRow, storeRowBefore)
    assert.ok(storeRow.includes(money(dashboardBefore.revenueCents + netCents)), `store row shows the new revenue: ${storeRow}`)
    assert.equal(await productQuantity(page), productBefore + 3)
    // Today's line of the sales table counts the sale.
    const todayRow = page.getByTestId('series-table').locator('tbody tr').last()
    assert.ok(Number((await textOf(todayRow.locator('td').first())).replace(/\s/g, '')) >= 1)
    // 100,00 $ handed over, the change given back: the drawers kept the sale's total, to the nickel (ADR 0023).
    assert.equal(await cashNet(), cashBefore + cents(sale.body.total) + cents(sale.body.arrondi_especes))
    assert.equal(cents(sale.body.arrondi_especes), Math.round(cents(sale.body.total) / 5) * 5 - cents(sale.body.total))
    // Under the table, the roundings the net holds beyond the sales less refunds, as the API counts them.
    const tenders = await api<{ total: { arrondi_especes: string } }>('GET', `/reports/payments-by-tender?date_debut=${daysAgo(6)}&date_fin=${today}&magasin_id=${STORE}`)
    const rounding = cents(tenders.body.total.arrondi_especes)
    if (rounding === 0) assert.equal(await page.getByTestId('tender-cash-rounding').count(), 0)
    else await expectText(page.getByTestId('tender-cash-rounding'), `Le net inclut ${rounding > 0 ? '+' : ''}${money(rounding)} d'arrondi des espèces`)
  })

  test('filters by period and store change the figures, which are the API’s', async () => {
    await page.goto('/')
    await showing('Tous les magasins', daysAgo(29), today)
    const allStores = await page.getByTestId('stores-table').locator('tbody tr').count()
    assert.ok(allStores >= 5, 'every store in the by-store table')

    await page.locator('#dashboard-filters-magasin').selectOption(String(STORE))
    await page.locator('#dashboard-filters-du').fill(daysAgo(6))
    await page.locator('#dashboard-filters-au').fill(today)
    await page.getByRole('button', { name: 'Appliquer' }).click()
    await showing(storeName, daysAgo(6), today)
    const recent = await apiFigures(`date_debut=${daysAgo(6)}&date_fin=${today}&magasin_id=${STORE}`)
    assert.ok(recent.transactions >= 1, 'store 4 sold this week (the previous test)')
    assert.deepEqual(await pageFigures(), recent)
    assert.equal(await page.getByTestId('stores-table').locator('tbody tr').count(), 1, 'only store 4')
    // The form shows what is applied, and the 7-day button is recognised.
    assert.equal(await page.locator('#dashboard-filters-magasin').inputValue(), String(STORE))
    assert.equal(await page.getByRole('button', { name: '7 jours' }).getAttribute('aria-current'), 'true')

    await page.locator('#dashboard-filters-du').fill('2001-01-01')
    await page.locator('#dashboard-filters-au').fill('2001-01-31')
    await page.getByRole('button', { name: 'Appliquer' }).click()
    await showing(storeName, '2001-01-01', '2001-01-31')
    assert.deepEqual(await pageFigures(), { revenueCents: 0, transactions: 0 })
    assert.deepEqual(await apiFigures(`date_debut=2001-01-01&date_fin=2001-01-31&magasin_id=${STORE}`), { revenueCents: 0, transactions: 0 })
    await expectText(page.getByTestId('chart-products'), 'Aucune vente sur la période')
    if (JS_ENABLED) {
      // A month without sales still draws a scale: distinct money ticks, not five « 0 $ ».
      const ticks = page.locator('#chart-revenue .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
      await until(async () => (await ticks.count()) > 1, 'the revenue axis ticks')
      const labels = (await ticks.allTextContents()).map((label) => label.replace(/\s+/g, ' '))
      assert.equal(new Set(labels).size, labels.length, `distinct ticks: ${labels.join(' | ')}`)
    }
  })

  test('refused filters are explained on the field, and the default period is shown', async () => {
    await page.goto('/?du=2026-02-30&au=2001-01-01')
    await ready(page)
    const from = page.locator('#dashboard-filters-du')
    assert.equal(await from.getAttribute('aria-invalid'), 'true')
    await expectText(page.locator('#dashboard-filters-du-error'), 'Entrez une date valide (AAAA-MM-JJ).')
    await expectText(page.getByRole('alert').first(), 'Certains filtres ont été refusés')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dashboard-filters-du', 'the first refused field has the focus')
  })

  test('the reports page downloads its figures as CSV, for the same filters', async () => {
    await page.goto(`/rapports?periode=7&magasin=${STORE}`)
    await ready(page)
    const link = page.getByRole('link', { name: 'Ventes par jour et par magasin' })
    const href = (await link.getAttribute('href')) ?? ''
    const from = daysAgo(6)
    assert.equal(href, `/rapports/csv/ventes?du=${from}&au=${today}&magasin=${STORE}`)
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.equal(download.suggestedFilename(), `comptoir-ventes-${from}_${today}-magasin-${STORE}.csv`)

    const response = await manager.request.get(href)
    assert.equal(response.status(), 200)
    assert.match(response.headers()['content-type'] ?? '', /^text\/csv/)
    // Bytes, not text(): the UTF-8 byte order mark that Excel needs must be there.
    const bytes = await response.body()
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n')
    // In French, for a spreadsheet set to French: semicolons and decimal commas.
    assert.equal(lines[0], SALES_CSV_HEADER.replaceAll(',', ';'))
    const todayLine = lines.find((line) => line.startsWith(`${today};${STORE};`))
    assert.ok(todayLine, `a line for today in store ${STORE}: ${lines.join(' | ')}`)
    const cells = todayLine.split(';')
    assert.ok(Number(cells[3]) >= 1, 'it counts the sale')
    assert.match(cells[4] ?? '', /^\d+,\d{2}$/, 'gross sales with a decimal comma')
    assert.ok(lines.slice(1).every((line) => line.split(';')[1] === String(STORE)), 'only store 4')

    const kpis = await manager.request.get(`/rapports/csv/indicateurs?periode=7&magasin=${STORE}`)
    assert.equal((await kpis.text()).replace(/^\uFEFF/, '').split('\r\n')[0], 'indicateur;valeur;precedent;variation_pct')
    const tenders = page.getByRole('link', { name: 'Encaissements par jour, magasin et mode' })
    assert.equal(await tenders.getAttribute('href'), `/rapports/csv/modes?du=${from}&au=${today}&magasin=${STORE}`)
    const byTender = (await (await manager.request.get(`/rapports/csv/modes?du=${from}&au=${today}&magasin=${STORE}`)).text()).replace(/^\uFEFF/, '').trim().split('\r\n')
    assert.equal(byTender[0], 'jour;magasin_id;magasin_nom;mode;encaisse;rembourse;net')
    assert.ok(byTender.some((line) => line.startsWith(`${today};${STORE};${storeName};especes;`)), byTender.join(' | '))
    assert.equal((await manager.request.get('/rapports/csv/inconnu')).status(), 404)
  })

  test('the original /rapport/ URL leads to the reports; English on request', async () => {
    const old = await manager.request.get(`/rapport/?magasin_id=${STORE}`, { maxRedirects: 0 })
    assert.equal(old.status(), 301)
    assert.equal(old.headers().location, `/rapports?magasin=${STORE}`)
    await page.goto('/rapports?lang=en')
    await ready(page)
    await expectText(page.locator('h1'), 'Consolidated report')
    assert.equal(await page.title(), 'Consolidated report · Comptoir')
    // In English, the downloads are the standard CSV (commas, decimal points).
    const kpis = await manager.request.get(`/rapports/csv/indicateurs?periode=7&magasin=${STORE}`)
    assert.equal((await kpis.text()).replace(/^\uFEFF/, '').split('\r\n')[0], 'indicateur,valeur,precedent,variation_pct')
    await page.goto('/?lang=fr')
    await ready(page)
    await expectText(page.locator('h1'), 'Tableau de bord')
  })

  test('a clerk gets 403 on the reports, the CSV and the dashboard’s data', async () => {
    const clerk = await stage.signedIn(`caissier${STORE}`)
    const context = clerk.context()
    assert.equal(new URL(clerk.url()).pathname, `/magasins/${STORE}/caisses`)
    assert.doesNotMatch(await textOf(clerk.getByRole('navigation', { name: 'Navigation principale' })), /Rapports|Tableau de bord/)
    for (const path of ['/rapports', `/rapports?magasin=${STORE}`, '/rapport/', `/?periode=7&magasin=${STORE}`]) {
      await expectForbidden(clerk, path)
    }
    for (const path of ['/rapports/csv/ventes', `/rapports/csv/indicateurs?magasin=${STORE}`]) {
      const response = await context.request.get(path, { maxRedirects: 0 })
      assert.equal(response.status(), 403, path)
      assert.doesNotMatch(response.headers()['content-type'] ?? '', /text\/csv/)
    }
    // The data requests the pages make with JavaScript (Remix single fetch) are refused too.
    for (const path of [`/_root.data?periode=7&magasin=${STORE}`, '/rapports.data']) {
      const response = await context.request.get(path, { maxRedirects: 0 })
      assert.equal(response.status(), 403, path)
      assert.doesNotMatch(await response.text(), /kpis|chiffre/, `no figures in ${path}`)
    }
    // The bare front door still takes a clerk to their registers.
    await clerk.goto('/')
    assert.equal(new URL(clerk.url()).pathname, `/magasins/${STORE}/caisses`)
  })
})

/** Net units of ALI001 in the reports page's product ranking (0 when it is not listed). */
async function productQuantity(page: Page): Promise<number> {
  const row = page.getByTestId('product-row-ALI001')
  if ((await row.count()) === 0) return 0
  return Number((await textOf(row.locator('td').nth(1))).replace(/\s/g, ''))
}
