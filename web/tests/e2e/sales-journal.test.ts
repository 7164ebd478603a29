// The sales journal (/ventes): a clerk finds a sale of their store again
// (and only of their store), a manager narrows the network's sales to one
// store and one receipt, and the dashboard's transaction count leads to the
// sales it counts. Store 5, which no other flow sells in.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { Stage, closeOpenSession, describeFlows, expectText, go, ready, registerOfThisMode, stockUp, until, type ApiCall } from './support.ts'

const STORE = 5
const STORE_NAME = 'Magasin Express'

interface Sold {
  id: number
  numero_recu: string
  lignes: { id: number }[]
}

const receiptsShown = (page: Page) => page.getByTestId('sales-journal').locator('tbody code').allTextContents()

describeFlows('the sales journal', () => {
  const stage = new Stage()
  const { api } = stage
  let clerkApi: ApiCall
  let registerId: number
  let kept: Sold
  let returned: Sold

  before(async () => {
    await stage.open()
    clerkApi = await stage.apiAs(`caissier${STORE}`)
    registerId = await registerOfThisMode(api, STORE)
    await closeOpenSession(clerkApi, registerId)
    const opened = await clerkApi('POST', `/registers/${registerId}/sessions`, { fond_de_caisse: '100.00' })
    assert.equal(opened.status, 201, JSON.stringify(opened.body))
    const pain = await api<{ id: number }>('GET', '/products/by-code/ALI001')
    await stockUp(api, STORE, pain.body.id, 'Préparation des tests du journal des ventes')
    const sell = async (quantity: number) => {
      const sale = await clerkApi<Sold>('POST', '/sales', {
        caisse_id: registerId,
        lignes: [{ code: 'ALI001', quantite: quantity }],
        paiements: [{ mode: 'especes', montant: '20.00' }],
      })
      assert.equal(sale.status, 201, JSON.stringify(sale.body))
      return sale.body
    }
    kept = await sell(1)
    returned = await sell(3)
    const refund = await clerkApi('POST', `/sales/${returned.id}/returns`, {
      lignes: [{ ligne_id: returned.lignes[0]!.id, quantite: 1 }],
      motif: 'Pain rassis',
    })
    assert.equal(refund.status, 201, JSON.stringify(refund.body))
  })

  after(async () => {
    if (clerkApi) await closeOpenSession(clerkApi, registerId)
    await stage.close()
  })

  test('a clerk opens the journal from the menu: their store’s sales, newest first, the part-returned one marked', async () => {
    const page = await stage.signedIn(`caissier${STORE}`)
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Ventes' }).click()
    await page.waitForURL((url) => url.pathname === '/ventes')
    await ready(page)
    await expectText(page.locator('h1'), `Ventes — ${STORE_NAME}`)
    const receipts = await receiptsShown(page)
    assert.deepEqual(receipts.slice(0, 2), [returned.numero_recu, kept.numero_recu], 'newest first')
    assert.ok(receipts.every((receipt) => receipt.startsWith(`S${STORE}-`)), receipts.join(' '))
    assert.equal(await page.getByLabel('Magasin').count(), 0, 'no store to choose: a clerk sees their own')
    const row = page.getByTestId('sales-journal').locator('tr', { hasText: returned.numero_recu })
    await expectText(row, 'Retour partiel')

    await page.getByLabel('État').selectOption('partiellement_retournee')
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await until(async () => new URL(page.url()).searchParams.get('statut') === 'partiellement_retournee', 'the filtered URL')
    await ready(page)
    const partly = await receiptsShown(page)
    assert.ok(partly.includes(returned.numero_recu) && !partly.includes(kept.numero_recu), partly.join(' '))

    await page.getByRole('link', { name: `Ouvrir le reçu ${returned.numero_recu}` }).click()
    await page.waitForURL((url) => url.pathname === `/ventes/${returned.id}/recu`)
  })

  test('a clerk asking for another store’s journal still gets their own', async () => {
    const page = await stage.signedIn(`caissier${STORE}`)
    await go(page, '/ventes?magasin=1')
    await expectText(page.locator('h1'), `Ventes — ${STORE_NAME}`)
    const receipts = await receiptsShown(page)
    assert.ok(receipts.length > 0 && receipts.every((receipt) => receipt.startsWith(`S${STORE}-`)), receipts.join(' '))
  })

  test('a manager narrows the network’s sales to a store and part of a receipt number', async () => {
    const page = await stage.signedIn('gerant')
    await go(page, '/ventes')
    await expectText(page.locator('h1'), 'Journal des ventes')
    await page.getByLabel('Magasin').selectOption({ label: STORE_NAME })
    // What a clerk reads off a crumpled receipt: its end, in lower case.
    await page.getByLabel('Numéro de reçu (ou une partie)').fill(kept.numero_recu.slice(-8).toLowerCase())
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await until(async () => new URL(page.url()).searchParams.get('magasin') === String(STORE), 'the filtered URL')
    await ready(page)
    assert.deepEqual(await receiptsShown(page), [kept.numero_recu])
    await expectText(page.getByTestId('sales-journal').locator('tbody tr'), STORE_NAME)

    await page.getByRole('link', { name: 'Tout afficher' }).click()
    await until(async () => new URL(page.url()).search === '', 'the bare journal')
  })

  test('the dashboard’s transaction count leads to the sales of its period and store', async () => {
    const page = await stage.signedIn('gerant')
    await go(page, `/?magasin=${STORE}&periode=7`)
    await page.getByTestId('kpi-transactions').getByRole('link', { name: 'Voir les ventes' }).click()
    await page.waitForURL((url) => url.pathname === '/ventes')
    await ready(page)
    const params = new URL(page.url()).searchParams
    assert.equal(params.get('magasin'), String(STORE))
    assert.match(params.get('du') ?? '', /^\d{4}-\d{2}-\d{2}$/)
    assert.match(params.get('au') ?? '', /^\d{4}-\d{2}-\d{2}$/)
    const receipts = await receiptsShown(page)
    assert.ok(receipts.includes(kept.numero_recu) && receipts.includes(returned.numero_recu), receipts.join(' '))
  })
})
