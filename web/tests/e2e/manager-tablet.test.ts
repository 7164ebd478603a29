// The manager's tables on a tablet held upright (768 px): the replenishment suggestions, a store's
// stock, the warehouse's stock, their ledgers and the reports fit the screen, without the sideways scroll they
// had (ten columns, headings that never broke, a row's form beside its field). What a hidden
// column said is still on the row, for the eye and for screen readers. A product with a long name
// and a long code, below its reorder point at store 4, is on every list; so is one whose name holds
// a run of 60 letters without a space, which no column can hold whole at these widths.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { RUN, Stage, describeFlows, go } from './support.ts'

const STORE = 4
const TABLET = { width: 768, height: 1024 }
const TABLET_WIDE = { width: 820, height: 1180 }
/** The stores whose request for the product is pending, approved and shipped: every state a list gives buttons to (not store 4, whose suggestion it must stay). */
const REQUEST_STORES = { pending: 1, approved: 2, shipped: 3 } as const
/** Sixty letters and no space: too long to be a word, it may break anywhere (lib/overlong-words.ts). */
const LONG_RUN = 'Pamplemoussesanguinbiologiquepresseafroidsanssucreajoutesbio'

/** The words of product names split across two lines ("Fromag/e"): each word's boxes must sit on one line. */
async function splitWords(page: Page) {
  return page.evaluate(() => {
    const split: string[] = []
    for (const cell of document.querySelectorAll('main .pos-product-name')) {
      for (const node of cell.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue
        // A code's hyphens are places to break ("(E2E-GERANT-…)"): the words are what lies between them and the spaces.
        for (const word of (node.textContent ?? '').matchAll(/[^\s-]+/g)) {
          const range = document.createRange()
          range.setStart(node, word.index)
          range.setEnd(node, word.index + word[0].length)
          const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.bottom)))
          if (lines.size > 1) split.push(word[0])
        }
      }
    }
    return split
  })
}

/** How far the page and each table's box scroll sideways (0 when everything fits). */
async function overflows(page: Page) {
  return page.evaluate(() => {
    // The reports keep each chart's figures in a <details>: open, they must fit too.
    for (const details of document.querySelectorAll('details')) details.open = true
    const page = document.scrollingElement as HTMLElement
    const tables = [...document.querySelectorAll('main table')].map((table) => {
      const box = table.parentElement as HTMLElement
      return { table: table.getAttribute('data-testid') ?? '?', overflow: box.scrollWidth - box.clientWidth, rows: table.querySelectorAll('tbody tr').length }
    })
    return { page: page.scrollWidth - page.clientWidth, tables }
  })
}

