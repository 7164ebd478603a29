// End-to-end flows in a real browser (Debian's chromium driven by
// playwright-core) against the real web server, API and database. The
// same flows run twice: E2E_JS=on (fetchers, shortcuts, no reloads) and
// E2E_JS=off (every step a form POST and a redirect).
//
//   WEB_BASE_URL=http://127.0.0.1:3000 API_BASE_URL=http://127.0.0.1:3333 \
//   E2E_CREDENTIALS=.data/dev-credentials.json E2E_JS=on \
//   node --test --experimental-strip-types web/tests/e2e/*.test.ts
//
// scripts/test.mjs runs both modes in its `stack` step.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import {
  API,
  JS_ENABLED,
  MODE,
  SCREENSHOTS,
  WEB,
  XSS_CODE,
  XSS_NAME,
  apiClient,
  expectText,
  launchBrowser,
  money,
  newContext,
  randomPrivateIp,
  readCredentials,
  ready,
  signIn,
  textOf,
  until,
  userOf,
  type ApiCall,
  type Credentials,
} from './support.ts'

// The API's tax rule, written out independently: each tax on the subtotal, half-up.
const taxOn = (cents: number, ppm: number) => Math.floor((cents * ppm * 2 + 1_000_000) / 2_000_000)
const taxesOn = (cents: number) => taxOn(cents, 50_000) + taxOn(cents, 99_750)
const cents = (wire: string) => Math.round(Number(wire) * 100)

interface Product {
  id: number
  code: string
  nom: string
  prix: string
}

