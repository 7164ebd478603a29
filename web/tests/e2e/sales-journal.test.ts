// The sales journal (/ventes): a clerk finds a sale of their store again
// (and only of their store) and comes back from its receipt, a manager
// narrows the network's sales to one store and one receipt, the dashboard's
// transaction count leads to the sales it counts, and the pages hold still
// while sales come in. Store 5, which no other flow sells in.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import {
  JS_ENABLED,
  Stage,
  closeOpenSession,
  describeFlows,
  expectText,
  go,
  openDrawer,
  ready,
  registerOfThisMode,
  stockUp,
  until,
  type ApiCall,
} from './support.ts'

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
  let sell: (quantity: number) => Promise<Sold>

  before(async () => {
    await stage.open()
    clerkApi = await stage.apiAs(`caissier${STORE}`)
    registerId = await registerOfThisMode(api, STORE)
    await openDrawer(clerkApi, registerId)
    const pain = await api<{ id: number }>('GET', '/products/by-code/ALI001')
    await stockUp(api, STORE, pain.body.id, 'Préparation des tests du journal des ventes')
    sell = async (quantity: number) => {
      const sale = await clerkApi<Sold>('POST', '/sales', {
        caisse_id: registerId,
        lignes: [{ code: 'ALI001', quantite: quantity }],
        paiements: [{ mode: 'especes', montant: '20.00' }],
      })
      assert.equal(sale.status, 201, JSON.stringify(sale.body))
      return sale.body
    }
    // More than a page of sales (25), older than the two the flows look for.
    for (let i = 0; i < 26; i++) await sell(1)
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
    await ready(page)
    // Looking a sale up is not selling: the way back to the journal has the focus, not « Nouvelle vente ».
    await until(async () => (await page.evaluate(() => document.activeElement?.textContent ?? '')) === 'Retour au journal des ventes', 'focus on the way back')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/ventes' && url.searchParams.get('statut') === 'partiellement_retournee')
    await ready(page)
    assert.ok((await receiptsShown(page)).includes(returned.numero_recu))
    assert.equal(new URL(page.url()).hash, `#vente-${returned.id}`)
    // With JavaScript the line left has the focus again (without, the browser only starts the next Tab there).
    if (JS_ENABLED) {
      await until(async () => (await page.evaluate(() => document.activeElement?.id ?? '')) === `vente-${returned.id}`, 'focus on the receipt left')
    }
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
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await until(async () => new URL(page.url()).searchParams.get('magasin') === String(STORE), 'the store’s URL')
    await ready(page)
    const stores = await page.getByTestId('sales-journal').locator('tbody tr td:nth-child(3)').allTextContents()
    assert.equal(stores.length, 25, 'a full page of the store’s sales')
    assert.ok(stores.every((name) => name === STORE_NAME), stores.join(' | '))

    // What a clerk reads off a crumpled receipt: register and sequence, in lower case, a space for
    // the dash, the sequence without its zeros.
    const [, register, sequence] = kept.numero_recu.split('-')
    const typed = `${register!.toLowerCase()} ${Number(sequence)}`
    assert.match(typed, /^r\d+ \d+$/)
    await page.getByLabel('Numéro de reçu (ou une partie)').fill(typed)
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await until(async () => new URL(page.url()).searchParams.get('recu') === typed, 'the searched URL')
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
    // The period the dashboard counted is the one the journal's fields show.
    assert.equal(await page.getByLabel('Du', { exact: true }).inputValue(), params.get('du'))
    assert.equal(await page.getByLabel('Au', { exact: true }).inputValue(), params.get('au'))
    assert.equal(await page.getByLabel('Magasin').inputValue(), String(STORE))
    const receipts = await receiptsShown(page)
    assert.ok(receipts.includes(kept.numero_recu) && receipts.includes(returned.numero_recu), receipts.join(' '))
  })

  test('a manager’s journal names a store or a day it could not read, and lists every store', async () => {
    const page = await stage.signedIn('gerant')
    await go(page, '/ventes?magasin=999999&du=2026-02-30')
    await expectText(page.locator('#sales-magasin-error'), 'Choisissez')
    await expectText(page.locator('#sales-du-error'), 'Entrez une date valide.')
    assert.equal(await page.getByLabel('Magasin').inputValue(), '')
    assert.ok((await receiptsShown(page)).length > 0)
    // Days the wrong way round are put in order, and the fields say so.
    await page.getByLabel('Du', { exact: true }).fill('2026-12-06')
    await page.getByLabel('Au', { exact: true }).fill('2026-12-01')
    await Promise.all([page.waitForURL(/au=2026-12-01/), page.getByRole('button', { name: 'Filtrer' }).click()])
    await expectText(page.locator('#sales-au-help'), 'Dates inversées : remises dans l’ordre.')
    assert.equal(await page.getByLabel('Du', { exact: true }).inputValue(), '2026-12-01')
    assert.equal(await page.getByLabel('Au', { exact: true }).inputValue(), '2026-12-06')
  })

  test('the pages hold still while sales come in, and the new ones are a click away', async () => {
    const page = await stage.signedIn(`caissier${STORE}`)
    await go(page, '/ventes')
    const first = await receiptsShown(page)
    assert.equal(first.length, 25)
    const next = page.getByRole('navigation', { name: 'Pages du journal des ventes' }).getByRole('link', { name: 'Suivant' })
    assert.match((await next.getAttribute('href')) ?? '', /jusqua=\d+/)

    const newer = await sell(1)
    await next.click()
    await page.waitForURL((url) => url.searchParams.get('page') === '2')
    await ready(page)
    const second = await receiptsShown(page)
    assert.ok(second.length > 0)
    // Unpinned, the new sale would have pushed page 1's last row onto page 2.
    assert.deepEqual(second.filter((receipt) => first.includes(receipt)), [], 'no row of page 1 again')
    assert.ok(!second.includes(newer.numero_recu))
    const notice = page.getByTestId('newer-sales')
    await expectText(notice, 'Nouvelles ventes depuis l’affichage de la première page : 1.')
    await notice.getByRole('link', { name: 'Afficher les plus récentes' }).click()
    await until(async () => new URL(page.url()).search === '', 'the journal as it is now')
    await ready(page)
    assert.equal((await receiptsShown(page))[0], newer.numero_recu)
  })
})
