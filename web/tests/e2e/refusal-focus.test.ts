// Where a refused form leaves the clerk: on the field to correct, with only
// that form's messages on the page. With JavaScript the forms are checked in
// the browser first; those errors are drawn after the submit handler returns,
// and the focus used to stay on the button (sign-in, register closing), or on
// the other form's stale error (returns: refuse the return, then the
// cancellation). Store 2, so the POS flows of store 1 are not disturbed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import {
  JS_ENABLED,
  Stage,
  closeOpenSession,
  describeFlows,
  expectText,
  openDrawer,
  press,
  ready,
  registerOfThisMode,
  stockUp,
  until,
  type ApiCall,
} from './support.ts'

const STORE = 2

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

async function expectFocusOn(page: Page, id: string): Promise<void> {
  await until(async () => (await focusedId(page)) === id, `the focus on #${id}`)
}

describeFlows('a refused form takes the focus to what to correct', () => {
  const stage = new Stage()
  const { api } = stage
  let clerkApi: ApiCall
  let registerId: number
  let saleId: number
  let painId: number
  let page: Page

  before(async () => {
    await stage.open()
    clerkApi = await stage.apiAs(`caissier${STORE}`)
    registerId = await registerOfThisMode(api, STORE)
    await openDrawer(clerkApi, registerId)
    const pain = await api<{ id: number }>('GET', '/products/by-code/ALI001')
    painId = pain.body.id
    await stockUp(api, STORE, painId, 'Préparation des tests du focus des formulaires')
    const sale = await clerkApi<{ id: number }>('POST', '/sales', {
      caisse_id: registerId,
      lignes: [{ code: 'ALI001', quantite: 2 }],
      paiements: [{ mode: 'especes', montant: '20.00' }],
    })
    assert.equal(sale.status, 201, JSON.stringify(sale.body))
    saleId = sale.body.id
    page = await stage.signedIn(`caissier${STORE}`)
  })

  after(async () => {
    if (clerkApi) await closeOpenSession(clerkApi, registerId)
    await stage.close()
  })

  test('sign-in without a password: the password field has the focus, under its message', async () => {
    const login = await stage.newPage()
    await login.goto('/connexion')
    await ready(login)
    await login.getByLabel('Identifiant ou courriel').fill(`caissier${STORE}`)
    await login.getByRole('button', { name: 'Se connecter' }).click()
    await expectText(login.locator('#login-mot_de_passe-error'), 'Ce champ est obligatoire.')
    await expectFocusOn(login, 'login-mot_de_passe')
  })

  test('returns: a refused return, then a cancellation not confirmed — only the cancellation speaks, on its box', async () => {
    await page.goto(`/caisses/${registerId}/retours?vente=${saleId}`)
    await ready(page)
    const quantity = page.getByLabel(/^Quantité de .* à retourner \(au plus 2\)/)
    await quantity.fill('3')
    await page.getByLabel('Motif du retour').fill('X')
    await press(page, 'Enregistrer le retour')
    await expectText(page.locator('#return-motif-error'), 'Au moins 2 caractères.')
    assert.equal(await quantity.getAttribute('aria-invalid'), 'true', 'the quantity over what was sold is marked')

    await press(page, 'Annuler la vente')
    await expectText(page.locator('#cancel-confirmer-error'), 'Cochez la confirmation pour annuler toute la vente.')
    await expectFocusOn(page, 'cancel-confirmer')
    assert.equal(await page.locator('#return-motif-error').count(), 0, 'the return’s refusal is gone')
    assert.equal(await quantity.getAttribute('aria-invalid'), null, 'the quantity is no longer marked')

    // And the other way round: the return refused again, the cancellation's message goes.
    await quantity.fill('3')
    await page.getByLabel('Motif du retour').fill('X')
    await press(page, 'Enregistrer le retour')
    await expectText(page.locator('#return-motif-error'), 'Au moins 2 caractères.')
    assert.equal(await page.locator('#cancel-confirmer-error').count(), 0, 'the cancellation’s refusal is gone')
    assert.equal((await api<{ statut: string }>('GET', `/sales/${saleId}`)).body.statut, 'terminee', 'nothing was returned')
  })

  test('a replenishment requested from the stock page: the focus goes to the row’s request now in flight (its button, disabled while sending, is gone)', async () => {
    const inFlight = () => clerkApi<{ items: { id: number }[] }>('GET', `/replenishments?magasin_id=${STORE}&produit_id=${painId}&statut=en_attente&size=100`)
    // One request in flight per product: one left by an earlier, interrupted run would leave no form to send.
    for (const request of (await inFlight()).body.items) await clerkApi('POST', `/replenishments/${request.id}/cancel`)
    await page.goto(`/magasins/${STORE}/stock?q=ALI001`)
    await ready(page)
    const row = page.getByTestId('stock-table').locator('tr').filter({ has: page.getByText('ALI001', { exact: true }) })
    await page.getByLabel('Quantité de Pain à demander').fill('1')
    await press(page, 'Demander', row)
    await expectText(page.getByRole('status').first(), '1 × Pain')
    // The row now shows the request instead of its form.
    const link = row.getByTestId(`in-flight-${painId}`).getByRole('link')
    await expectText(link, 'Demande n° ')
    // Without JavaScript the answer is a new page, which starts at its top.
    if (JS_ENABLED) {
      await until(() => link.evaluate((element) => element === document.activeElement), 'the focus on the row’s request')
    }
    // Nothing left pending for the other flows.
    for (const request of (await inFlight()).body.items) await clerkApi('POST', `/replenishments/${request.id}/cancel`)
  })

  test('register closing without a count: the count field has the focus, under its message', async () => {
    await page.goto(`/caisses/${registerId}/fermeture`)
    await ready(page)
    // Away from the field (it has the focus when the page opens): the refusal brings it back.
    await page.getByLabel('Remarque (facultatif)').focus()
    await press(page, 'Fermer la caisse')
    await expectText(page.locator('#close-especes_comptees-error'), 'Ce champ est obligatoire.')
    await expectFocusOn(page, 'close-especes_comptees')
    const current = await clerkApi('GET', `/registers/${registerId}/sessions/current`)
    assert.equal(current.status, 200, 'the session is still open')
  })
})