if (!WEB || !API) {
  test('WEB_BASE_URL and API_BASE_URL are set', () => {
    assert.fail('Set WEB_BASE_URL and API_BASE_URL (scripts/test.mjs does) to run the end-to-end flows.')
  })
} else {
  describe(`clerk and manager flows (${MODE})`, () => {
    let credentials: Credentials
    let api: ApiCall
    let browser: Browser
    let clerk: BrowserContext
    let page: Page
    let registerId: number
    let otherStoreRegisterId: number
    let products: { pain: Product; lait: Product; xss: Product }
    let storeName: string
    let saleId: number
    let receiptNumber: string
    const dialogs: string[] = []
    const FLOAT = 15_000
    const CARD = 500
    const CASH = 1_000

    before(async () => {
      credentials = readCredentials()
      api = apiClient(credentials.apiToken)
      const registers = await api<{ items: { id: number; numero: number }[] }>('GET', '/stores/1/registers?size=100')
      assert.equal(registers.status, 200, 'the API answers with the dev token')
      // Each mode has its own register, so both runs can share one database.
      const mine = registers.body.items.find((r) => r.numero === (JS_ENABLED ? 1 : 2))
      assert.ok(mine, 'store 1 has registers 1 and 2')
      registerId = mine.id
      storeName = (await api<{ nom: string }>('GET', '/stores/1')).body.nom
      const others = await api<{ items: { id: number }[] }>('GET', '/stores/2/registers?size=1')
      otherStoreRegisterId = others.body.items[0]?.id ?? 0

      // A register left open by an earlier run is closed first.
      const current = await api<{ id: number; rapport: { especes_attendues: string } }>('GET', `/registers/${registerId}/sessions/current`)
      if (current.status === 200) {
        await api('POST', `/register-sessions/${current.body.id}/close`, { especes_comptees: current.body.rapport.especes_attendues })
      }

      products = {
        pain: (await api<Product>('GET', '/products/by-code/ALI001')).body,
        lait: (await api<Product>('GET', '/products/by-code/ALI002')).body,
        xss: await ensureXssProduct(api),
      }
      // Earlier suites share this database: make sure the products are on sale and in stock.
      for (const product of Object.values(products)) {
        assert.ok(product?.id, 'seed products ALI001 and ALI002 exist')
        await api('PATCH', `/products/${product.id}`, { actif: true })
        const adjusted = await api('POST', '/stock/adjustments', {
          magasin_id: 1,
          produit_id: product.id,
          nouvelle_quantite: 500,
          motif: 'Préparation des tests de bout en bout',
        })
        assert.ok([201, 204].includes(adjusted.status), `stock of ${product.code} set (${adjusted.status})`)
      }

      browser = await launchBrowser()
      clerk = await newContext(browser, { clientIp: randomPrivateIp() })
      page = await clerk.newPage()
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      mkdirSync(SCREENSHOTS, { recursive: true })
    })

    after(async () => {
      await browser?.close()
    })

    test('login refuses wrong credentials, then rate-limits with the wait', async () => {
      const context = await newContext(browser, { clientIp: randomPrivateIp() })
      const login = await context.newPage()
      const username = `e2e-inconnu-${Date.now()}`
      await login.goto('/connexion')
      await ready(login)
      await login.getByLabel('Identifiant ou courriel').fill(username)
      await login.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe')
      await login.getByRole('button', { name: 'Se connecter' }).click()
      await expectText(login.getByTestId('login-error'), 'Identifiants invalides')
      // Five failures per (identifiant, address) in 15 minutes; the next one is refused with the wait.
      for (let attempt = 2; attempt <= 6; attempt++) {
        await login.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe')
        await login.getByRole('button', { name: 'Se connecter' }).click()
        if (attempt < 6) await expectText(login.getByTestId('login-error'), 'Identifiants invalides')
      }
      await expectText(login.getByTestId('login-error'), /Trop de tentatives de connexion\. Réessayez dans \d+ min\./)
      await context.close()
    })

    test('a clerk signs in and lands on their store’s registers', async () => {
      const user = userOf(credentials, 'caissier1')
      await signIn(page, user.username, user.password)
      assert.equal(new URL(page.url()).pathname, '/magasins/1/caisses')
      await expectText(page.locator('h1'), storeName)
      const nav = await textOf(page.getByRole('navigation', { name: 'Navigation principale' }))
      assert.match(nav, /Caisses/)
      assert.match(nav, /Stock/)
      assert.doesNotMatch(nav, /Gestion/, 'no manager entry for a clerk')
      // The API token is in the cookie, encrypted: never readable, never in the page.
      const cookie = (await clerk.cookies()).find((c) => c.name === 'comptoir_session')
      assert.ok(cookie?.httpOnly, 'session cookie is httpOnly')
      assert.equal(cookie?.sameSite, 'Lax')
      assert.doesNotMatch(Buffer.from(decodeURIComponent(cookie.value.split('.')[0] ?? ''), 'base64').toString('utf8'), /cpt_/)
      assert.doesNotMatch(await page.content(), /cpt_/)
    })

    test('the clerk opens the register session with a float', async () => {
      await page.getByTestId(`register-${registerId}`).getByRole('link', { name: /Ouvrir la caisse|Nouvelle vente/ }).click()
      await page.waitForURL(`**/caisses/${registerId}/vente`)
      await ready(page)
      await expectText(page.getByTestId('session-state'), 'Caisse fermée')
      await page.getByLabel('Fond de caisse').fill('150,00')
      await page.getByRole('button', { name: 'Ouvrir la caisse' }).click()
      await expectText(page.getByTestId('session-state'), 'Caisse ouverte depuis')
      await expectText(page.getByTestId('session-state'), money(FLOAT))
    })

    test('the clerk fills the cart by scanning, by code and from the search results', async () => {
      await ready(page)
      if (JS_ENABLED) await page.evaluate(() => ((window as unknown as { e2eMarker: number }).e2eMarker = 42))
      const scan = page.locator('#pos-scan')
      // A scanner types the code and Enter: an exact code goes straight into the cart.
      if (JS_ENABLED) await page.keyboard.press('F2')
      else await scan.focus()
      await page.keyboard.type('ALI001')
      await page.keyboard.press('Enter')
      await cartLine(page, products.pain.nom).waitFor()
      await page.getByRole('button', { name: `Un ${products.pain.nom} de plus` }).click()
      await until(async () => (await page.getByLabel(`Quantité de ${products.pain.nom}`).inputValue()) === '2', 'Pain × 2')

      await page.locator('#pos-scan').fill(XSS_CODE)
      await page.locator('#pos-scan').press('Enter')
      await cartLine(page, XSS_NAME).waitFor()

      // Not an exact code: the matches are listed, the clerk picks one.
      await page.locator('#pos-scan').fill('lait')
      await page.locator('#pos-scan').press('Enter')
      await expectText(page.getByRole('heading', { name: /Résultats pour/ }), 'Résultats pour « lait »')
      await page.getByRole('button', { name: `Ajouter ${products.lait.nom} au panier` }).click()
      await cartLine(page, products.lait.nom).waitFor()

      const subtotal = 2 * cents(products.pain.prix) + cents(products.lait.prix) + cents(products.xss.prix)
      await expectText(page.getByTestId('cart-total'), money(subtotal + taxesOn(subtotal)))
      const totals = await textOf(page.getByTestId('totals'))
      assert.match(totals, /TPS \(5 %\)/)
      assert.match(totals, /TVQ \(9,975 %\)/)
      assert.ok(totals.includes(money(taxOn(subtotal, 50_000))), `TPS in ${totals}`)
      // The hostile name is plain text in the cart.
      assert.equal(await page.locator('img[src="x"]').count(), 0)

      if (JS_ENABLED) {
        const marker = await page.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker)
        assert.equal(marker, 42, 'with JavaScript, cart changes never reload the page')
        await screenshots(page, 'pos')
      }
    })

    test('an impossible sale is explained on the page (insufficient stock), and nothing is sold', async () => {
      const setQuantity = async (value: string) => {
        const input = page.getByLabel(`Quantité de ${XSS_NAME}`)
        await input.fill(value)
        await input.press('Enter')
        // The line total comes from the server: the change is recorded, not just typed.
        await expectText(cartLine(page, XSS_NAME), money(Number(value) * cents(products.xss.prix)))
      }
      await setQuantity('600')
      await page.getByRole('button', { name: 'Tout par carte' }).click()
      await expectText(page.locator('#payment-form [role="alert"]'), `Stock insuffisant pour ${XSS_NAME} (600 / 500)`)
      assert.equal(new URL(page.url()).pathname, `/caisses/${registerId}/vente`, 'still at the register')
      const sales = await api<{ total: number }>('GET', `/sales?caisse_id=${registerId}&date_debut=2000-01-01`)
      const before = sales.body.total
      await setQuantity('1')
      const after = await api<{ total: number }>('GET', `/sales?caisse_id=${registerId}&date_debut=2000-01-01`)
      assert.equal(after.body.total, before)
    })

    test('the clerk takes a split payment (card + cash with change) and gets the receipt', async () => {
      const subtotal = 2 * cents(products.pain.prix) + cents(products.lait.prix) + cents(products.xss.prix)
      const total = subtotal + taxesOn(subtotal)
      if (JS_ENABLED) {
        await page.keyboard.press('F4')
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'carte', 'F4 goes to the payment')
      }
      await page.getByLabel('Carte').fill('5,00')
      await page.getByLabel('Espèces reçues').fill('10,00')
      if (JS_ENABLED) await expectText(page.getByTestId('change-preview'), money(CARD + CASH - total))
      const key = await page.locator('#payment-form input[name="cle"]').getAttribute('value')
      const csrf = await page.locator('#payment-form input[name="csrf"]').getAttribute('value')
      await Promise.all([page.waitForURL(/\/ventes\/\d+\/recu$/), page.getByRole('button', { name: /^Encaisser/ }).click()])
      await ready(page)
      saleId = Number(/\/ventes\/(\d+)\/recu/.exec(page.url())?.[1])
      receiptNumber = await textOf(page.getByTestId('receipt-number'))
      assert.match(receiptNumber, /^S1-R\d+-\d{8}$/)

      // The same payment posted again (double click, browser retry) sells nothing twice.
      const replay = await clerk.request.post(`/caisses/${registerId}/vente`, {
        form: { csrf: csrf ?? '', intent: 'pay', cle: key ?? '', carte: '5,00', especes: '10,00' },
        maxRedirects: 0,
      })
      assert.equal(replay.status(), 302)
      assert.equal(replay.headers().location, `/ventes/${saleId}/recu`)
      const sales = await api<{ total: number }>('GET', `/sales?caisse_id=${registerId}&numero_recu=${receiptNumber}`)
      assert.equal(sales.body.total, 1)
    })

    test('the receipt shows lines, taxes, payments and change, and prints on 80 mm paper', async () => {
      const subtotal = 2 * cents(products.pain.prix) + cents(products.lait.prix) + cents(products.xss.prix)
      const total = subtotal + taxesOn(subtotal)
      const receipt = page.getByTestId('receipt')
      const text = await textOf(receipt)
      for (const expected of [
        storeName,
        receiptNumber,
        products.pain.nom,
        products.lait.nom,
        XSS_NAME,
        `2 × ${money(cents(products.pain.prix))}`,
        'TPS (5 %)',
        'TVQ (9,975 %)',
        'Carte',
        'Espèces',
        money(CARD),
        money(CASH),
      ]) {
        assert.ok(text.includes(expected), `receipt shows "${expected}": ${text}`)
      }
      assert.equal(await textOf(page.getByTestId('receipt-total')), money(total))
      assert.equal(await textOf(page.getByTestId('receipt-change')), money(CARD + CASH - total))

      // The print stylesheet: an 80 mm page, and only the ticket is printed.
      const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) =>
        links.map((link) => link.getAttribute('href') ?? '')
      ).catch(async () => {
        const hrefs: string[] = []
        for (const link of await page.locator('link[rel="stylesheet"]').all()) hrefs.push((await link.getAttribute('href')) ?? '')
        return hrefs
      })
      const css = await Promise.all(sheets.map(async (href) => (await clerk.request.get(href)).text()))
      assert.ok(css.some((sheet) => /@page\s*\{[^}]*size:\s*80mm auto/.test(sheet)), 'a stylesheet sets @page { size: 80mm auto }')
      await page.emulateMedia({ media: 'print' })
      assert.equal(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible(), false, 'no navigation on paper')
      assert.equal(await page.getByRole('button', { name: 'Imprimer le reçu' }).isVisible(), false, 'no buttons on paper')
      assert.equal(await receipt.isVisible(), true)
      await page.emulateMedia({ media: 'screen' })
      if (JS_ENABLED) await screenshots(page, 'receipt')
    })

    test('a product named like HTML is shown as text, and nothing runs', async () => {
      assert.ok((await page.getByText(XSS_NAME, { exact: false }).count()) >= 1)
      assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img> was created from the name')
      assert.deepEqual(dialogs, [], 'no alert() ran')
    })

    test('the clerk finds the sale (today’s list, receipt number), returns one item and sees the refund', async () => {
      await page.getByRole('link', { name: 'Retour sur cette vente' }).waitFor()
      await page.goto(`/caisses/${registerId}/retours`)
      await ready(page)
      await expectText(page.getByTestId('recent-sales'), receiptNumber)
      // Found by its receipt number, typed the way a clerk would (lower case, spaces).
      await page.getByLabel('Numéro de reçu').fill(` ${receiptNumber.toLowerCase()} `)
      await page.getByRole('button', { name: 'Rechercher' }).click()
      await expectText(page.getByTestId('sale-for-return'), receiptNumber)
      await page.getByLabel(`Quantité de ${products.lait.nom} à retourner (au plus 1)`).fill('1')
      await page.getByLabel('Motif du retour').fill('Emballage abîmé')
      await page.locator('#return-mode').selectOption('especes')
      await page.getByRole('button', { name: 'Enregistrer le retour' }).click()
      const refund = cents(products.lait.prix) + taxesOn(cents(products.lait.prix))
      await expectText(page.getByTestId('refund'), `Remboursement : ${money(refund)} (Espèces)`)
      const sale = await api<{ statut: string; montant_rembourse: string }>('GET', `/sales/${saleId}`)
      assert.equal(sale.body.statut, 'partiellement_retournee')
      assert.equal(cents(sale.body.montant_rembourse), refund)
    })

    test('the clerk cancels the rest of the sale with a POST (the sale is kept, marked returned)', async () => {
      await page.locator('#cancel-mode').selectOption('carte')
      await page.getByRole('button', { name: 'Annuler la vente' }).click()
      await expectText(page.getByTestId('refund'), '(Carte)')
      await expectText(page.getByTestId('sale-for-return'), 'Tous les articles de cette vente ont déjà été retournés')
      const sale = await api<{ statut: string; total: string; montant_rembourse: string }>('GET', `/sales/${saleId}`)
      assert.equal(sale.body.statut, 'retournee')
      assert.equal(sale.body.montant_rembourse, sale.body.total)
    })

    test('the clerk closes the session with a cash count (expected, counted, variance)', async () => {
      const subtotal = 2 * cents(products.pain.prix) + cents(products.lait.prix) + cents(products.xss.prix)
      const total = subtotal + taxesOn(subtotal)
      const refund = cents(products.lait.prix) + taxesOn(cents(products.lait.prix))
      const expected = FLOAT + CASH - (CARD + CASH - total) - refund
      await page.goto(`/caisses/${registerId}/vente`)
      await ready(page)
      await page.getByRole('link', { name: 'Fermer la caisse' }).click()
      await page.waitForURL(`**/caisses/${registerId}/fermeture`)
      await ready(page)
      await expectText(page.getByTestId('expected-cash'), money(expected))
      await page.getByLabel('Espèces comptées').fill('150,00')
      await page.getByRole('button', { name: 'Fermer la caisse' }).click()
      await page.waitForURL(/\/sessions\/\d+$/)
      await expectText(page.locator('h1'), 'Rapport Z')
      await expectText(page.getByTestId('expected-cash'), money(expected))
      await expectText(page.getByTestId('counted-cash'), money(FLOAT))
      await expectText(page.getByTestId('variance'), money(FLOAT - expected))
    })

    test('a clerk cannot reach another store’s POS nor a manager page (403)', async () => {
      for (const path of [`/caisses/${otherStoreRegisterId}/vente`, '/magasins/2/stock', '/gestion']) {
        const response = await page.goto(path)
        assert.equal(response?.status(), 403, path)
        await expectText(page.locator('h1'), 'Accès refusé')
      }
    })

    test('a POST without a valid CSRF token is refused (403)', async () => {
      for (const form of [{ intent: 'clear', csrf: 'jeton-forge' }, { intent: 'clear' }] as Record<string, string>[]) {
        const response = await clerk.request.post(`/caisses/${registerId}/vente`, { form, maxRedirects: 0 })
        assert.equal(response.status(), 403, JSON.stringify(form))
      }
      // Signing in needs the token too (no login CSRF).
      const stranger = await newContext(browser)
      const response = await stranger.request.post('/connexion', {
        form: { identifiant: 'caissier1', mot_de_passe: 'x' },
        maxRedirects: 0,
      })
      assert.equal(response.status(), 403)
      await stranger.close()
    })

    test('the clerk requests a replenishment from the store’s stock page', async () => {
      await page.goto('/magasins/1/stock?q=ALI002')
      await ready(page)
      const table = page.getByTestId('stock-table')
      await expectText(table, products.lait.nom)
      await page.getByLabel(`Quantité de ${products.lait.nom} à demander`).fill('12')
      await page.getByRole('button', { name: 'Demander' }).click()
      await expectText(page.getByRole('status').first(), `12 × ${products.lait.nom}`)
      await expectText(page.getByTestId('requests-table'), 'En attente')
    })

    test('the clerk signs out; the POS then asks to sign in again', async () => {
      await page.getByRole('button', { name: 'Se déconnecter' }).click()
      await page.waitForURL('**/connexion')
      await expectText(page.getByRole('status').first(), 'Vous êtes déconnecté')
      await page.goto(`/caisses/${registerId}/vente`)
      assert.equal(new URL(page.url()).pathname, '/connexion')
      assert.equal(new URL(page.url()).searchParams.get('redirectTo'), `/caisses/${registerId}/vente`)
    })

    test('a manager signs in, sees every store, the management page, and English on request', async () => {
      const context = await newContext(browser, { clientIp: randomPrivateIp() })
      const manager = await context.newPage()
      const user = userOf(credentials, 'gerant')
      await signIn(manager, user.username, user.password)
      // Managers land on the head-office dashboard (tested in dashboard-reports.test.ts).
      assert.equal(new URL(manager.url()).pathname, '/')
      await manager.goto('/magasins')
      await until(async () => (await manager.locator('article.card').count()) >= 5, 'five store cards')
      const response = await manager.goto('/gestion')
      assert.equal(response?.status(), 200)
      await expectText(manager.locator('h1'), 'Gestion')
      assert.equal((await manager.goto('/magasins/3/caisses'))?.status(), 200)
      await manager.goto('/magasins?lang=en')
      await expectText(manager.locator('h1'), 'Our stores')
      await manager.goto('/gestion')
      await expectText(manager.locator('h1'), 'Management')
      await context.close()
    })
  })
}

function cartLine(page: Page, name: string) {
  return page.getByTestId('cart-line').filter({ hasText: name })
}

async function screenshots(page: Page, name: string) {
  for (const [suffix, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['tablet', { width: 820, height: 1180 }],
  ] as const) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${suffix}.png`) })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

async function ensureXssProduct(api: ApiCall): Promise<Product> {
  const existing = await api<Product>('GET', `/products/by-code/${XSS_CODE}`)
  if (existing.status === 200) {
    const updated = await api<Product>('PATCH', `/products/${existing.body.id}`, { nom: XSS_NAME, prix: '2.49', actif: true })
    return updated.body
  }
  const categories = await api<{ items: { id: number }[] }>('GET', '/categories?search=Boissons&size=1')
  const created = await api<Product>('POST', '/products', {
    code: XSS_CODE,
    nom: XSS_NAME,
    prix: '2.49',
    categorie_id: categories.body.items[0]?.id,
    description: 'Produit de test : son nom ne doit jamais devenir du HTML.',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  return created.body
}
