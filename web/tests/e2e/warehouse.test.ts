// The central warehouse and the replenishment workflow end to end, in a real
// browser against the real web server, API and database, with JavaScript on
// and off (E2E_JS): goods in at the warehouse, a store's request approved
// (warehouse down), shipped and received (store up), a stale second approval
// refused with nothing moved, a refusal with its reason, an adjustment in the
// ledger, a request from a suggestion, a pending request's quantity changed
// (store page and requests list, and a stale form refused), an approval of a
// quantity changed since the list was drawn refused, and a clerk kept
// out. The product is created per run: both modes (and reruns) share one
// database.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { JS_ENABLED, RUN, Stage, describeFlows, expectForbidden, expectText, go, press, ready, textOf, until } from './support.ts'

const CODE = `E2E-WH-${RUN}`
const NAME = `Farine e2e ${RUN}`
const MANAGER_NAME = 'Gérant du siège'

interface Request {
  id: number
  statut: string
  magasin_id: number
}

interface Movement {
  type: string
  quantite: number
  motif: string | null
  reference: { type: string; id: number | null } | null
}

/** "1 234" as the pages write numbers (fr-CA, no-break spaces normalised by textOf). */
const n = (value: number) => new Intl.NumberFormat('fr-CA').format(value).replace(/[\u00a0\u202f]/g, ' ')

