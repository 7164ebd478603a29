// A clerk's sale at the register, in a real browser against the real web
// server, API and database, with JavaScript (fetchers, keyboard shortcuts, no
// reloads) and without (every step a form POST and a redirect): open the
// drawer, fill the cart, refused changes and a refused sale, then a split
// payment and its receipt. What follows the sale is pos-returns.test.ts.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import type { BrowserContext, Page } from 'playwright-core'

import { CARD, CASH, FLOAT, basketOnSale, cashKept, nickel, sold, taxOn, type Basket, type Product } from './pos-support.ts'
import {
  JS_ENABLED,
  RUN,
  SCREENSHOTS,
  Stage,
  XSS_CODE,
  XSS_NAME,
  cents,
  closeOpenSession,
  describeFlows,
  expectText,
  money,
  ready,
  registerOfThisMode,
  stockUp,
  textOf,
  until,
  type ApiCall,
} from './support.ts'

describeFlows('a clerk’s sale at the register', () => {
  const stage = new Stage()
  const { api } = stage
  let clerk: BrowserContext
  let clerkApi: ApiCall
  let page: Page
  let registerId: number
  let products: Basket
  let storeName: string
  let saleId: number
  let receiptNumber: string

  before(async () => {
    await stage.open()
    registerId = await registerOfThisMode(api, 1)
    storeName = (await api<{ nom: string }>('GET', '/stores/1')).body.nom
    clerkApi = await stage.apiAs('caissier1')
    await closeOpenSession(clerkApi, registerId)
    products = await basketOnSale(api, 1)
    // Signed in, the clerk lands on the store's registers (sign-in-and-roles.test.ts checks how).
    page = await stage.signedIn('caissier1')
    clerk = page.context()
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  // The drawer is counted in pos-returns.test.ts: this one is closed as it stands, for the next flows on this register.
  after(async () => {
    if (clerkApi) await closeOpenSession(clerkApi, registerId)
    await stage.close()
  })

  test('the clerk opens the register session with a float', async () => {
    await page.getByTestId(`register-${registerId}`).getByRole('link', { name: /Ouvrir la caisse|Nouvelle vente/ }).click()
    await page.waitForURL(`**/caisses/${registerId}/vente`)
    await ready(page)
    await expectText(page.getByTestId('session-state'), 'Caisse fermée')
    // F2 and F4 need JavaScript: without it, no key is advertised (the scan field's label said F2).
    assert.equal((await page.locator('kbd').count()) > 0, JS_ENABLED, 'keys shown only where they work')
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
    await page.getByRole('button', { name: `${products.pain.nom} : un de plus` }).click()
    await until(async () => (await page.getByLabel(`Quantité de ${products.pain.nom}`).inputValue()) === '2', 'Pain × 2')
    // Out of range: the page's own message (not the browser's popup, in the browser's language); the cart keeps 2.
    const breadQuantity = page.getByLabel(`Quantité de ${products.pain.nom}`)
    await breadQuantity.fill('5000')
    await breadQuantity.press('Enter')
    await expectText(page.locator('#pos-cart-error'), 'La quantité d’une ligne va de 0 à 1 000 (0 la retire du panier).')
    // The refused 5000 does not stay typed in the line, and the scanner's next code goes to the scan field.
    await until(async () => (await breadQuantity.inputValue()) === '2', 'the line shows its quantity again')
    await until(() => page.evaluate(() => document.activeElement?.id === 'pos-scan'), 'the focus back on the scan field')
    await breadQuantity.fill('2')
    await breadQuantity.press('Enter')
    await until(async () => (await page.locator('#pos-cart-error').count()) === 0, 'the refusal gone once the quantity is right')

    await page.locator('#pos-scan').fill(XSS_CODE)
    await page.locator('#pos-scan').press('Enter')
    await cartLine(page, XSS_NAME).waitFor()

    // Not an exact code: the matches are listed, the clerk picks one.
    await page.locator('#pos-scan').fill('lait')
    await page.locator('#pos-scan').press('Enter')
    await expectText(page.getByRole('heading', { name: /Résultats pour/ }), 'Résultats pour « lait »')
    await page.getByRole('button', { name: `Ajouter ${products.lait.nom} au panier` }).click()
    await cartLine(page, products.lait.nom).waitFor()

    const { subtotal, total } = sold(products)
    await expectText(page.getByTestId('cart-total'), money(total))
    const totals = await textOf(page.getByTestId('totals'))
    assert.match(totals, /TPS \(5 %\)/)
    assert.match(totals, /TVQ \(9,975 %\)/)
    assert.ok(totals.includes(money(taxOn(subtotal, 50_000))), `TPS in ${totals}`)
    // The hostile name is plain text in the cart.
    assert.equal(await page.locator('img[src="x"]').count(), 0)

    // A tablet held upright: the names keep room for a word (the column shrank until "Fromage" read
    // "Fromag/e"), and the cart does not scroll sideways for it.
    await page.setViewportSize({ width: 768, height: 1024 })
    const cart = await page.getByTestId('cart').evaluate((table) => {
      // A line with a long word, a copy of a real one, measured with the others and then taken out.
      const rows = table.querySelectorAll('tbody > tr')
      const probe = rows[rows.length - 1]?.cloneNode(true) as HTMLTableRowElement
      probe.querySelector('td.pos-product-name > span.fw-semibold')!.textContent = 'Jus de pamplemousse rose biologique'
      table.querySelector('tbody')!.append(probe)
      const measured = {
        nameWidths: [...table.querySelectorAll('td.pos-product-name')].map((cell) => cell.getBoundingClientRect().width),
        overflow: (table.parentElement?.scrollWidth ?? 0) - (table.parentElement?.clientWidth ?? 0),
        // Words of up to 12 letters (« pamplemousse ») that a line break cut in two: each should sit on one line.
        splitWords: [...table.querySelectorAll('td.pos-product-name > span.fw-semibold')].flatMap((name) => {
          const text = name.firstChild
          if (!text?.textContent) return []
          const split: string[] = []
          for (const match of text.textContent.matchAll(/(?<!\S)\S{2,12}(?!\S)/g)) {
            const range = document.createRange()
            range.setStart(text, match.index)
            range.setEnd(text, match.index + match[0].length)
            if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) split.push(match[0])
          }
          return split
        }),
      }
      probe.remove()
      return measured
    })
    await page.setViewportSize({ width: 1280, height: 900 })
    assert.ok(cart.nameWidths.every((width) => width >= 96), `names at least 6rem wide: ${cart.nameWidths.join(', ')}`)
    assert.ok(cart.overflow <= 0, `no sideways scroll (${cart.overflow} px)`)
    assert.deepEqual(cart.splitWords, [], 'no word of a name is cut in two')

    if (JS_ENABLED) {
      const marker = await page.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker)
      assert.equal(marker, 42, 'with JavaScript, cart changes never reload the page')
      await screenshots(page, 'pos')
    }
  })

  test('a cart change the server refuses is announced, and the scan field keeps the focus (a product withdrawn meanwhile)', async () => {
    const withdrawn = await newProduct(api, `E2E-RETIRE-${RUN}`, `Produit retiré ${RUN}`)
    await stockUp(api, 1, withdrawn.id, 'Préparation des tests de bout en bout')
    const scan = page.locator('#pos-scan')
    await scan.fill(withdrawn.nom)
    await scan.press('Enter')
    await expectText(page.getByRole('heading', { name: /Résultats pour/ }), `Résultats pour « ${withdrawn.nom} »`)
    // Taken off sale while the clerk looks at the list (the catalogue page, another tab).
    assert.equal((await api('PATCH', `/products/${withdrawn.id}`, { actif: false })).status, 200)
    await page.getByRole('button', { name: `Ajouter ${withdrawn.nom} au panier` }).click()
    await expectText(page.locator('#pos-cart-error[role="alert"]'), "Ce produit n'est plus vendu.")
    // Announced (role="alert"), while the focus stays where the scanner types: with JavaScript the page
    // puts it back there; without, the page the refusal redirects to opens there (autofocus).
    await until(() => page.evaluate(() => document.activeElement?.id === 'pos-scan'), 'the focus on the scan field')
    assert.equal(await cartLine(page, withdrawn.nom).count(), 0, 'nothing was added')

    // Scanned from a label still on the shelf: refused by name; searched for, it is not offered.
    await scan.fill(withdrawn.code)
    await scan.press('Enter')
    await expectText(page.locator('#pos-scan-error'), "Ce produit n'est plus vendu.")
    assert.equal(await cartLine(page, withdrawn.nom).count(), 0, 'nothing was added by the scan either')
    await scan.fill(withdrawn.nom)
    await scan.press('Enter')
    // Whatever else the words find, the withdrawn product is not among the results.
    await until(
      async () => (await page.locator('#pos-scan-error').count()) + (await page.getByRole('heading', { name: /Résultats pour/ }).count()) > 0,
      'the answer to the search'
    )
    assert.equal(await page.getByRole('button', { name: `Ajouter ${withdrawn.nom} au panier` }).count(), 0, 'not offered')

    // Added by scan, refused (no such code): the scan field, described by the message, has the focus to correct it.
    await scan.fill(`INCONNU-${RUN}`)
    await scan.press('Enter')
    await expectText(page.locator('#pos-scan-error'), `Aucun produit ne correspond à « INCONNU-${RUN} »`)
    await until(() => page.evaluate(() => document.activeElement?.id === 'pos-scan'), 'the focus on the refused scan')
    // The next scan replaces the refused code instead of joining it: with JavaScript the code is back
    // in the field, selected; without, the field is empty (the caret would land before the code).
    if (!JS_ENABLED) assert.equal(await scan.inputValue(), '', 'the field is free for the next scan')
    else assert.deepEqual(await scan.evaluate((input: HTMLInputElement) => [input.value, input.selectionStart, input.selectionEnd]), [`INCONNU-${RUN}`, 0, `INCONNU-${RUN}`.length])
    // A quantity refused before anything is sent (JavaScript) or by the server: the same.
    await page.keyboard.type(`0*INCONNU-${RUN}`)
    await page.keyboard.press('Enter')
    await expectText(page.locator('#pos-scan-error'), 'La quantité doit être entre 1 et 1 000.')
    await page.keyboard.type('ALI001')
    assert.equal(await scan.inputValue(), 'ALI001', 'the next scan is whole')
    await scan.fill('')
    assert.equal(await page.locator('#pos-cart-error').count(), 0, 'the cart message went with the next answer')

    // The next step goes through (a search): the refusal goes, and the refused code does not come back
    // into the field (react-router keeps a fetcher's last data across a redirect).
    await scan.fill('lait')
    await scan.press('Enter')
    await expectText(page.getByRole('heading', { name: /Résultats pour/ }), 'Résultats pour « lait »')
    assert.equal(await page.locator('#pos-scan-error').count(), 0, 'the refusal went with the search')
    assert.notEqual(await scan.inputValue(), `INCONNU-${RUN}`)

    // The store's stock still lists it (its units are on the shelf), marked, with nothing to ask for.
    await page.goto(`/magasins/1/stock?q=${encodeURIComponent(withdrawn.code)}`)
    await ready(page)
    await expectText(page.getByTestId(`discontinued-${withdrawn.id}`), 'Retiré de la vente')
    assert.equal(await page.locator(`#request-${withdrawn.id}`).count(), 0, 'no request field')

    // A page loaded normally has no message, and the focus is where the clerk works: the scan field.
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    assert.equal(await page.locator('[role="alert"]').count(), 0, 'no refusal on a normal load')
    await until(() => page.evaluate(() => document.activeElement?.id === 'pos-scan'), 'the focus on the scan field')
  })

  test('an impossible sale is explained on the page (insufficient stock), and nothing is sold', async () => {
    const setQuantity = async (value: string) => {
      const input = page.getByLabel(`Quantité de ${XSS_NAME}`)
      await input.fill(value)
      await input.press('Enter')
      // The line total comes from the server: the change is recorded, not just typed.
      await expectText(cartLine(page, XSS_NAME), money(Number(value) * cents(products.xss.prix)))
      // The quantity field is rendered anew: the clerk is back in the scan field, not on <body>.
      await until(() => page.evaluate(() => document.activeElement?.id === 'pos-scan'), 'the focus back on the scan field')
    }
    // More than the shelf holds is refused when asked, not at payment; the line keeps its quantity.
    const quantity = page.getByLabel(`Quantité de ${XSS_NAME}`)
    await quantity.fill('600')
    await quantity.press('Enter')
    await expectText(page.locator('#pos-cart-error'), `Stock insuffisant pour ${XSS_NAME} : 600 demandés, 500 disponibles.`)
    await expectText(cartLine(page, XSS_NAME), money(cents(products.xss.prix)))
    // So is a scan with a quantity: what the cart would then hold is counted.
    await page.locator('#pos-scan').fill(`500*${XSS_CODE}`)
    await page.locator('#pos-scan').press('Enter')
    await expectText(page.locator('#pos-scan-error'), `Stock insuffisant pour ${XSS_NAME} : 501 demandés, 500 disponibles.`)
    await expectText(cartLine(page, XSS_NAME), money(cents(products.xss.prix)))
    // Stock that went (another register sold it) after the cart was filled: the payment is refused.
    await setQuantity('100')
    await stockUp(api, 1, products.xss.id, 'Vendu à une autre caisse (test de bout en bout)', 50)
    await page.getByRole('button', { name: 'Tout par carte' }).click()
    await expectText(page.locator('#payment-form [role="alert"]'), `Stock insuffisant pour ${XSS_NAME} : 100 demandés, 50 disponibles.`)
    // The buttons were disabled while paying: the API's refusal takes the focus, not <body> (without
    // JavaScript, the page the refused payment answers with opens on it).
    await until(
      () => page.evaluate(() => document.activeElement?.matches('#payment-form [role="alert"]') ?? false),
      'the focus on the payment refusal'
    )
    assert.equal(new URL(page.url()).pathname, `/caisses/${registerId}/vente`, 'still at the register')
    const sales = await api<{ total: number }>('GET', `/sales?caisse_id=${registerId}&date_debut=2000-01-01`)
    const before = sales.body.total
    await setQuantity('1')
    const after = await api<{ total: number }>('GET', `/sales?caisse_id=${registerId}&date_debut=2000-01-01`)
    assert.equal(after.body.total, before)
    await stockUp(api, 1, products.xss.id, 'Préparation des tests de bout en bout')
  })

  test('the clerk takes a split payment (card + cash with change) and gets the receipt', async () => {
    const { total } = sold(products)
    if (JS_ENABLED) {
      await page.keyboard.press('F4')
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'carte', 'F4 goes to the payment')
    }
    if (JS_ENABLED) {
      // More on the card than the sale costs: said while typing (change never goes back to a card).
      await page.getByLabel('Carte').fill(money(total + 100).replace(/\s*\$$/, ''))
      await expectText(page.getByTestId('change-preview'), 'Le paiement par carte ne peut pas dépasser le total.')
    }
    await page.getByLabel('Carte').fill('5,00')
    await page.getByLabel('Espèces reçues').fill('10,00')
    // What the card leaves is due in cash to the nickel: the change is what is tendered beyond that.
    if (JS_ENABLED) {
      await expectText(page.getByTestId('change-preview'), money(CASH - cashKept(total)))
      const rounding = cashKept(total) - (total - CARD)
      await expectText(page.getByTestId('cash-rounding'), `arrondi ${rounding > 0 ? '+' : ''}${money(rounding)}`)
    }
    const key = await page.locator('#payment-form input[name="cle"]').getAttribute('value')
    const csrf = await page.locator('#payment-form input[name="csrf"]').getAttribute('value')
    await Promise.all([page.waitForURL(/\/ventes\/\d+\/recu$/), page.getByRole('button', { name: /^Encaisser/ }).click()])
    await ready(page)
    // The next customer is one Enter away (with JavaScript, React ignored `autoFocus` on that link).
    await until(
      () => page.evaluate(() => document.activeElement?.textContent === 'Nouvelle vente'),
      'the focus on “Nouvelle vente”'
    )
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
    const { total } = sold(products)
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
    assert.equal(await textOf(page.getByTestId('receipt-change')), money(CASH - cashKept(total)))
    // The basket (6,89 $) leaves 1,89 $ for cash, kept as 1,90 $: the receipt says so.
    const rounding = cashKept(total) - (total - CARD)
    assert.notEqual(rounding, 0, 'the basket exercises the rounding')
    assert.equal(await textOf(page.getByTestId('receipt-cash-rounding')), `${rounding > 0 ? '+' : ''}${money(rounding)}`)

    // A print button needs JavaScript: without it, the page says Ctrl+P instead of a button that does nothing.
    assert.equal(await page.getByRole('button', { name: 'Imprimer le reçu' }).count(), JS_ENABLED ? 1 : 0)
    assert.equal(await page.getByText('Pour imprimer : Ctrl+P (Cmd+P sur Mac).').isVisible(), !JS_ENABLED)

    // Printed (Chromium's own PDF, as the print dialog lays it out): one 80 mm page — with JavaScript
    // as long as the ticket. `size: 80mm auto` was invalid CSS, dropped: the ticket came out on Letter.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)]
    assert.equal(boxes.length, 1, 'one page')
    const [widthMm, lengthMm] = [boxes[0]?.[1], boxes[0]?.[2]].map((points) => (Number(points) * 25.4) / 72) as [number, number]
    assert.ok(Math.abs(widthMm - 80) < 0.5, `80 mm wide, not ${widthMm} mm`)
    if (JS_ENABLED) assert.ok(lengthMm > 60 && lengthMm < 250, `as long as the ticket, not ${lengthMm} mm`)
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
    assert.deepEqual(stage.dialogs, [], 'no alert() ran')
  })

  test('a payment from a page whose cart another tab changed is refused, and nothing is charged', async () => {
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    await page.locator('#pos-scan').fill('ALI001')
    await page.locator('#pos-scan').press('Enter')
    await cartLine(page, products.pain.nom).waitFor()
    const shown = await textOf(page.getByTestId('cart-total'))
    // The same clerk's second tab (one session, one cart) adds milk.
    const other = await clerk.newPage()
    await other.goto(`/caisses/${registerId}/vente`)
    await ready(other)
    await other.locator('#pos-scan').fill(products.lait.code)
    await other.locator('#pos-scan').press('Enter')
    await cartLine(other, products.lait.nom).waitFor()
    const current = await textOf(other.getByTestId('cart-total'))
    await other.close()
    assert.notEqual(current, shown)
    const salesBefore = (await api<{ total: number }>('GET', `/sales?caisse_id=${registerId}&size=1`)).body.total
    await page.getByRole('button', { name: 'Tout par carte' }).click()
    await expectText(page.locator('#payment-form [role="alert"]'), `Le panier a changé depuis l’affichage de cette page (un autre onglet ?) : rien n’a été encaissé. Vérifiez-le, total ${current}, puis encaissez de nouveau.`)
    assert.equal((await api<{ total: number }>('GET', `/sales?caisse_id=${registerId}&size=1`)).body.total, salesBefore, 'no sale')
    // The page now shows the cart the session holds; paying it goes through.
    await cartLine(page, products.lait.nom).waitFor()
    await expectText(page.getByTestId('cart-total'), current)
    await Promise.all([page.waitForURL(/\/ventes\/\d+\/recu$/), page.getByRole('button', { name: 'Tout par carte' }).click()])
    await ready(page)
    assert.equal(await textOf(page.getByTestId('receipt-total')), current)
  })

  test('« Espèces exactes » tenders the total to the nickel (a bread: 1,38 $ is 1,40 $ in cash)', async () => {
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    await page.locator('#pos-scan').fill('ALI001')
    await page.locator('#pos-scan').press('Enter')
    await cartLine(page, products.pain.nom).waitFor()
    const total = cents(products.pain.prix) + taxOn(cents(products.pain.prix), 50_000) + taxOn(cents(products.pain.prix), 99_750)
    const inCash = nickel(total)
    assert.notEqual(inCash, total, 'the bread exercises the rounding')
    await expectText(page.getByTestId('cash-total'), `En espèces : ${money(inCash)} (arrondi aux 5 ¢ près)`)
    await Promise.all([
      page.waitForURL(/\/ventes\/\d+\/recu$/),
      page.getByRole('button', { name: `Espèces exactes (${money(inCash)})` }).click(),
    ])
    await ready(page)
    assert.equal(await textOf(page.getByTestId('receipt-total')), money(total))
    assert.equal(await textOf(page.getByTestId('receipt-change')), money(0))
    const rounding = inCash - total
    assert.equal(await textOf(page.getByTestId('receipt-cash-rounding')), `${rounding > 0 ? '+' : ''}${money(rounding)}`)
    const sale = await api<{ montant_paye: string; arrondi_especes: string }>('GET', `/sales/${Number(/\/ventes\/(\d+)\/recu/.exec(page.url())?.[1])}`)
    assert.deepEqual([cents(sale.body.montant_paye), cents(sale.body.arrondi_especes)], [inCash, rounding])
  })
})

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

/** A product of this run (its code and name are unique to the run and mode). */
async function newProduct(api: ApiCall, code: string, nom: string): Promise<Product> {
  const categories = await api<{ items: { id: number }[] }>('GET', '/categories?search=Boissons&size=1')
  const created = await api<Product>('POST', '/products', { code, nom, prix: '1.99', categorie_id: categories.body.items[0]?.id })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  return created.body
}
