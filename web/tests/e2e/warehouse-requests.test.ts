// Replenishment requests off the main path, in a real browser against the
// real web server, API and database, with JavaScript on and off (E2E_JS): a
// pending request's quantity changed (store page, requests list, its own
// page), forms gone stale (a request made, cancelled or changed meanwhile)
// refused with nothing written, a store's reorder point and a request made
// from a suggestion. The main flow, from goods in to goods received, is
// warehouse.test.ts.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { RUN, Stage, confirm, describeFlows, expectText, go, press, textOf, until } from './support.ts'
import { MANAGER_NAME, ledgerOf, newStockProduct, type Request } from './warehouse-support.ts'

const CODE = `E2E-WHR-${RUN}`
const NAME = `Sucre e2e ${RUN}`

describeFlows('replenishment requests changed, stale or suggested', () => {
  const stage = new Stage()
  const { api } = stage
  let manager: Page
  let clerk: Page
  let productId: number
  let requestId: number

  const ledger = (where: string) => ledgerOf(api, productId, where)

  before(async () => {
    await stage.open()
    productId = await newStockProduct(api, CODE, NAME)
    manager = await stage.signedIn('gerant')
    clerk = await stage.signedIn('caissier1')
    // The clerk's pending request whose quantity the flows change (warehouse.test.ts asks for one on the page).
    const clerkApi = await stage.apiAs('caissier1')
    const created = await clerkApi<Request>('POST', '/replenishments', { magasin_id: 1, produit_id: productId, quantite: 30 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    requestId = created.body.id
  })

  after(() => stage.close())

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
    await press(clerk, `Modifier la demande n° ${requestId}`, requests)
    await expectText(clerk.locator(`#quantite-demande-${requestId}-error`), 'Entrez au moins 1.')
    assert.equal(await clerk.getByLabel(`Quantité de la demande n° ${requestId}`).inputValue(), '0', 'what was typed stays')
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 30)
    await clerk.getByLabel(`Quantité de la demande n° ${requestId}`).fill('45')
    await press(clerk, `Modifier la demande n° ${requestId}`, requests)
    await expectText(clerk.getByRole('status').first(), `Demande n° ${requestId} : quantité changée à 45 × ${NAME}.`)
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 45)
    assert.equal(await clerk.getByLabel(`Quantité de la demande n° ${requestId}`).inputValue(), '45')

    // The manager brings it back to 30 from the list, before approving.
    await go(manager, '/reapprovisionnements?statut=en_attente&magasin=1')
    const row = manager.getByTestId(`request-${requestId}`)
    await row.getByLabel(`Quantité de la demande n° ${requestId}`).fill('30')
    await press(manager, `Modifier la demande n° ${requestId}`, row)
    await expectText(manager.getByRole('status').first(), `Demande n° ${requestId} : quantité changée à 30 × ${NAME}.`)
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 30)

    // The request's own page has the same field: 31, then back to 30.
    await go(manager, `/reapprovisionnements/${requestId}`)
    for (const quantity of ['31', '30']) {
      const quantityCell = manager.getByTestId('request-quantity')
      await quantityCell.getByLabel(`Quantité de la demande n° ${requestId}`).fill(quantity)
      await press(manager, `Modifier la demande n° ${requestId}`, quantityCell)
      await expectText(manager.getByRole('status').first(), `Demande n° ${requestId} : quantité changée à ${quantity} × ${NAME}.`)
      assert.equal(new URL(manager.url()).pathname, `/reapprovisionnements/${requestId}`, 'back on the request')
    }
    assert.equal((await api<{ quantite: number }>('GET', `/replenishments/${requestId}`)).body.quantite, 30)
    const history = await textOf(manager.getByTestId('request-history'))
    for (const shown of ['Quantité modifiée', '30 → 45', '45 → 30', '30 → 31', '31 → 30', MANAGER_NAME, 'Caissier']) {
      assert.ok(history.includes(shown), `history shows ${shown}: ${history}`)
    }
    // Done with it: the store asks again further on, which a request in flight would refuse.
    assert.equal((await api('POST', `/replenishments/${requestId}/cancel`, {})).status, 200)
  })

  test('a quantity form left open while the request was cancelled: the conflict is said, nothing changes, the row shows its state now', async () => {
    const created = await api<Request>('POST', '/replenishments', { magasin_id: 4, produit_id: productId, quantite: 8 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const id = created.body.id
    await go(manager, '/reapprovisionnements?statut=en_attente&magasin=4')
    const row = manager.getByTestId(`request-${id}`)
    await row.getByLabel(`Quantité de la demande n° ${id}`).fill('12')
    assert.equal((await api('POST', `/replenishments/${id}/cancel`, {})).status, 200)
    await press(manager, `Modifier la demande n° ${id}`, row)
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
    // A new quantity typed but not saved: Valider says, under the field, to save it first, and approves nothing
    // (Valider posts the quantity's form, so this holds without JavaScript too).
    await row.getByLabel(`Quantité de la demande n° ${id}`).fill('9')
    await press(manager, `Valider la demande n° ${id}`, row)
    await expectText(manager.locator(`#quantite-demande-${id}-error`), 'Nouvelle quantité pas encore enregistrée : appuyez d’abord sur Modifier (ou remettez 5)')
    assert.equal(await row.getByLabel(`Quantité de la demande n° ${id}`).inputValue(), '9', 'what was typed is kept')
    assert.equal((await api<{ statut: string }>('GET', `/replenishments/${id}`)).body.statut, 'en_attente')
    // Enter in the field still saves the quantity (its own button comes first in the form).
    await row.getByLabel(`Quantité de la demande n° ${id}`).fill('6')
    await row.getByLabel(`Quantité de la demande n° ${id}`).press('Enter')
    await until(async () => (await api<{ quantite: number }>('GET', `/replenishments/${id}`)).body.quantite === 6, 'Enter saved 6')
    assert.equal((await api<{ statut: string }>('GET', `/replenishments/${id}`)).body.statut, 'en_attente')
    assert.equal((await api('PATCH', `/replenishments/${id}`, { quantite: 5 })).status, 200)
    await go(manager, '/reapprovisionnements?statut=en_attente&magasin=5')
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

  test('a manager sets a store’s reorder point on its stock page; a clerk can only read it', async () => {
    const pointField = (page: Page) => page.getByLabel(`Seuil de réapprovisionnement de ${NAME}`)
    const row = () => manager.getByTestId('stock-table').locator('tr', { hasText: CODE })
    await go(manager, `/magasins/2/stock?q=${CODE}`)
    // Out of range: refused on its field, with what was typed; nothing changes.
    await pointField(manager).fill('-1')
    await press(manager, 'Enregistrer', row())
    await expectText(manager.locator(`#seuil-${productId}-error`), 'Entrez au moins 0.')
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
    // Nothing in the warehouse yet: the need is asked for, and the row says the warehouse lacks it.
    await expectText(row, 'Besoin : 24')
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
    // Cancelling asks first (a <details> box): the stale confirmation is what meets the conflict.
    await confirm(clerk, row, 'Annuler la demande…', 'Oui, annuler la demande')
    await expectText(clerk.locator('.alert-danger[role="alert"]'), "Cette action n'est plus possible")
    // With JavaScript the answer reaches the page as it is (useFocusOnRefusal); without, the page opens on it (autofocus).
    await until(async () => (await clerk.evaluate(() => document.activeElement?.getAttribute('role'))) === 'alert', 'the focus on the message')
    // With JavaScript too, the list is read again after the 409 (no stale "En attente" and button).
    const now = clerk.getByTestId('requests-table').locator('tr', { has: clerk.locator('td:first-child', { hasText: new RegExp(`^${id}$`) }) })
    await expectText(now, 'Annulée')
    assert.equal(await clerk.locator(`input[name="demande_id"][value="${id}"]`).count(), 0, 'no action left on the cancelled request')
    // The flows expect no dialog (alert, confirm) from any page of the suite.
    assert.deepEqual(stage.dialogs, [])
  })

  test('approved from the list, the request leaves the pending list: the notice links it for the next step', async () => {
    const received = await api('POST', '/warehouse/receipts', { lignes: [{ produit_id: productId, quantite: 4 }] })
    assert.equal(received.status, 201, JSON.stringify(received.body))
    const created = await api<Request>('POST', '/replenishments', { magasin_id: 5, produit_id: productId, quantite: 4 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const id = created.body.id
    await go(manager, '/reapprovisionnements?statut=en_attente&magasin=5')
    await press(manager, `Valider la demande n° ${id}`, manager.getByTestId(`request-${id}`))
    const notice = manager.getByRole('status').first()
    await expectText(notice, `Demande n° ${id} validée`)
    assert.equal(await manager.getByTestId(`request-${id}`).count(), 0, 'no longer pending')
    await notice.getByRole('link', { name: `Voir la demande n° ${id}` }).click()
    await until(async () => new URL(manager.url()).pathname === `/reapprovisionnements/${id}`, 'the request’s page')
    await expectText(manager.getByTestId('request-status'), 'Validée')
    assert.equal((await api('POST', `/replenishments/${id}/cancel`, {})).status, 200)
  })
})