describeFlows('the manager’s tables on a 768 px tablet', () => {
  const stage = new Stage()
  const { api } = stage
  const code = `E2E-GERANT-TABLETTE-${RUN}`
  const name = `Jus de pamplemousse rose pressé à froid ${RUN}`
  let manager: Page
  let productId = 0
  const longCode = `E2E-GERANT-LONG-${RUN}`
  const longName = `Fromage ${LONG_RUN} affiné`
  let longRequest = 0
  const requests: Partial<Record<keyof typeof REQUEST_STORES, number>> = {}

  before(async () => {
    await stage.open()
    const categories = await api<{ items: { id: number }[] }>('GET', '/categories?search=Boissons&size=1')
    const created = await api<{ id: number }>('POST', '/products', { code, nom: name, prix: '4.49', categorie_id: categories.body.items[0]?.id })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    // None on the shelf and a reorder point: a suggestion, a row in "Rupture".
    const point = await api('PATCH', '/stock/levels', { magasin_id: STORE, produit_id: created.body.id, seuil_reappro: 12 })
    assert.equal(point.status, 200, JSON.stringify(point.body))
    productId = created.body.id
    // A request for it in each state that shows buttons (pending: Valider, Refuser, Annuler; approved: Expédier, Annuler; shipped: Réceptionner).
    const received = await api('POST', '/warehouse/receipts', { lignes: [{ produit_id: productId, quantite: 4_000 }] })
    assert.equal(received.status, 201, JSON.stringify(received.body))
    for (const [state, store] of Object.entries(REQUEST_STORES)) {
      const request = await api<{ id: number }>('POST', '/replenishments', { magasin_id: store, produit_id: productId, quantite: 2_000 })
      assert.equal(request.status, 201, JSON.stringify(request.body))
      requests[state as keyof typeof REQUEST_STORES] = request.body.id
      if (state === 'pending') continue
      assert.equal((await api('POST', `/replenishments/${request.body.id}/approve`, {})).status, 200)
      if (state === 'shipped') assert.equal((await api('POST', `/replenishments/${request.body.id}/ship`, {})).status, 200)
    }
    const long = await api<{ id: number }>('POST', '/products', { code: longCode, nom: longName, prix: '7.99', categorie_id: categories.body.items[0]?.id })
    assert.equal(long.status, 201, JSON.stringify(long.body))
    // On the requests list too: pending, cancelled after.
    const longRequested = await api<{ id: number }>('POST', '/replenishments', { magasin_id: STORE, produit_id: long.body.id, quantite: 5 })
    assert.equal(longRequested.status, 201, JSON.stringify(longRequested.body))
    longRequest = longRequested.body.id
    manager = await stage.signedIn('gerant')
    await manager.setViewportSize(TABLET)
  })

  after(async () => {
    // The requests end, so the next runs' lists are not longer for them.
    if (requests.pending) await api('POST', `/replenishments/${requests.pending}/cancel`, {})
    if (requests.approved) await api('POST', `/replenishments/${requests.approved}/cancel`, {})
    if (requests.shipped) await api('POST', `/replenishments/${requests.shipped}/receive`, {})
    if (longRequest) await api('POST', `/replenishments/${longRequest}/cancel`, {})
    await stage.close()
  })

  for (const path of [
    `/reapprovisionnements/suggestions?magasin=${STORE}`,
    '/reapprovisionnements/suggestions',
    `/magasins/${STORE}/stock?q=${encodeURIComponent(code)}`,
    `/magasins/${STORE}/stock`,
    `/entrepot?q=${encodeURIComponent(code)}`,
    '/entrepot',
    '/entrepot/mouvements',
    `/magasins/${STORE}/stock/mouvements`,
    '/rapports',
  ]) {
    test(`${path}: no sideways scroll, on the page or in a table`, async () => {
      await go(manager, path)
      const { page, tables } = await overflows(manager)
      assert.ok(tables.length > 0 && tables.some((table) => table.rows > 0), `no table with rows on ${path}: ${JSON.stringify(tables)}`)
      assert.ok(page <= 0, `the page scrolls sideways by ${page} px`)
      for (const table of tables) assert.ok(table.overflow <= 0, `${table.table} scrolls sideways by ${table.overflow} px`)
    })
  }

  // The requests list had every action on one line (~750 px in a 696 px box) and a store's stock row
  // kept « Demande n° 4 · 2 000 demandés · En attente » on one line: both were cut off.
  for (const viewport of [TABLET, TABLET_WIDE]) {
    for (const path of ['/reapprovisionnements', `/reapprovisionnements?magasin=${REQUEST_STORES.pending}`, `/magasins/${REQUEST_STORES.pending}/stock?q=${encodeURIComponent(code)}`, `/magasins/${REQUEST_STORES.pending}/stock`]) {
      test(`${path} at ${viewport.width} px, with requests pending, approved and shipped: no sideways scroll`, async () => {
        await manager.setViewportSize(viewport)
        try {
          await go(manager, path)
          const { page, tables } = await overflows(manager)
          assert.ok(tables.some((table) => table.rows > 0), `no table with rows on ${path}`)
          assert.ok(page <= 0, `the page scrolls sideways by ${page} px`)
          for (const table of tables) assert.ok(table.overflow <= 0, `${table.table} scrolls sideways by ${table.overflow} px`)
        } finally {
          await manager.setViewportSize(TABLET)
        }
      })
    }
  }

  test('the requests list shows every state’s buttons, and the stock row its request in flight, inside the screen', async (t) => {
    await manager.setViewportSize(TABLET_WIDE)
    t.after(() => manager.setViewportSize(TABLET))
    await go(manager, '/reapprovisionnements')
    const buttons = {
      pending: ['Valider', 'Refuser…', 'Annuler la demande…'],
      approved: ['Expédier', 'Annuler la demande…'],
      shipped: ['Réceptionner'],
    } as const
    // Inside the table's box: past its right edge a button is cut off (the box scrolls, the page does not).
    const visibleEnd = async (testId: string) => {
      const box = await manager.getByTestId(testId).locator('xpath=..').boundingBox()
      return (box?.x ?? 0) + (box?.width ?? 0)
    }
    const end = await visibleEnd('replenishments-table')
    for (const state of Object.keys(buttons) as (keyof typeof buttons)[]) {
      const row = manager.getByTestId(`request-${requests[state]}`)
      for (const label of buttons[state]) {
        const box = await row.getByText(label, { exact: true }).boundingBox()
        assert.ok(box && box.x + box.width <= end, `${state}: « ${label} » ends at ${box ? box.x + box.width : '?'} px, the table at ${end} px`)
      }
    }
    await go(manager, `/magasins/${REQUEST_STORES.pending}/stock?q=${encodeURIComponent(code)}`)
    const box = await manager.getByTestId(`in-flight-${productId}`).getByText('En attente', { exact: true }).boundingBox()
    const stockEnd = await visibleEnd('stock-table')
    assert.ok(box && box.x + box.width <= stockEnd, `the in-flight request's state ends at ${box ? box.x + box.width : '?'} px, the table at ${stockEnd} px`)
  })

  // `overflow-wrap: anywhere` let a name's column shrink below a word: « Fromag/e », « Shampooi/ng ».
  for (const viewport of [TABLET, TABLET_WIDE, { width: 1280, height: 900 }]) {
    test(`at ${viewport.width} px no product name is broken inside a word`, async () => {
      await manager.setViewportSize(viewport)
      try {
        for (const path of ['/magasins/1/stock', `/magasins/${STORE}/stock?q=${encodeURIComponent(code)}`, '/reapprovisionnements', '/reapprovisionnements/suggestions', '/rapports']) {
          await go(manager, path)
          assert.ok((await manager.locator('main .pos-product-name').count()) > 0, `product names on ${path}`)
          assert.deepEqual(await splitWords(manager), [], `words split across lines on ${path}`)
        }
      } finally {
        await manager.setViewportSize(TABLET)
      }
    })
  }

  // A name of one 60-letter run set its column's width (`break-word` does not count in a table's
  // column widths): the table went past the screen at both widths. Only that run may break.
  for (const viewport of [TABLET, { width: 1280, height: 900 }]) {
    test(`at ${viewport.width} px a name holding a ${LONG_RUN.length}-letter run wraps in its cell: no sideways scroll, its words whole`, async () => {
      await manager.setViewportSize(viewport)
      try {
        for (const path of [
          `/produits?q=${encodeURIComponent(longCode)}`,
          `/magasins/${STORE}/stock?q=${encodeURIComponent(longCode)}`,
          `/entrepot?q=${encodeURIComponent(longCode)}`,
          '/reapprovisionnements',
        ]) {
          await go(manager, path)
          const cell = manager.locator('main .pos-product-name').filter({ hasText: LONG_RUN })
          assert.ok((await cell.count()) > 0, `the product is listed on ${path}`)
          const { page, tables } = await overflows(manager)
          assert.ok(page <= 0, `${path}: the page scrolls sideways by ${page} px`)
          for (const table of tables) assert.ok(table.overflow <= 0, `${path}: ${table.table} scrolls sideways by ${table.overflow} px`)
          assert.deepEqual(await splitWords(manager), [], `words split across lines on ${path}`)
        }
      } finally {
        await manager.setViewportSize(TABLET)
      }
    })
  }

  test('an administrator’s users list: the page itself does not scroll sideways (a hidden heading escaped its table)', async () => {
    const admin = await stage.signedIn('admin')
    await admin.setViewportSize(TABLET)
    await go(admin, '/utilisateurs')
    const { page } = await overflows(admin)
    assert.ok(page <= 0, `the page scrolls sideways by ${page} px`)
  })

  test('a suggestion still shows its status, sales per day and quantity in flight; the full headings are read', async () => {
    await go(manager, `/reapprovisionnements/suggestions?magasin=${STORE}`)
    const row = manager.locator('[data-testid^="suggestion-"]').filter({ hasText: code })
    assert.equal(await row.count(), 1, 'the product is suggested')
    for (const label of ['État / seuil', 'Ventes / jour', 'En cours']) {
      assert.ok(await row.getByText(label, { exact: true }).isVisible(), `"${label}" is on the row`)
    }
    assert.equal(await row.getByText('Rupture', { exact: true }).filter({ visible: true }).count(), 1, 'its status is shown, once')
    assert.ok(await row.getByRole('button', { name: 'Créer la demande' }).isVisible())
    // The hidden columns' headings are gone for screen readers too: each value is said once, on the row.
    assert.equal(await manager.getByRole('columnheader', { name: 'État / seuil' }).count(), 0)
    assert.equal(await row.getByRole('cell').filter({ hasText: 'Rupture' }).count(), 1)
  })

  test('the warehouse and store stock: the code under the name, the reorder point under its full name for screen readers', async () => {
    for (const path of [`/entrepot?q=${encodeURIComponent(code)}`, `/magasins/${STORE}/stock?q=${encodeURIComponent(code)}`]) {
      await go(manager, path)
      const row = manager.locator('main tbody tr').filter({ hasText: name })
      assert.equal(await row.count(), 1, `the product is listed on ${path}`)
      assert.ok(await row.getByRole('cell').filter({ hasText: name }).getByText(code, { exact: true }).isVisible(), `its code is under its name on ${path}`)
      assert.equal(await manager.getByRole('columnheader', { name: 'Code' }).count(), 0, `the code column is hidden on ${path}`)
    }
    await go(manager, `/entrepot?q=${encodeURIComponent(code)}`)
    assert.equal(await manager.getByRole('columnheader', { name: 'Seuil de réapprovisionnement' }).count(), 1)
  })

  test('in English too (other words, other lengths: "(replenishment)" in the ledger)', async () => {
    // A page of its own: the language sticks to the browser profile.
    const english = await stage.signedIn('gerant')
    await english.setViewportSize(TABLET)
    for (const path of [`/reapprovisionnements/suggestions?magasin=${STORE}&lang=en`, `/magasins/${STORE}/stock?lang=en`, '/entrepot?lang=en', '/entrepot/mouvements?lang=en', '/rapports?lang=en']) {
      await go(english, path)
      const { page, tables } = await overflows(english)
      assert.ok(page <= 0, `${path}: the page scrolls sideways by ${page} px`)
      for (const table of tables) assert.ok(table.overflow <= 0, `${path}: ${table.table} scrolls sideways by ${table.overflow} px`)
    }
  })

  test('on a wide screen the columns are back, each value once', async () => {
    await manager.setViewportSize({ width: 1280, height: 900 })
    await go(manager, `/reapprovisionnements/suggestions?magasin=${STORE}`)
    const row = manager.locator('[data-testid^="suggestion-"]').filter({ hasText: code })
    assert.equal(await manager.getByRole('columnheader', { name: 'État' }).count(), 1)
    assert.equal(await row.getByText('Ventes / jour', { exact: true }).isVisible(), false, 'the folded copy is hidden')
    await go(manager, `/entrepot?q=${encodeURIComponent(code)}`)
    assert.equal(await manager.getByRole('columnheader', { name: 'Code' }).count(), 1)
    await manager.setViewportSize(TABLET)
  })
})
