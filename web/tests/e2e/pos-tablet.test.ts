// The POS on a tablet held upright (768 px), the clerk's device: a product
// whose code is long stays reachable in the search results. The code had a
// column of its own that never wraps; beside the cart it pushed the name into
// a sliver and "Ajouter" out of sight, behind a horizontal scroll. Store 2, so
// the register flows of store 1 are not disturbed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { RUN, Stage, describeFlows, ready, registerOfThisMode, stockUp } from './support.ts'

const STORE = 2

describeFlows('the POS on a 768 px tablet', () => {
  const stage = new Stage()
  const { api } = stage
  const code = `E2E-TABLETTE-${RUN}`
  let registerId: number

  before(async () => {
    await stage.open()
    registerId = await registerOfThisMode(api, STORE)
    const categories = await api<{ items: { id: number }[] }>('GET', '/categories?search=Boissons&size=1')
    const created = await api<{ id: number }>('POST', '/products', {
      code,
      nom: 'Jus de pamplemousse rose pressé',
      prix: '3.99',
      categorie_id: categories.body.items[0]?.id,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    await stockUp(api, STORE, created.body.id, 'Préparation du test de la caisse sur tablette', 20)
  })

  after(() => stage.close())

  test('a product with a long code: its row fits, "Ajouter" in sight, the code under the name', async () => {
    const page = await stage.signedIn(`caissier${STORE}`)
    await page.setViewportSize({ width: 768, height: 1024 })
    await page.goto(`/caisses/${registerId}/vente?q=${encodeURIComponent(code)}`)
    await ready(page)
    const results = page.getByTestId('search-results')
    const row = results.locator('tbody tr').filter({ hasText: code })
    assert.equal(await row.count(), 1, 'the product is found')
    // Two copies of the code: its column (wide screens) and under the name (here).
    assert.ok(await row.locator('.pos-product-name code').isVisible(), 'its code is shown under the name')
    const scroll = await results.evaluate((table) => {
      const box = table.parentElement as HTMLElement
      return { overflow: box.scrollWidth - box.clientWidth }
    })
    assert.ok(scroll.overflow <= 0, `no horizontal scroll in the results (${scroll.overflow} px too wide)`)
    const button = await row.getByRole('button', { name: /Ajouter/ }).boundingBox()
    const panel = await results.boundingBox()
    assert.ok(button && panel, 'the button and the table are laid out')
    assert.ok(button.x + button.width <= panel.x + panel.width + 1, '"Ajouter" is inside the table')
    assert.ok(button.x + button.width <= 768, '"Ajouter" is on the screen')
  })
})
