// The POS from the keyboard alone, between the scan field and the search
// results: ↓ reaches the first result's « Ajouter » (Tab went through the
// search button and the clear link first), ↑/↓ move between results, Enter
// adds, Échap goes back to the field. Keys need JavaScript; without it the
// results are plain forms reached with Tab. Store 2, its own products.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import {
  JS_ENABLED,
  RUN,
  Stage,
  closeOpenSession,
  describeFlows,
  expectText,
  openDrawer,
  ready,
  registerOfThisMode,
  stockUp,
  until,
  type ApiCall,
} from './support.ts'

const STORE = 2
const NAMES = [`Clavier ${RUN} ananas`, `Clavier ${RUN} banane`]

/** What has the focus: the scan field's id, or a button's accessible name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement
    return active?.id === 'pos-scan' ? 'pos-scan' : (active?.getAttribute('aria-label') ?? active?.tagName ?? '')
  })

describeFlows('the POS search results from the keyboard', () => {
  const stage = new Stage()
  const { api } = stage
  let clerkApi: ApiCall
  let registerId: number

  before(async () => {
    await stage.open()
    clerkApi = await stage.apiAs(`caissier${STORE}`)
    registerId = await registerOfThisMode(api, STORE)
    await openDrawer(clerkApi, registerId)
    const categories = await api<{ items: { id: number }[] }>('GET', '/categories?search=Alimentaire&size=1')
    for (const [index, nom] of NAMES.entries()) {
      const created = await api<{ id: number }>('POST', '/products', { code: `E2E-CLAVIER-${index}-${RUN}`, nom, prix: '2.00', categorie_id: categories.body.items[0]?.id })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      await stockUp(api, STORE, created.body.id, 'Préparation du test de la caisse au clavier', 10)
    }
  })

  after(async () => {
    if (clerkApi) await closeOpenSession(clerkApi, registerId)
    await stage.close()
  })

  test('↓ from the field to the results, ↑/↓ between them, Échap back, Enter adds', { skip: !JS_ENABLED && 'arrow keys need JavaScript' }, async () => {
    const page = await stage.signedIn(`caissier${STORE}`)
    await page.goto(`/caisses/${registerId}/vente?q=${encodeURIComponent(`Clavier ${RUN}`)}`)
    await ready(page)
    await expectText(page.getByTestId('shortcuts'), '↓ résultats')
    const scan = page.locator('#pos-scan')
    await scan.focus()
    await page.keyboard.press('ArrowDown')
    assert.equal(await focused(page), `Ajouter ${NAMES[0]} au panier`)
    await page.keyboard.press('ArrowDown')
    assert.equal(await focused(page), `Ajouter ${NAMES[1]} au panier`)
    await page.keyboard.press('ArrowDown')
    assert.equal(await focused(page), `Ajouter ${NAMES[1]} au panier`, 'the last result stays focused')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    assert.equal(await focused(page), 'pos-scan', 'up from the first result: the field')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Escape')
    assert.equal(await focused(page), 'pos-scan', 'Échap from a result: the field')
    assert.equal(await page.getByTestId('search-results').locator('tbody tr').count(), 2, 'the results are kept')

    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expectText(page.getByTestId('cart'), NAMES[1]!)
    assert.equal(await page.getByTestId('cart').getByText(NAMES[0]!).count(), 0, 'only the result chosen is added')
    // Typing in the field still types: the arrows are not taken from text entry.
    await scan.focus()
    await page.keyboard.type('ALI')
    await until(async () => (await scan.inputValue()) === 'ALI', 'the field holds what was typed')
  })
})
