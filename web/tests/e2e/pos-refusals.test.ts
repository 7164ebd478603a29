// What the register refuses, in a real browser against the real web server,
// API and database, with JavaScript and without: a product withdrawn while
// the clerk looks at it, a payment from a page whose cart another tab
// changed, and a sale the stock cannot fill; each explained on the page, and
// nothing sold. Store 2's register n° 3, which no other flow opens (the files
// may run side by side; the two modes run one after the other): the drawer
// is opened through the API, the page's part starts at the register.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { BrowserContext, Page } from 'playwright-core'

import { cartLine, clerkAtRegister, leaveRegister, type Basket, type Product } from './pos-support.ts'
import {
  JS_ENABLED,
  RUN,
  XSS_CODE,
  XSS_NAME,
  Stage,
  cents,
  describeFlows,
  expectText,
  go,
  money,
  ready,
  registerNumbered,
  stockUp,
  textOf,
  until,
  type ApiCall,
} from './support.ts'

const STORE = 2

describeFlows('what the register refuses', () => {
  const stage = new Stage()
  const { api } = stage
  let clerk: BrowserContext
  let clerkApi: ApiCall
  let page: Page
  let registerId: number
  let products: Basket

  before(async () => {
    await stage.open()
    registerId = await registerNumbered(api, STORE, 3)
    ;({ clerkApi, products, page } = await clerkAtRegister(stage, STORE, registerId, { drawerOpen: true }))
    clerk = page.context()
    await go(page, `/caisses/${registerId}/vente`)
  })

  after(() => leaveRegister(stage, clerkApi, registerId))

  test('a cart change the server refuses is announced, and the scan field keeps the focus (a product withdrawn meanwhile)', async () => {
    const withdrawn = await newProduct(api, `E2E-RETIRE-${RUN}`, `Produit retiré ${RUN}`)
    await stockUp(api, STORE, withdrawn.id, 'Préparation des tests de bout en bout')
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
    await page.goto(`/magasins/${STORE}/stock?q=${encodeURIComponent(withdrawn.code)}`)
    await ready(page)
    await expectText(page.getByTestId(`discontinued-${withdrawn.id}`), 'Retiré de la vente')
    assert.equal(await page.locator(`#request-${withdrawn.id}`).count(), 0, 'no request field')

    // A page loaded normally has no message, and the focus is where the clerk works: the scan field.
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    assert.equal(await page.locator('[role="alert"]').count(), 0, 'no refusal on a normal load')
    await until(() => page.evaluate(() => document.activeElement?.id === 'pos-scan'), 'the focus on the scan field')
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
    // Back at the register from the last receipt, the product with the hostile name once in the cart.
    await go(page, `/caisses/${registerId}/vente`)
    await page.locator('#pos-scan').fill(XSS_CODE)
    await page.locator('#pos-scan').press('Enter')
    await cartLine(page, XSS_NAME).waitFor()
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
    await stockUp(api, STORE, products.xss.id, 'Vendu à une autre caisse (test de bout en bout)', 50)
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
    await stockUp(api, STORE, products.xss.id, 'Préparation des tests de bout en bout')
    // No page of this file ran the hostile name as markup (pos-sale.test.ts checks the receipt's).
    assert.deepEqual(stage.dialogs, [], 'no alert() ran')
  })
})

/** A product of this run (its code and name are unique to the run and mode). */
async function newProduct(api: ApiCall, code: string, nom: string): Promise<Product> {
  const categories = await api<{ items: { id: number }[] }>('GET', '/categories?search=Boissons&size=1')
  const created = await api<Product>('POST', '/products', { code, nom, prix: '1.99', categorie_id: categories.body.items[0]?.id })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  return created.body
}
