// Every page a clerk, a manager and an administrator use, checked by axe-core against WCAG 2.1
// A and AA (labels, names, contrast, ARIA, keyboard reach of scrolling regions), at desktop
// width and on a tablet, in French and in English, with forms refused. axe runs in the page, so
// only with JavaScript: the server sends the same HTML to a browser without it.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { violationsOf } from './axe.ts'
import { JS_ENABLED, Stage, closeOpenSession, describeFlows, go, openDrawer, press, until, type ApiCall } from './support.ts'

describeFlows('accessibility (axe-core, WCAG 2.1 AA)', () => {
  if (!JS_ENABLED) {
    test('runs with JavaScript (axe runs in the page; the server sends the same HTML either way)', () => {})
    return
  }
  const stage = new Stage()
  let registerId: number
  // Store 1's register n° 3, which no other flow opens: a session, a sale, a cart of its own.
  let tillId: number
  let clerkApi: ApiCall
  let sessionId: number
  let saleId: number

  /** Each path as it loads: its violations, named by page. */
  async function check(page: Page, paths: string[]): Promise<string[]> {
    const found: string[] = []
    for (const path of paths) {
      await go(page, path)
      found.push(...(await violationsOf(page)).map((violation) => `${path}: ${violation}`))
    }
    return found
  }

  before(async () => {
    await stage.open()
    const registers = await stage.api<{ items: { id: number; numero: number }[] }>('GET', '/stores/1/registers?size=100')
    const [first] = registers.body.items
    const till = registers.body.items.find((register) => register.numero === 3)
    assert.ok(first && till, 'store 1 has registers 1 to 3')
    registerId = first.id
    tillId = till.id
    clerkApi = await stage.apiAs('caissier1')
    sessionId = (await openDrawer(clerkApi, tillId)).id
    const sale = await clerkApi<{ id: number }>('POST', '/sales', {
      caisse_id: tillId,
      lignes: [{ code: 'ALI001', quantite: 1 }],
      paiements: [{ mode: 'especes', montant: '5.00' }],
    })
    assert.equal(sale.status, 201, JSON.stringify(sale.body))
    saleId = sale.body.id
  })
  after(async () => {
    if (clerkApi && tillId) await closeOpenSession(clerkApi, tillId)
    await stage.close()
  })

  test('the sign-in page, empty and refused', async () => {
    const page = await stage.newPage({ bypassCSP: true })
    const found = await check(page, ['/connexion'])
    await press(page, 'Se connecter')
    found.push(...(await violationsOf(page)).map((violation) => `refused: ${violation}`))
    assert.deepEqual(found, [])
  })

  test('a clerk’s pages', async () => {
    const page = await stage.signedIn('caissier1', { bypassCSP: true })
    const found = await check(page, [
      '/magasins/1/caisses',
      `/caisses/${registerId}/vente`,
      `/caisses/${registerId}/retours`,
      '/magasins/1/stock',
      '/magasins/1/stock/mouvements',
      '/ventes',
      '/ventes/retours?vente=abc&magasin=2',
      '/compte',
    ])
    assert.deepEqual(found, [])
  })

  test('at the register: a cart, a receipt, a sale to take back, the X report and the closing', async () => {
    const page = await stage.signedIn('caissier1', { bypassCSP: true })
    await go(page, `/caisses/${tillId}/vente`)
    await page.locator('#pos-scan').fill('ALI001')
    await page.locator('#pos-scan').press('Enter')
    await until(async () => (await page.getByLabel(/^Quantité de /).count()) > 0, 'a line in the cart')
    const found = (await violationsOf(page)).map((violation) => `cart: ${violation}`)
    found.push(
      ...(await check(page, [
        `/ventes/${saleId}/recu`,
        `/caisses/${tillId}/retours?vente=${saleId}`,
        `/caisses/${tillId}/sessions/${sessionId}`,
        `/caisses/${tillId}/fermeture`,
      ]))
    )
    assert.deepEqual(found, [])
  })

  test('a manager’s pages, in French and in English, and a refused product form', async () => {
    const page = await stage.signedIn('gerant', { bypassCSP: true })
    const pages = ['/', '/magasins', '/entrepot', '/reapprovisionnements', '/reapprovisionnements/suggestions', '/produits', '/rapports', '/ventes', '/ventes/retours', '/gestion']
    const found = [...(await check(page, pages)), ...(await check(page, ['/?lang=en', '/rapports', '/produits/nouveau?lang=fr']))]
    await press(page, 'Créer le produit')
    found.push(...(await violationsOf(page)).map((violation) => `refused product: ${violation}`))
    assert.deepEqual(found, [])
  })

  test('the keyboard never stops inside what screen readers do not see (the charts)', async () => {
    const page = await stage.signedIn('gerant')
    const hidden: string[] = []
    for (const path of ['/', '/rapports']) {
      await go(page, path)
      // The charts are drawn once React runs, in lazily loaded code.
      await until(async () => (await page.locator('.report-chart svg').count()) > 0, `the charts of ${path}`)
      for (let stop = 0; stop < 80; stop++) {
        await page.keyboard.press('Tab')
        const inside = await page.evaluate(() => {
          const focused = document.activeElement
          return focused?.closest('[aria-hidden="true"]') ? `${focused.tagName.toLowerCase()}.${focused.getAttribute('class') ?? ''}` : null
        })
        if (inside) hidden.push(`${path}: ${inside}`)
      }
    }
    assert.deepEqual(hidden, [])
  })

  test('an administrator’s pages', async () => {
    const page = await stage.signedIn('admin', { bypassCSP: true })
    assert.deepEqual(await check(page, ['/utilisateurs', '/utilisateurs/nouveau', '/jetons']), [])
  })

  test('on a tablet: the folded menu, open', async () => {
    const page = await stage.signedIn('gerant', { bypassCSP: true })
    await page.setViewportSize({ width: 768, height: 1024 })
    await go(page, '/')
    await page.locator('summary', { hasText: 'Menu' }).click()
    assert.deepEqual(await violationsOf(page), [])
  })
})
