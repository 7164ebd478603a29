// What follows a sale at the register, in a real browser with JavaScript and
// without: the clerk finds the sale, returns one item, cancels the rest and
// reprints the receipt; scans the next customers' codes in bursts; then counts
// the cash that closes the drawer. The sale is pos-sale.test.ts's basket, paid
// the same way, made through the API: the page's part starts after it. Store
// 3, whose registers no other flow opens: the files may run side by side.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { CARD, CASH, FLOAT, cashKept, clerkAtRegister, leaveRegister, nickel, sold, taxesOn, wire, type Basket } from './pos-support.ts'
import {
  JS_ENABLED,
  RUN,
  XSS_CODE,
  Stage,
  cents,
  describeFlows,
  expectText,
  go,
  money,
  press,
  ready,
  registerOfThisMode,
  textOf,
  until,
  type ApiCall,
} from './support.ts'

const STORE = 3

describeFlows('after a sale at the register', () => {
  const stage = new Stage()
  const { api } = stage
  let clerkApi: ApiCall
  let page: Page
  let registerId: number
  let products: Basket
  let saleId: number
  let receiptNumber: string

  before(async () => {
    await stage.open()
    registerId = await registerOfThisMode(api, STORE)
    ;({ clerkApi, products, page } = await clerkAtRegister(stage, STORE, registerId, { drawerOpen: true }))
    // In the order the page's cart has them: the bread is the first line to return.
    const sale = await clerkApi<{ id: number; numero_recu: string }>('POST', '/sales', {
      caisse_id: registerId,
      lignes: [
        { produit_id: products.pain.id, quantite: 2 },
        { produit_id: products.xss.id, quantite: 1 },
        { produit_id: products.lait.id, quantite: 1 },
      ],
      paiements: [
        { mode: 'carte', montant: wire(CARD) },
        { mode: 'especes', montant: wire(CASH) },
      ],
    })
    assert.equal(sale.status, 201, JSON.stringify(sale.body))
    saleId = sale.body.id
    receiptNumber = sale.body.numero_recu
    // Where a sale leaves the clerk: on its receipt.
    await go(page, `/ventes/${saleId}/recu`)
  })

  // The last flow closes the drawer; one that failed before it would leave the drawer open.
  after(() => leaveRegister(stage, clerkApi, registerId))

  test('the clerk finds the sale (today’s list, receipt number), returns one item and sees the refund', async () => {
    await page.getByRole('link', { name: 'Retour sur cette vente' }).waitFor()
    await page.goto(`/caisses/${registerId}/retours`)
    await ready(page)
    await expectText(page.getByTestId('recent-sales'), receiptNumber)
    // Another day's sales (yesterday evening's sale, a receipt lost): today's sale is not among them…
    const day = page.getByLabel('Jour', { exact: true })
    const today = (await day.getAttribute('max')) ?? ''
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    await day.fill(yesterday)
    await page.getByRole('button', { name: 'Afficher' }).click()
    const named = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${yesterday}T00:00:00Z`))
    await expectText(page.locator('#recent-heading'), `Ventes du ${named} à cette caisse`)
    const listed = page.locator('section[aria-labelledby="recent-heading"]')
    assert.ok(!(await listed.innerText()).includes(receiptNumber), 'not a sale of the day before')
    // …and today's list is one date away.
    await page.getByLabel('Jour', { exact: true }).fill(today)
    await page.getByRole('button', { name: 'Afficher' }).click()
    await expectText(page.getByTestId('recent-sales'), receiptNumber)
    // Found by its receipt number, typed the way a clerk would (lower case, spaces).
    await page.getByLabel('Numéro de reçu').fill(` ${receiptNumber.toLowerCase()} `)
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await expectText(page.getByTestId('sale-for-return'), receiptNumber)
    // The clerk goes on with the first quantity to return, empty: a 1 typed there is 1, not "10".
    const first = page.getByLabel(new RegExp(`^Quantité de ${products.pain.nom} à retourner`))
    await until(() => first.evaluate((input) => input === document.activeElement), 'the focus on the first quantity')
    assert.equal(await first.inputValue(), '')
    const quantity = page.getByLabel(`Quantité de ${products.lait.nom} à retourner (au plus 1)`)
    await quantity.fill('1')
    await page.locator('#return-mode').selectOption('especes')
    // The milk came back spoiled: refunded, but not put back on the shelf.
    const shelf = async () =>
      (await api<{ items: { produit_id: number; quantite: number }[] }>('GET', `/stores/${STORE}/stock?search=${products.lait.code}&size=10`)).body.items.find(
        (item) => item.produit_id === products.lait.id
      )?.quantite
    const onShelf = await shelf()
    const damaged = page.getByLabel(`Articles de ${products.lait.nom} abîmés, à ne pas remettre en stock`)
    await damaged.fill('1')
    // A reason too short is refused (by the server, without JavaScript): the form comes back as typed.
    await page.getByLabel('Motif du retour').fill('X')
    await page.getByRole('button', { name: 'Enregistrer le retour' }).click()
    await expectText(page.locator('#return-motif-error'), 'Au moins 2 caractères.')
    assert.equal(await quantity.inputValue(), '1', 'the quantity is kept')
    assert.equal(await page.getByLabel('Motif du retour').inputValue(), 'X', 'the reason is kept')
    assert.equal(await page.locator('#return-mode').inputValue(), 'especes', 'the refund method is kept')
    assert.equal(await damaged.inputValue(), '1', 'the damaged quantity is kept')
    await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'return-motif', 'the focus on the refused reason')
    await page.getByLabel('Motif du retour').fill('Emballage abîmé')
    await page.getByRole('button', { name: 'Enregistrer le retour' }).click()
    const refund = cents(products.lait.prix) + taxesOn(cents(products.lait.prix))
    // Cash is handed back to the nickel (ADR 0023): 1,27 $ of milk is 1,25 $ in the hand.
    await expectText(page.getByTestId('refund'), `Remboursement : ${money(nickel(refund))} (Espèces)`)
    assert.notEqual(nickel(refund), refund, 'the milk exercises the rounding')
    await expectText(page.getByTestId('refund-cash-rounding'), `Remboursé : ${money(nickel(refund))} pour ${money(refund)} (espèces arrondies aux 5 ¢ près`)
    await expectText(page.getByTestId('refund'), `1 × ${products.lait.nom}, dont 1 abîmé, non remis en stock`)
    // The form is gone: the focus is on what happened, not back at the top of the page.
    await until(async () => (await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'status', 'the focus on the notice')
    const sale = await api<{ statut: string; montant_rembourse: string }>('GET', `/sales/${saleId}`)
    assert.equal(sale.body.statut, 'partiellement_retournee')
    assert.equal(cents(sale.body.montant_rembourse), refund)
    assert.equal(await shelf(), onShelf, 'the spoiled milk stays off the shelf')
  })

  test('the clerk cancels the rest of the sale with a POST, once confirmed (the sale is kept, marked returned)', async () => {
    // Not confirmed: refused on the check box, which takes the focus; nothing is refunded.
    await press(page, 'Annuler la vente')
    const confirm = page.getByLabel(/Je confirme : reprendre tous les articles restants \(3\)/)
    await expectText(page.locator('#cancel-confirmer-error'), 'Cochez la confirmation pour annuler toute la vente.')
    await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'cancel-confirmer', 'the focus on the confirmation')
    assert.equal((await api<{ statut: string }>('GET', `/sales/${saleId}`)).body.statut, 'partiellement_retournee')
    await confirm.check()
    // What is left to refund is more than the card was charged: the card alone is refused, naming what it can take…
    await page.locator('#cancel-mode').selectOption('carte')
    await page.getByRole('button', { name: 'Annuler la vente' }).click()
    await expectText(page.getByTestId('cancel-sale'), `Ce mode ne peut plus rembourser que ${money(CARD)} sur cette vente`)
    assert.equal((await api<{ statut: string }>('GET', `/sales/${saleId}`)).body.statut, 'partiellement_retournee')
    // …and the original tenders split it: the card gets what it was charged, the drawer the rest.
    await page.getByLabel(/Je confirme : reprendre tous les articles restants \(3\)/).check()
    await page.locator('#cancel-mode').selectOption('original')
    await page.getByRole('button', { name: 'Annuler la vente' }).click()
    const { total } = sold(products)
    const returned = cents(products.lait.prix) + taxesOn(cents(products.lait.prix))
    // The cancellation completes the sale: the drawer hands back what it still holds of it.
    const cashLeft = cashKept(total) - nickel(returned)
    await expectText(page.getByTestId('refund'), `Remboursement : ${money(CARD + cashLeft)} (plusieurs modes)`)
    await expectText(page.getByTestId('refund-parts'), `Carte : ${money(CARD)}`)
    await expectText(page.getByTestId('refund-parts'), `Espèces : ${money(cashLeft)}`)
    await expectText(page.getByTestId('sale-for-return'), 'Tous les articles de cette vente ont déjà été retournés')
    const sale = await api<{ statut: string; total: string; montant_rembourse: string }>('GET', `/sales/${saleId}`)
    assert.equal(sale.body.statut, 'retournee')
    assert.equal(sale.body.montant_rembourse, sale.body.total)
    // Over both returns the card got back what it was charged, the drawer the rest (the lait in cash, then the split's cash).
    assert.equal(
      await textOf(page.getByTestId('refunded-by-tender')),
      `(Carte : ${money(CARD)} · Espèces : ${money(cashKept(total))})`
    )
  })

  test('the receipt reprinted after the returns shows the refund per tender and the net', async () => {
    const { total } = sold(products)
    await page.goto(`/ventes/${saleId}/recu`)
    await ready(page)
    assert.equal(await textOf(page.getByTestId('receipt-refunded')), money(-total))
    for (const [mode, label, cents] of [
      ['carte', 'dont Carte', CARD],
      ['especes', 'dont Espèces', cashKept(total)],
    ] as const) {
      const row = page.getByTestId(`receipt-refunded-${mode}`)
      assert.equal(await textOf(row.locator('th')), label)
      assert.equal(await textOf(row.locator('td')), money(-cents))
    }
  })

  test('a scanner’s burst: every code typed before the answers arrive lands in the cart, a bad one is shown', async () => {
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    const scan = page.locator('#pos-scan')
    const codes = [products.pain.code, products.lait.code, `INCONNU-${RUN}`, products.pain.code, XSS_CODE]
    const pos = `**/caisses/${registerId}/vente*`
    if (JS_ENABLED) {
      // Each code and Enter, without waiting for the page (the queue used to stall after the first).
      // The first answer is held until the last code is typed: a real scanner types faster than any
      // answer comes, a browser driven on a busy machine does not.
      let typed = () => {}
      const allTyped = new Promise<void>((resolve) => (typed = resolve))
      await page.route(pos, async (route) => {
        if (route.request().method() === 'POST') await allTyped
        await route.continue()
      })
      await scan.focus()
      for (const code of codes) {
        await page.keyboard.type(code)
        await page.keyboard.press('Enter')
      }
      typed()
    } else {
      for (const code of codes) {
        await scan.fill(code)
        await Promise.all([page.waitForEvent('load'), scan.press('Enter')])
      }
    }
    // Five answers in a row, one at a time: on a busy 2-core machine that is more than the usual 10 s.
    await until(async () => (await page.getByTestId('cart-line').count()) === 3, 'three products in the cart', 30_000)
    await until(async () => (await page.getByLabel(`Quantité de ${products.pain.nom}`).inputValue()) === '2', 'Pain × 2')
    // With JavaScript the refusal came after the codes that followed it were typed: it is still shown.
    if (JS_ENABLED) await expectText(page.locator('#pos-scan-error'), `Aucun produit ne correspond à « INCONNU-${RUN} »`)
    await page.unroute(pos)
    await page.getByRole('button', { name: 'Vider le panier' }).click()
    await expectText(page.getByTestId('cart-total'), money(0))

    // Emptied by mistake (the button is one Tab after the results): the cart comes back whole.
    await page.getByRole('button', { name: 'Rétablir le panier vidé' }).click()
    await until(async () => (await page.getByTestId('cart-line').count()) === 3, 'the three lines back')
    assert.equal(await page.getByLabel(`Quantité de ${products.pain.nom}`).inputValue(), '2')
    await page.getByRole('button', { name: 'Vider le panier' }).click()
    await expectText(page.getByTestId('cart-total'), money(0))
    // Once the clerk starts the next cart, the emptied one is gone for good.
    await scan.fill(products.lait.code)
    await scan.press('Enter')
    await until(async () => (await page.getByTestId('cart-line').count()) === 1, 'the next cart started')
    await page.getByRole('button', { name: 'Vider le panier' }).click()
    await expectText(page.getByTestId('cart-total'), money(0))
    await page.getByTestId('restore-cart').click()
    await until(async () => (await page.getByTestId('cart-line').count()) === 1, 'only the last cart back: the milk')
    await page.getByLabel(`Quantité de ${products.lait.nom}`).waitFor()
    await page.getByRole('button', { name: 'Vider le panier' }).click()
    await expectText(page.getByTestId('cart-total'), money(0))
  })

  test('a refused code answered while the next one is being typed does not overwrite it', async () => {
    if (!JS_ENABLED) return // without JavaScript each scan is a page load: nothing is typed during one
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    const scan = page.locator('#pos-scan')
    await scan.focus()
    await page.keyboard.type(`INCONNU2-${RUN}`)
    await page.keyboard.press('Enter')
    const [head, tail] = [products.lait.code.slice(0, 3), products.lait.code.slice(3)]
    await page.keyboard.type(head)
    await expectText(page.locator('#pos-scan-error'), `INCONNU2-${RUN}`)
    assert.equal(await scan.inputValue(), head, 'the code being typed is still in the field')
    await page.keyboard.type(tail)
    await page.keyboard.press('Enter')
    await until(async () => (await page.getByLabel(`Quantité de ${products.lait.nom}`).count()) === 1, 'the milk in the cart')
    await page.getByRole('button', { name: 'Vider le panier' }).click()
    await expectText(page.getByTestId('cart-total'), money(0))
  })

  test('the clerk counts the drawer blind, then the Z report shows expected, counted and variance', async () => {
    // The whole sale came back: its cash part left the drawer again (the card got its 5.00), so the drawer holds its float.
    const expected = FLOAT
    const manager = await stage.signedIn('gerant')
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    await page.getByRole('link', { name: 'Fermer la caisse' }).click()
    await page.waitForURL(`**/caisses/${registerId}/fermeture`)
    await ready(page)
    // Blind (ADR 0026): counts, the float the clerk counted in, and no amount the expected cash follows from,
    // neither on the page nor in the data it carries for the browser.
    const report = page.getByTestId('session-report')
    await expectText(page.getByTestId('blind-count'), 'sans connaître le montant attendu')
    await expectText(report, money(FLOAT))
    assert.equal(await page.getByTestId('expected-cash').count(), 0, 'no expected cash before the count')
    assert.equal(await page.getByTestId('refund-especes').count(), 0, 'no refund amounts before the count')
    for (const key of ['especes_attendues', 'sous_total', 'par_mode', 'arrondi_especes']) {
      assert.ok(!(await page.content()).includes(key), `the page's data holds no ${key}`)
    }
    // The X report of the same session, for the manager: every amount.
    await go(manager, `/caisses/${registerId}/fermeture`)
    await expectText(manager.getByTestId('expected-cash'), money(expected))
    assert.equal(await manager.getByTestId('blind-count').count(), 0)
    assert.ok((await manager.content()).includes('especes_attendues'), "the manager's page carries the amounts: the clerk's check above can fail")
    await manager.context().close()

    await page.getByLabel('Espèces comptées').fill('150,00')
    await page.getByLabel(/^Remarque/).fill('Tiroir compté à deux')
    await page.getByRole('button', { name: 'Fermer la caisse' }).click()
    await page.waitForURL(/\/sessions\/\d+$/)
    await expectText(page.locator('h1'), 'Rapport Z')
    await expectText(page.getByTestId('session-note'), 'Remarque : Tiroir compté à deux')
    await expectText(page.getByTestId('expected-cash'), money(expected))
    await expectText(page.getByTestId('counted-cash'), money(FLOAT))
    await expectText(page.getByTestId('variance'), money(FLOAT - expected))
    // The refunds by tender: the card got back what it was charged, the drawer gave back the rest.
    const { total } = sold(products)
    await expectText(page.getByTestId('refund-especes'), money(cashKept(total)))
    // The sale kept its cash to the nickel and gave all of it back: both roundings are the same, shown apart.
    const rounding = cashKept(total) - (total - CARD)
    for (const line of ['sales-cash-rounding', 'refunds-cash-rounding']) {
      await expectText(page.getByTestId(line), `${rounding > 0 ? '+' : ''}${money(rounding)}`)
    }
    await expectText(page.getByTestId('session-report'), 'dont espèces')
    await expectText(page.getByTestId('refund-carte'), money(CARD))
    const zReport = new URL(page.url()).pathname

    // The closed register leads to its sessions, and the Z report is found again there.
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    await page.getByRole('link', { name: 'Sessions et rapports' }).click()
    await page.waitForURL(`**/caisses/${registerId}/sessions`)
    await ready(page)
    const latest = page.getByTestId('register-sessions').locator('tbody tr').first()
    await expectText(latest, money(FLOAT))
    await expectText(latest, '(juste)')
    // Found by its day too: today's sessions hold it, a day without sessions says so.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date())
    await page.getByLabel('Du').fill(today)
    await page.getByLabel('Au').fill(today)
    await press(page, 'Filtrer', page.getByRole('search'))
    await page.waitForURL((url) => url.searchParams.get('du') === today)
    await ready(page)
    await expectText(page.getByTestId('register-sessions').locator('tbody tr').first(), money(FLOAT))
    await go(page, `/caisses/${registerId}/sessions?du=2020-01-01&au=2020-01-01`)
    await expectText(page.getByRole('main'), 'Aucune session de caisse ouverte ces jours-là.')
    await go(page, `/caisses/${registerId}/sessions?du=${today}&au=${today}`)
    await page.getByTestId('register-sessions').getByRole('link', { name: 'Rapport Z' }).first().click()
    await page.waitForURL((url) => url.pathname === zReport)
    await expectText(page.locator('h1'), 'Rapport Z')
  })
})
