// The central warehouse and the replenishment workflow end to end, in a real
// browser against the real web server, API and database, with JavaScript on
// and off (E2E_JS): goods in at the warehouse, a store's request approved
// (warehouse down), shipped and received (store up), a stale second approval
// refused with nothing moved, a refusal with its reason, an adjustment in the
// ledger, and a clerk kept out. Pending requests changed or gone stale, reorder
// points and suggestions: warehouse-requests.test.ts.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { JS_ENABLED, RUN, Stage, describeFlows, expectForbidden, expectText, go, press, ready, textOf, until } from './support.ts'
import { MANAGER_NAME, ledgerOf, n, newStockProduct, type Request } from './warehouse-support.ts'

const CODE = `E2E-WH-${RUN}`
const NAME = `Farine e2e ${RUN}`

describeFlows('central warehouse and replenishment', () => {
  const stage = new Stage()
  const { api } = stage
  let manager: Page
  let clerk: Page
  let productId: number
  let requestId: number

  const ledger = (where: string) => ledgerOf(api, productId, where)

  async function warehouseQuantityOnPage(): Promise<string> {
    await go(manager, `/entrepot?q=${CODE}`)
    return textOf(manager.getByTestId(`warehouse-row-${CODE}`).getByTestId('warehouse-quantity'))
  }

  before(async () => {
    await stage.open()
    productId = await newStockProduct(api, CODE, NAME)
    manager = await stage.signedIn('gerant')
    clerk = await stage.signedIn('caissier1')
  })

  after(() => stage.close())

  test('the original URLs lead to the new pages', async () => {
    for (const [old, now] of [
      ['/stock-central/', '/entrepot'],
      ['/stock-central/demandes', '/reapprovisionnements'],
    ] as const) {
      await go(manager, old)
      assert.equal(new URL(manager.url()).pathname, now, old)
    }
    const nav = await textOf(manager.getByRole('navigation', { name: 'Navigation principale' }))
    assert.match(nav, /Entrepôt/)
    assert.match(nav, /Réapprovisionnement/)
  })

  test('a goods receipt raises the warehouse stock (page and ledger agree)', async () => {
    assert.equal(await warehouseQuantityOnPage(), '0')
    await expectText(manager.getByTestId(`warehouse-row-${CODE}`), 'Rupture')
    // The row's link puts the product in the receipt form.
    await manager.getByRole('link', { name: `Réceptionner ${NAME}` }).click()
    await manager.waitForURL(/reception=/)
    await ready(manager)
    assert.equal(await manager.getByLabel('Code produit').inputValue(), CODE)
    // A quantity of 0 is refused on its field, nothing recorded.
    await manager.getByLabel('Quantité reçue').fill('0')
    await press(manager, 'Enregistrer la réception')
    await expectText(manager.locator('#receipt-quantite-error'), 'Entrez au moins 1.')
    assert.equal((await ledger('entrepot=true')).length, 0)

    await manager.getByLabel('Quantité reçue').fill('100')
    await manager.getByLabel('Fournisseur (facultatif)').fill('Minoterie e2e')
    await press(manager, 'Enregistrer la réception')
    await expectText(manager.getByRole('status').first(), `Réception enregistrée : 100 × ${NAME}. Stock central : 100.`)
    await expectText(manager.getByTestId(`warehouse-row-${CODE}`).getByTestId('warehouse-quantity'), '100')
    const movements = await ledger('entrepot=true')
    assert.deepEqual(
      movements.map((m) => [m.type, m.quantite]),
      [['reception', 100]]
    )
    assert.match(movements[0]?.motif ?? '', /Minoterie e2e/)
  })

  test('a clerk requests a replenishment from the store’s stock page', async () => {
    await go(clerk, `/magasins/1/stock?q=${CODE}`)
    // A quantity of 0 is refused under the row: what was typed stays (not the suggestion) and takes the focus.
    await clerk.getByLabel(`Quantité de ${NAME} à demander`).fill('0')
    await press(clerk, 'Demander', clerk.getByTestId('stock-table'))
    await expectText(clerk.locator(`#request-${productId}-error`), 'Entrez au moins 1.')
    assert.equal(await clerk.getByLabel(`Quantité de ${NAME} à demander`).inputValue(), '0')
    // The refusal takes the focus: autoFocus on a page rendered anew, the effect on a page already there (JavaScript).
    await until(async () => (await clerk.evaluate(() => document.activeElement?.id)) === `request-${productId}`, 'the focus on the refused quantity')
    const form = clerk.getByTestId('stock-table').locator('tr', { hasText: CODE }).locator('form')
    const fields = { csrf: await form.locator('input[name="csrf"]').inputValue(), cle: await form.locator('input[name="cle"]').inputValue() }
    // Sent with Enter from the field, as a keyboard user does.
    await clerk.getByLabel(`Quantité de ${NAME} à demander`).fill('30')
    await clerk.getByLabel(`Quantité de ${NAME} à demander`).press('Enter')
    await expectText(clerk.getByRole('status').first(), `30 × ${NAME}`)
    if (JS_ENABLED) {
      // The field's row now shows the request in flight: its link takes the focus, not the top of the page.
      const link = clerk.getByTestId(`in-flight-${productId}`).getByRole('link')
      await until(async () => (await link.evaluate((element) => element === document.activeElement)), 'the focus on the request made')
    }
    // The same form sent again (a double click without JavaScript): the API replays the first request.
    const again = await clerk.context().request.post(`/magasins/1/stock?q=${CODE}`, {
      form: { ...fields, intent: 'request', produit_id: String(productId), quantite: '30' },
      maxRedirects: 0,
    })
    assert.equal(again.status(), 302)
    const requests = await api<{ items: Request[] }>('GET', `/replenishments?produit_id=${productId}&magasin_id=1`)
    assert.equal(requests.body.items.length, 1, 'one request: the form is double-submit safe')
    requestId = requests.body.items[0]!.id
    assert.equal(requests.body.items[0]!.statut, 'en_attente')
  })

  test('the stock line shows the request in flight instead of a second form; the clerk’s link opens it on the page', async () => {
    await go(clerk, `/magasins/1/stock?q=${CODE}`)
    const cell = clerk.getByTestId(`in-flight-${productId}`)
    await expectText(cell, `Demande n° ${requestId}`)
    await expectText(cell, `${n(30)} demandés`)
    await expectText(cell, 'En attente')
    // No form to ask again: the API would refuse a second request while this one is in flight.
    assert.equal(await clerk.getByLabel(`Quantité de ${NAME} à demander`).count(), 0)
    // The request's page is for managers (a clerk gets 403): the clerk's link stays on the store page, narrowed to the product.
    await cell.getByRole('link', { name: `Demande n° ${requestId}` }).click()
    await clerk.waitForURL(new RegExp(`dproduit=${productId}`))
    await ready(clerk)
    assert.equal(new URL(clerk.url()).hash, `#demande-${requestId}`)
    await expectText(clerk.getByTestId('requests-product-filter'), NAME)
    const rows = clerk.getByTestId('requests-table').locator('tbody tr')
    assert.equal(await rows.count(), 1)
    assert.equal(await clerk.locator(`#demande-${requestId}`).count(), 1)
    await clerk.getByRole('link', { name: 'Toutes les demandes' }).click()
    await until(async () => !clerk.url().includes('dproduit'), 'the whole list again')
    // The manager's link opens the request's own page.
    await go(manager, `/magasins/1/stock?q=${CODE}`)
    assert.equal(
      await manager.getByTestId(`in-flight-${productId}`).locator(`a[href="/reapprovisionnements/${requestId}"]`).count(),
      1,
      'the manager’s link'
    )
  })

  test('a manager approves (warehouse down); a stale second approval shows the 409 and moves nothing', async () => {
    await go(manager, '/reapprovisionnements?statut=en_attente')
    await expectText(manager.getByTestId(`request-${requestId}`), NAME)
    await manager.getByRole('link', { name: `Ouvrir la demande n° ${requestId}` }).click()
    await manager.waitForURL(`**/reapprovisionnements/${requestId}`)
    await ready(manager)
    await expectText(manager.getByTestId('warehouse-stock'), '100')
    await expectText(manager.getByTestId('store-stock'), '0')

    // A second tab opened on the same request: its Approve button will be stale.
    const stale = await manager.context().newPage()
    await go(stale, `/reapprovisionnements/${requestId}`)

    await manager.bringToFront()
    await press(manager, `Valider la demande n° ${requestId}`)
    await expectText(manager.getByRole('status').first(), `Demande n° ${requestId} validée : 30 × ${NAME}`)
    await expectText(manager.getByTestId('request-status'), 'Validée')
    await expectText(manager.getByTestId('warehouse-stock'), '70')
    assert.equal(await warehouseQuantityOnPage(), '70')

    await stale.bringToFront()
    await press(stale, `Valider la demande n° ${requestId}`)
    await expectText(
      stale.getByTestId('transition-error'),
      `La demande n° ${requestId} a déjà changé d'état (maintenant : Validée) : rien n'a été déplacé.`
    )
    // Its button is gone with the reload: the message has the focus.
    await until(
      async () => (await stale.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'transition-error',
      'the focus on the conflict'
    )
    // The page now shows the request as it is, and the stock did not move twice.
    await expectText(stale.getByTestId('request-status'), 'Validée')
    await expectText(stale.getByTestId('warehouse-stock'), '70')
    assert.equal(await stale.getByRole('button', { name: `Valider la demande n° ${requestId}` }).count(), 0)
    await stale.close()
    const out = (await ledger('entrepot=true')).filter((m) => m.type === 'reappro_sortie')
    assert.deepEqual(
      out.map((m) => [m.quantite, m.reference?.id]),
      [[-30, requestId]]
    )
  })

  test('the manager ships, the clerk receives: the store stock goes up', async () => {
    await go(manager, `/reapprovisionnements/${requestId}`)
    await press(manager, `Expédier la demande n° ${requestId}`)
    await expectText(manager.getByTestId('request-status'), 'Expédiée')

    await go(clerk, `/magasins/1/stock?q=${CODE}`)
    await press(clerk, `Réceptionner la demande n° ${requestId}`, clerk.getByTestId('requests-table'))
    await expectText(clerk.getByRole('status').first(), `Demande n° ${requestId} réceptionnée`)
    // Columns: code, product, price, quantity.
    await expectText(clerk.getByTestId('stock-table').locator('tr', { hasText: CODE }).locator('td').nth(3), n(30))

    await go(manager, `/reapprovisionnements/${requestId}`)
    await expectText(manager.getByTestId('request-status'), 'Livrée')
    await expectText(manager.getByTestId('store-stock'), '30')
    await expectText(manager.getByTestId('warehouse-stock'), '70')
    const history = await textOf(manager.getByTestId('request-history'))
    for (const step of ['Demandée', 'Validée', 'Expédiée', 'Livrée', MANAGER_NAME, 'Caissier']) {
      assert.ok(history.includes(step), `history shows ${step}: ${history}`)
    }
    assert.equal(await manager.getByRole('button', { name: /la demande n°/ }).count(), 0, 'no action left on a delivered request')
  })

  test('a manager refuses a request with a reason (required); nothing moves', async () => {
    const created = await api<Request>('POST', '/replenishments', { magasin_id: 2, produit_id: productId, quantite: 15 })
    assert.equal(created.status, 201)
    const id = created.body.id
    await go(manager, `/reapprovisionnements/${id}`)
    await press(manager, 'Refuser')
    await expectText(manager.locator('#refus-motif-error'), 'Ce champ est obligatoire.')
    assert.equal((await api<Request>('GET', `/replenishments/${id}`)).body.statut, 'en_attente')
    await manager.getByLabel('Motif du refus').fill('Stock réservé aux magasins prioritaires')
    await press(manager, 'Refuser')
    await expectText(manager.getByRole('status').first(), `Demande n° ${id} refusée.`)
    await expectText(manager.getByTestId('request-status'), 'Refusée')
    await expectText(manager.getByTestId('rejection-reason'), 'Stock réservé aux magasins prioritaires')
    await expectText(manager.getByTestId('request-history'), 'Stock réservé aux magasins prioritaires')
    await expectText(manager.getByTestId('warehouse-stock'), '70')
    // The store sees why, beside the state, on its stock page (the clerk's view of its requests).
    await go(manager, `/magasins/2/stock?dproduit=${productId}`)
    await expectText(manager.getByTestId(`rejection-${id}`), 'Motif : Stock réservé aux magasins prioritaires')
  })

  test('an adjustment with its reason appears in the store’s movement history', async () => {
    // The quantity on the stock page leads to the product's ledger, the adjustment form naming it.
    await go(manager, `/magasins/1/stock?q=${CODE}`)
    await manager.getByRole('link', { name: `mouvements et ajustement de ${NAME}` }).click()
    await manager.waitForURL((url) => url.pathname === '/magasins/1/stock/mouvements' && url.searchParams.get('produit') === CODE)
    await ready(manager)
    assert.equal(await manager.locator('#adjustment').getByLabel('Code produit').inputValue(), CODE)
    // More taken out than the shelf holds: the API refuses the whole form.
    await manager.getByLabel('Quantité', { exact: true }).fill('-50')
    await manager.getByLabel('Motif', { exact: true }).fill('Trop')
    await press(manager, "Enregistrer l'ajustement")
    const formAlert = manager.locator('#adjustment [role="alert"]')
    await until(async () => (await formAlert.count()) > 0, 'the refusal of the adjustment')
    // In an adjustment's words: « Stock insuffisant… 50 demandés » was the wording of a request.
    await expectText(formAlert.first(), `Ajustement impossible : ${NAME} n'a que 30 en stock (variation \u221250).`)
    await manager.getByLabel('Motif', { exact: true }).fill('')
    await manager.getByLabel('Quantité', { exact: true }).fill('-2')
    await press(manager, "Enregistrer l'ajustement")
    await expectText(manager.locator('#adjust-motif-error'), 'Ce champ est obligatoire.')
    // With JavaScript the browser found this one: the earlier refusal, about another submission, is gone.
    if (JS_ENABLED) assert.equal(await formAlert.count(), 0, 'the stale refusal went')
    await manager.getByLabel('Motif', { exact: true }).fill(`Casse à la livraison ${RUN}`)
    await press(manager, "Enregistrer l'ajustement")
    await expectText(manager.getByRole('status').first(), `Ajustement enregistré pour ${NAME}. Nouveau solde : 28.`)

    await go(manager, `/magasins/1/stock/mouvements?produit=${CODE}&type=ajustement`)
    const table = await textOf(manager.getByTestId('movements-table'))
    assert.ok(table.includes(`Casse à la livraison ${RUN}`), table)
    assert.ok(table.includes('−2') && table.includes(MANAGER_NAME), table)
    await go(manager, `/magasins/1/stock/mouvements?produit=${CODE}`)
    const all = await textOf(manager.getByTestId('movements-table'))
    assert.ok(all.includes(`demande n° ${requestId}`), 'the replenishment in links to its request')
    // Its name finds it too (one product has it); a word many products share asks for the code.
    await go(manager, `/magasins/1/stock/mouvements?produit=${encodeURIComponent(NAME.toLowerCase())}`)
    assert.equal(await textOf(manager.getByTestId('movements-table')), all)
    await go(manager, '/magasins/1/stock/mouvements?produit=a')
    await expectText(manager.getByRole('main'), '« a » ne désigne aucun produit, ou en désigne plusieurs')
    const store = await ledger('magasin_id=1')
    assert.deepEqual(
      store.map((m) => [m.type, m.quantite]),
      [
        ['ajustement', -2],
        ['reappro_entree', 30],
      ]
    )
    // Each ledger offers the kinds of movement its location has: a store sells, the warehouse receives.
    const types = async () => (await manager.locator('#mvt-type option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean)
    assert.deepEqual(await types(), ['vente', 'retour', 'reappro_entree', 'ajustement'])
    await go(manager, '/entrepot/mouvements')
    assert.deepEqual(await types(), ['reception', 'reappro_sortie', 'reappro_entree', 'ajustement'])
  })

  test('the clerk reads the store’s ledger: the request is named, not linked (its page is for managers)', async () => {
    await go(clerk, `/magasins/1/stock/mouvements?produit=${CODE}&type=reappro_entree`)
    const table = clerk.getByTestId('movements-table')
    await expectText(table, `demande n° ${requestId}`)
    // The link led the clerk to a 403.
    assert.equal(await table.locator(`a[href="/reapprovisionnements/${requestId}"]`).count(), 0, 'no link to the request page')
    await go(manager, `/magasins/1/stock/mouvements?produit=${CODE}&type=reappro_entree`)
    assert.equal(await manager.getByTestId('movements-table').locator(`a[href="/reapprovisionnements/${requestId}"]`).count(), 1, 'the manager’s link')
  })

  test('a clerk gets 403 on the warehouse, the requests and their actions', async () => {
    for (const path of ['/entrepot', '/entrepot/mouvements', '/reapprovisionnements', `/reapprovisionnements/${requestId}`]) {
      await expectForbidden(clerk, path)
    }
    const created = await api<Request>('POST', '/replenishments', { magasin_id: 1, produit_id: productId, quantite: 5 })
    await go(clerk, `/magasins/1/stock?q=${CODE}`)
    // Not theirs (an integration asked): the clerk sees it, and may change its quantity, but not cancel it.
    const row = clerk.getByTestId('requests-table').locator('tr', { has: clerk.locator(`input[name="demande_id"][value="${created.body.id}"]`) })
    await expectText(row, 'En attente')
    assert.equal(await row.locator('button[type="submit"]', { hasText: 'Annuler' }).count(), 0)
    const csrf = await clerk.locator('input[name="csrf"]').first().inputValue()
    for (const path of [`/reapprovisionnements/${created.body.id}`, '/reapprovisionnements']) {
      const response = await clerk.context().request.post(path, {
        form: { csrf, intent: 'approve', demande_id: String(created.body.id) },
        maxRedirects: 0,
      })
      assert.equal(response.status(), 403, path)
    }
    const adjust = await clerk.context().request.post('/magasins/1/stock/mouvements', {
      form: { csrf, intent: 'adjust', code: CODE, mode: 'variation', quantite: '5', motif: 'Pas permis' },
      maxRedirects: 0,
    })
    assert.equal(adjust.status(), 403)
    assert.equal((await api<Request>('GET', `/replenishments/${created.body.id}`)).body.statut, 'en_attente')
    assert.equal((await ledger('magasin_id=1')).length, 2, 'the store ledger did not move')
    assert.deepEqual(stage.dialogs, [])
  })
})