describeFlows('central warehouse and replenishment', () => {
  const stage = new Stage()
  const { api } = stage
  let manager: Page
  let clerk: Page
  let productId: number
  let requestId: number

  /** The ledger as the API writes it (the pages are checked against it). */
  async function ledger(where: string): Promise<Movement[]> {
    const page = await api<{ items: Movement[] }>('GET', `/stock/movements?${where}&produit_id=${productId}&size=100`)
    assert.equal(page.status, 200)
    return page.body.items
  }

  async function warehouseQuantityOnPage(): Promise<string> {
    await go(manager, `/entrepot?q=${CODE}`)
    return textOf(manager.getByTestId(`warehouse-row-${CODE}`).getByTestId('warehouse-quantity'))
  }

  before(async () => {
    await stage.open()
    const categories = await api<{ items: { id: number }[] }>('GET', '/categories?size=1')
    const created = await api<{ id: number }>('POST', '/products', {
      code: CODE,
      nom: NAME,
      prix: '3.25',
      categorie_id: categories.body.items[0]?.id,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    productId = created.body.id
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
    await expectText(manager.locator('#receipt-quantite-error'), 'Au moins 1.')
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
    await expectText(clerk.locator(`#request-${productId}-error`), 'Au moins 1.')
    assert.equal(await clerk.getByLabel(`Quantité de ${NAME} à demander`).inputValue(), '0')
    // The refusal takes the focus: autoFocus on a page rendered anew, the effect on a page already there (JavaScript).
    await until(async () => (await clerk.evaluate(() => document.activeElement?.id)) === `request-${productId}`, 'the focus on the refused quantity')
    const form = clerk.getByTestId('stock-table').locator('tr', { hasText: CODE }).locator('form')
    const fields = { csrf: await form.locator('input[name="csrf"]').inputValue(), cle: await form.locator('input[name="cle"]').inputValue() }
    await clerk.getByLabel(`Quantité de ${NAME} à demander`).fill('30')
    await press(clerk, 'Demander', clerk.getByTestId('stock-table'))
    await expectText(clerk.getByRole('status').first(), `30 × ${NAME}`)
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

  test('a request made meanwhile (another tab): the stale form is refused with a message naming the request, nothing written', async () => {
    await go(manager, `/magasins/4/stock?q=${CODE}`)
    const row = manager.getByTestId('stock-table').locator('tr', { hasText: CODE })
    const other = await api<Request>('POST', '/replenishments', { magasin_id: 4, produit_id: productId, quantite: 6 })
    assert.equal(other.status, 201, JSON.stringify(other.body))
    await manager.getByLabel(`Quantité de ${NAME} à demander`).fill('9')
    await press(manager, 'Demander', row)
    const cell = manager.getByTestId(`in-flight-${productId}`)
    await expectText(cell, `Une demande est déjà en cours pour ce produit : n° ${other.body.id}, 6 unités (En attente).`)
    await expectText(cell, `Demande n° ${other.body.id}`)
    assert.equal(await cell.locator(`a[href="/reapprovisionnements/${other.body.id}"]`).count(), 1)
    const requests = await api<{ items: Request[] }>('GET', `/replenishments?produit_id=${productId}&magasin_id=4`)
    assert.deepEqual(
      requests.body.items.map((r) => r.id),
      [other.body.id],
      'one request: the second was refused'
    )
    // Done with it, so that the later steps start from a store with nothing in flight.
    assert.equal((await api('POST', `/replenishments/${other.body.id}/cancel`, {})).status, 200)
  })

  test('a pending request’s quantity is changed: by the clerk on the store page, by a manager on the requests list; the history keeps both', async () => {
    // The clerk asked for 30 and needs 45: the product is in flight, so the request itself changes.
    await go(clerk, `/magasins/1/stock?q=${CODE}&dproduit=${productId}`)
    const requests = clerk.getByTestId('requests-table')
    const clerkField = clerk.getByLabel(`Quantité de la demande n° ${requestId}`)
    assert.equal(await clerkField.inputValue(), '30')
    await clerkField.fill('0')
    await press(clerk, 'Modifier', requests)
    await expectText(clerk.locator(`#quantite-demande-${requestId}-error`), 'Au moins 1.')
    assert.equal(await clerk.getByLabel(`Quantité de la demande n° ${requestId}`).inputValue(), '0', 'what was typed stays')
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 30)
    await clerk.getByLabel(`Quantité de la demande n° ${requestId}`).fill('45')
    await press(clerk, 'Modifier', requests)
    await expectText(clerk.getByRole('status').first(), `Demande n° ${requestId} : quantité changée à 45 × ${NAME}.`)
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 45)
    assert.equal(await clerk.getByLabel(`Quantité de la demande n° ${requestId}`).inputValue(), '45')

    // The manager brings it back to 30 from the list, before approving.
    await go(manager, '/reapprovisionnements?statut=en_attente&magasin=1')
    const row = manager.getByTestId(`request-${requestId}`)
    await row.getByLabel(`Quantité de la demande n° ${requestId}`).fill('30')
    await press(manager, 'Modifier', row)
    await expectText(manager.getByRole('status').first(), `Demande n° ${requestId} : quantité changée à 30 × ${NAME}.`)
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 30)

    // The request's own page has the same field: 31, then back to 30.
    await go(manager, `/reapprovisionnements/${requestId}`)
    for (const quantity of ['31', '30']) {
      const quantityCell = manager.getByTestId('request-quantity')
      await quantityCell.getByLabel(`Quantité de la demande n° ${requestId}`).fill(quantity)
      await press(manager, 'Modifier', quantityCell)
      await expectText(manager.getByRole('status').first(), `Demande n° ${requestId} : quantité changée à ${quantity} × ${NAME}.`)
      assert.equal(new URL(manager.url()).pathname, `/reapprovisionnements/${requestId}`, 'back on the request')
    }
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 30)
    const history = await textOf(manager.getByTestId('request-history'))
    for (const shown of ['Quantité modifiée', '30 → 45', '45 → 30', '30 → 31', '31 → 30', MANAGER_NAME, 'Caissier']) {
      assert.ok(history.includes(shown), `history shows ${shown}: ${history}`)
    }
  })

  test('a quantity form left open while the request was cancelled: the conflict is said, nothing changes, the row shows its state now', async () => {
    const created = await api<Request>('POST', '/replenishments', { magasin_id: 4, produit_id: productId, quantite: 8 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const id = created.body.id
    await go(manager, '/reapprovisionnements?statut=en_attente&magasin=4')
    const row = manager.getByTestId(`request-${id}`)
    await row.getByLabel(`Quantité de la demande n° ${id}`).fill('12')
    assert.equal((await api('POST', `/replenishments/${id}/cancel`, {})).status, 200)
    await press(manager, 'Modifier', row)
    await expectText(
      manager.getByTestId('transition-error'),
      `La demande n° ${id} n'est plus en attente (maintenant : Annulée) : sa quantité n'a pas été modifiée.`
    )
    await until(
      async () => (await manager.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'transition-error',
      'the focus on the conflict'
    )
    const stored = await api<{ quantite: number; statut: string }>('GET', `/replenishments/${id}`)
    assert.deepEqual([stored.body.statut, stored.body.quantite], ['annulee', 8])
    // Without a state filter the list shows it as it is now: cancelled, no form left.
    await go(manager, '/reapprovisionnements?magasin=4')
    await expectText(manager.getByTestId(`request-${id}`), 'Annulée')
    assert.equal(await manager.getByLabel(`Quantité de la demande n° ${id}`).count(), 0)
  })

  test('an approval from a list drawn before the store changed the quantity: nothing is approved, the message gives both quantities', async () => {
    const created = await api<Request>('POST', '/replenishments', { magasin_id: 5, produit_id: productId, quantite: 5 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const id = created.body.id
    await go(manager, '/reapprovisionnements?statut=en_attente&magasin=5')
    const row = manager.getByTestId(`request-${id}`)
    assert.equal(await row.getByLabel(`Quantité de la demande n° ${id}`).inputValue(), '5')
    if (JS_ENABLED) {
      // A new quantity typed but not saved: Valider says to save it first, and approves nothing.
      await row.getByLabel(`Quantité de la demande n° ${id}`).fill('9')
      await press(manager, `Valider la demande n° ${id}`, row)
      await expectText(manager.getByTestId(`unsaved-quantity-${id}`), 'Nouvelle quantité pas encore enregistrée : appuyez d’abord sur Modifier (ou remettez 5)')
      assert.equal((await api<{ statut: string }>('GET', `/replenishments/${id}`)).body.statut, 'en_attente')
      await row.getByLabel(`Quantité de la demande n° ${id}`).fill('5')
    }
    // The store asks for more while the manager reads the list.
    assert.equal((await api('PATCH', `/replenishments/${id}`, { quantite: 7 })).status, 200)
    await press(manager, `Valider la demande n° ${id}`, row)
    await expectText(
      manager.getByTestId('transition-error'),
      `Rien n'a été validé : la demande n° ${id} porte maintenant sur 7 unités, et non 5.`
    )
    // The list now shows what the store asks for; nothing left the warehouse.
    await until(async () => (await row.getByLabel(`Quantité de la demande n° ${id}`).inputValue()) === '7', 'the row shows 7')
    const stored = await api<{ quantite: number; statut: string }>('GET', `/replenishments/${id}`)
    assert.deepEqual([stored.body.statut, stored.body.quantite], ['en_attente', 7])
    assert.equal((await ledger('entrepot=true')).filter((m) => m.type === 'reappro_sortie').length, 0)
    assert.equal((await api('POST', `/replenishments/${id}/cancel`, {})).status, 200)
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
    await press(clerk, 'Réceptionner', clerk.getByTestId('requests-table'))
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
  })

  test('an adjustment with its reason appears in the store’s movement history', async () => {
    await go(manager, `/magasins/1/stock?q=${CODE}`)
    await manager.getByRole('link', { name: 'Mouvements du stock' }).click()
    await manager.waitForURL('**/magasins/1/stock/mouvements')
    await ready(manager)
    await manager.getByLabel('Code produit').first().fill(CODE)
    await manager.getByLabel('Quantité', { exact: true }).fill('-2')
    await press(manager, "Enregistrer l'ajustement")
    await expectText(manager.locator('#adjust-motif-error'), 'Ce champ est obligatoire.')
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
    const store = await ledger('magasin_id=1')
    assert.deepEqual(
      store.map((m) => [m.type, m.quantite]),
      [
        ['ajustement', -2],
        ['reappro_entree', 30],
      ]
    )
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

  test('a manager sets a store’s reorder point on its stock page; a clerk can only read it', async () => {
    const pointField = (page: Page) => page.getByLabel(`Seuil de réapprovisionnement de ${NAME}`)
    const row = () => manager.getByTestId('stock-table').locator('tr', { hasText: CODE })
    await go(manager, `/magasins/2/stock?q=${CODE}`)
    // Out of range: refused on its field, with what was typed; nothing changes.
    await pointField(manager).fill('-1')
    await press(manager, 'Enregistrer', row())
    await expectText(manager.locator(`#seuil-${productId}-error`), 'Au moins 0.')
    assert.equal(await pointField(manager).inputValue(), '-1')
    await pointField(manager).fill('15')
    await press(manager, 'Enregistrer', row())
    await expectText(manager.getByRole('status').first(), `Seuil de ${NAME} — `)
    await expectText(manager.getByRole('status').first(), ' : 15.')
    const level = await api<{ items: { produit_id: number; seuil_reappro: number; statut: string }[] }>('GET', `/stores/2/stock?search=${CODE}`)
    assert.deepEqual(
      level.body.items.map((item) => [item.produit_id, item.seuil_reappro, item.statut]),
      [[productId, 15, 'rupture']]
    )
    assert.equal(await pointField(manager).inputValue(), '15')

    // The clerk sees the figure, no field; a forged post is refused and changes nothing.
    await go(clerk, `/magasins/1/stock?q=${CODE}`)
    assert.equal(await pointField(clerk).count(), 0)
    const csrf = await clerk.locator('input[name="csrf"]').first().inputValue()
    const forged = await clerk.context().request.post(`/magasins/1/stock?q=${CODE}`, {
      form: { csrf, intent: 'reorder-point', produit_id: String(productId), seuil_reappro: '999' },
      maxRedirects: 0,
    })
    assert.equal(forged.status(), 403)
    const store1 = await api<{ items: { seuil_reappro: number }[] }>('GET', `/stores/1/stock?search=${CODE}`)
    assert.notEqual(store1.body.items[0]?.seuil_reappro, 999)
  })

  test('a suggestion becomes a request in one click, and a double submit creates one', async () => {
    const point = await api('PATCH', '/stock/levels', { magasin_id: 3, produit_id: productId, seuil_reappro: 12 })
    assert.equal(point.status, 200)
    await go(manager, '/reapprovisionnements/suggestions?magasin=3')
    const row = manager.getByTestId(`suggestion-3-${CODE}`)
    await expectText(row, NAME)
    const form = row.locator('form')
    const key = await form.locator('input[name="cle"]').inputValue()
    const csrf = await form.locator('input[name="csrf"]').inputValue()
    const quantity = await form.getByRole('spinbutton').inputValue()
    assert.equal(quantity, '24', 'twice the reorder point for an empty shelf with no sales')
    await press(manager, 'Créer la demande', row)
    await expectText(manager.getByRole('status').first(), `24 × ${NAME} pour Magasin Nord`)

    // The same form posted again (double click without JavaScript, a browser retry): no second request.
    const replay = await manager.context().request.post('/reapprovisionnements/suggestions?magasin=3', {
      form: { csrf, intent: 'create', magasin_id: '3', produit_id: String(productId), quantite: quantity, cle: key },
      maxRedirects: 0,
    })
    assert.equal(replay.status(), 302)
    const requests = await api<{ items: Request[] }>('GET', `/replenishments?produit_id=${productId}&magasin_id=3`)
    assert.equal(requests.body.items.length, 1)
    assert.equal(await manager.getByTestId(`suggestion-3-${CODE}`).count(), 0, 'covered by the request in flight')
  })

  test('a request cancelled in another tab: the stale button shows the conflict and the row its state now', async () => {
    // The clerk's own request (only its requester or a manager may cancel it), made and cancelled through the API: the other tab.
    const clerkApi = await stage.apiAs('caissier1')
    const created = await clerkApi<Request>('POST', '/replenishments', { magasin_id: 1, produit_id: productId, quantite: 7 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const id = created.body.id
    await go(clerk, `/magasins/1/stock?q=${CODE}`)
    const row = clerk.getByTestId('requests-table').locator('tr', { has: clerk.locator(`input[name="demande_id"][value="${id}"]`) })
    await expectText(row, 'En attente')
    assert.equal((await clerkApi('POST', `/replenishments/${id}/cancel`, {})).status, 200)
    // Found by its text: the button's accessible name may say which request it cancels.
    await row.locator('button[type="submit"]', { hasText: 'Annuler' }).click()
    await clerk.waitForLoadState('domcontentloaded')
    await ready(clerk)
    await expectText(clerk.locator('.alert-danger[role="alert"]'), "Cette action n'est plus possible")
    // With JavaScript the answer reaches the page as it is (useFocusOnRefusal); without, the page opens on it (autofocus).
    await until(async () => (await clerk.evaluate(() => document.activeElement?.getAttribute('role'))) === 'alert', 'the focus on the message')
    // With JavaScript too, the list is read again after the 409 (no stale "En attente" and button).
    const now = clerk.getByTestId('requests-table').locator('tr', { has: clerk.locator('td:first-child', { hasText: new RegExp(`^${id}$`) }) })
    await expectText(now, 'Annulée')
    assert.equal(await clerk.locator(`input[name="demande_id"][value="${id}"]`).count(), 0, 'no action left on the cancelled request')
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
