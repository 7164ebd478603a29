// Signing in and what each role may reach, in a real browser against the real
// web server, API and database, with JavaScript on and off (E2E_JS): wrong
// credentials and the login rate limit, the session cookie, a clerk kept to
// their store (403 elsewhere, CSRF on every form), signing out, and a
// manager's wider view.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { BrowserContext, Page } from 'playwright-core'

import {
  JS_ENABLED,
  Stage,
  describeFlows,
  expectForbidden,
  expectText,
  ready,
  registerOfThisMode,
  signIn,
  stockUp,
  textOf,
  until,
  userOf,
} from './support.ts'

describeFlows('signing in, and what each role may reach', () => {
  const stage = new Stage()
  const { api } = stage
  let clerk: BrowserContext
  let page: Page
  let registerId: number
  let otherStoreRegisterId: number
  let lait: { id: number; nom: string }
  let storeName: string

  before(async () => {
    await stage.open()
    registerId = await registerOfThisMode(api, 1)
    storeName = (await api<{ nom: string }>('GET', '/stores/1')).body.nom
    const others = await api<{ items: { id: number }[] }>('GET', '/stores/2/registers?size=1')
    otherStoreRegisterId = others.body.items[0]?.id ?? 0
    lait = (await api<{ id: number; nom: string }>('GET', '/products/by-code/ALI002')).body
    assert.ok(lait?.id, 'seed product ALI002 exists')
    await stockUp(api, 1, lait.id, 'Préparation des tests de bout en bout')
    page = await stage.newPage()
    clerk = page.context()
  })

  after(() => stage.close())

  test('login refuses wrong credentials, then rate-limits with the wait', async () => {
    const login = await stage.newPage()
    const username = `e2e-inconnu-${Date.now()}`
    await login.goto('/connexion')
    await ready(login)
    await login.getByLabel('Identifiant ou courriel').fill(username)
    await login.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe')
    await login.getByRole('button', { name: 'Se connecter' }).click()
    await expectText(login.getByTestId('login-error'), 'Identifiants invalides')
    // Five failures per (identifiant, address) in 15 minutes; the next one is refused with the wait.
    for (let attempt = 2; attempt <= 6; attempt++) {
      await login.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe')
      await login.getByRole('button', { name: 'Se connecter' }).click()
      if (attempt < 6) await expectText(login.getByTestId('login-error'), 'Identifiants invalides')
    }
    await expectText(login.getByTestId('login-error'), /Trop de tentatives de connexion\. Réessayez dans \d+ min\./)
  })

  test('a clerk signs in and lands on their store’s registers', async () => {
    const user = userOf(stage.credentials, 'caissier1')
    await signIn(page, user.username, user.password)
    assert.equal(new URL(page.url()).pathname, '/magasins/1/caisses')
    await expectText(page.locator('h1'), storeName)
    const nav = await textOf(page.getByRole('navigation', { name: 'Navigation principale' }))
    assert.match(nav, /Caisses/)
    assert.match(nav, /Stock/)
    assert.doesNotMatch(nav, /Gestion/, 'no manager entry for a clerk')
    // The API token is in the cookie, encrypted: never readable, never in the page.
    const cookie = (await clerk.cookies()).find((c) => c.name === 'comptoir_session')
    assert.ok(cookie?.httpOnly, 'session cookie is httpOnly')
    assert.equal(cookie?.sameSite, 'Lax')
    assert.doesNotMatch(Buffer.from(decodeURIComponent(cookie.value.split('.')[0] ?? ''), 'base64').toString('utf8'), /cpt_/)
    assert.doesNotMatch(await page.content(), /cpt_/)
  })

  test('a clerk cannot reach another store’s POS nor a manager page (403)', async () => {
    for (const path of [`/caisses/${otherStoreRegisterId}/vente`, '/magasins/2/stock', '/gestion']) {
      await expectForbidden(page, path)
    }
  })

  test('a POST without a valid CSRF token is refused (403)', async () => {
    for (const form of [{ intent: 'clear', csrf: 'jeton-forge' }, { intent: 'clear' }] as Record<string, string>[]) {
      const response = await clerk.request.post(`/caisses/${registerId}/vente`, { form, maxRedirects: 0 })
      assert.equal(response.status(), 403, JSON.stringify(form))
    }
    // Signing in needs the token too (no login CSRF).
    const stranger = await stage.newContext()
    const response = await stranger.request.post('/connexion', {
      form: { identifiant: 'caissier1', mot_de_passe: 'x' },
      maxRedirects: 0,
    })
    assert.equal(response.status(), 403)
  })

  test('the clerk requests a replenishment from the store’s stock page', async () => {
    // One request in flight per store and product: the other mode's (or an earlier run's) is closed first.
    for (const [statut, action] of [
      ['en_attente', 'cancel'],
      ['validee', 'cancel'],
      ['expediee', 'receive'],
    ] as const) {
      const open = await api<{ items: { id: number }[] }>('GET', `/replenishments?magasin_id=1&produit_id=${lait.id}&statut=${statut}&size=100`)
      for (const request of open.body.items) assert.equal((await api('POST', `/replenishments/${request.id}/${action}`, {})).status, 200)
    }
    await page.goto('/magasins/1/stock?q=ALI002')
    await ready(page)
    const table = page.getByTestId('stock-table')
    await expectText(table, lait.nom)
    await page.getByLabel(`Quantité de ${lait.nom} à demander`).fill('12')
    await page.getByRole('button', { name: 'Demander' }).click()
    await expectText(page.getByRole('status').first(), `12 × ${lait.nom}`)
    await expectText(page.getByTestId('requests-table'), 'En attente')
  })

  test('the clerk signs out; the POS then asks to sign in again', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.waitForURL('**/connexion')
    await expectText(page.getByRole('status').first(), 'Vous êtes déconnecté')
    // A form still on screen, sent without a session: the sign-in page says it was not recorded — and
    // that the user is signed out, not that a session expired.
    const stale = await clerk.request.post(`/caisses/${registerId}/vente`, { form: { intent: 'clear' }, maxRedirects: 0 })
    assert.equal(stale.status(), 302)
    const signInAgain = new URL(stale.headers().location ?? '', 'http://x')
    assert.equal(signInAgain.searchParams.get('deconnecte'), 'envoi')
    await page.goto(signInAgain.pathname + signInAgain.search)
    await expectText(page.getByRole('status').first(), 'Vous n’êtes plus connecté (déconnexion dans un autre onglet, ou session fermée) : ce que vous veniez d’envoyer n’a pas été enregistré')
    await page.goto(`/caisses/${registerId}/vente`)
    assert.equal(new URL(page.url()).pathname, '/connexion')
    assert.equal(new URL(page.url()).searchParams.get('redirectTo'), `/caisses/${registerId}/vente`)
  })

  test('a manager signs in, sees every store, the management page, and English on request', async () => {
    const manager = await stage.signedIn('gerant')
    // Managers land on the head-office dashboard (tested in dashboard-reports.test.ts).
    assert.equal(new URL(manager.url()).pathname, '/')
    await manager.goto('/magasins')
    await until(async () => (await manager.locator('article.card').count()) >= 5, 'five store cards')
    const response = await manager.goto('/gestion')
    assert.equal(response?.status(), 200)
    await expectText(manager.locator('h1'), 'Gestion')
    assert.equal((await manager.goto('/magasins/3/caisses'))?.status(), 200)
    await manager.goto('/magasins?lang=en')
    await expectText(manager.locator('h1'), 'Our stores')
    await manager.goto('/gestion')
    await expectText(manager.locator('h1'), 'Management')
  })
  // An administrator's ten entries put EN, their name and « Se déconnecter » on a second line, even at 1366 px.
  test('an administrator’s bar is one line at 1280 and 1366 px; the management pages open from « Gestion », by keyboard too', async () => {
    const admin = await stage.signedIn('admin')
    const nav = admin.getByRole('navigation', { name: 'Navigation principale' })
    for (const width of [1280, 1366]) {
      await admin.setViewportSize({ width, height: 900 })
      await admin.goto('/produits')
      await ready(admin)
      const [brand, user, logout] = await Promise.all(
        [nav.getByRole('link', { name: 'Comptoir' }), admin.getByTestId('current-user'), nav.getByRole('button', { name: 'Se déconnecter' })].map((item) => item.boundingBox())
      )
      assert.ok(((await nav.boundingBox())?.height ?? 0) < 80, `one row at ${width} px`)
      for (const [what, box] of [['the name', user], ['Se déconnecter', logout]] as const) {
        assert.ok(box && brand && box.y < brand.y + brand.height, `${what} on the brand’s line at ${width} px`)
      }
    }
    const group = nav.locator('summary', { hasText: 'Gestion' })
    const users = nav.getByRole('link', { name: 'Utilisateurs' })
    assert.equal(await users.isVisible(), false, 'folded under « Gestion »')
    assert.match((await group.getAttribute('class')) ?? '', /active/, 'the products page is under « Gestion »: it is marked')
    await group.focus()
    await admin.keyboard.press('Enter')
    await until(() => users.isVisible(), 'the dropdown open')
    for (const name of ['Vue d’ensemble', 'Produits', 'Jetons d’API']) assert.ok(await nav.getByRole('link', { name }).isVisible(), name)
    if (JS_ENABLED) {
      await admin.keyboard.press('Escape')
      assert.equal(await users.isVisible(), false, 'Escape closes it')
      assert.equal(await admin.evaluate(() => document.activeElement?.textContent), 'Gestion', 'the focus back on « Gestion »')
      await admin.keyboard.press('Enter')
    }
    await admin.keyboard.press('Tab')
    await admin.keyboard.press('Tab')
    await admin.keyboard.press('Tab')
    await admin.keyboard.press('Enter')
    await admin.waitForURL('**/utilisateurs')
    await expectText(admin.locator('h1'), 'Utilisateurs')
    assert.equal(await users.isVisible(), false, 'closed on the new page')
  })

  test('with JavaScript, « Gestion » closes on a click elsewhere and on Escape wherever the focus is; without, it stays open', async () => {
    const admin = await stage.signedIn('admin')
    await admin.setViewportSize({ width: 1280, height: 900 })
    await admin.goto('/produits')
    await ready(admin)
    const nav = admin.getByRole('navigation', { name: 'Navigation principale' })
    const group = nav.locator('summary', { hasText: 'Gestion' })
    const users = nav.getByRole('link', { name: 'Utilisateurs' })

    await group.click()
    await until(() => users.isVisible(), 'the dropdown open')
    await admin.locator('h1').click()
    if (!JS_ENABLED) {
      assert.equal(await users.isVisible(), true, 'a plain disclosure: only its summary closes it')
      return
    }
    await until(async () => !(await users.isVisible()), 'closed by a click outside')

    await group.click()
    await until(() => users.isVisible(), 'open again')
    await admin.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await admin.keyboard.press('Escape')
    await until(async () => !(await users.isVisible()), 'closed by Escape with the focus outside it')
    assert.equal(await admin.evaluate(() => document.activeElement?.textContent), 'Gestion', 'the focus back on « Gestion »')

    await group.click()
    await nav.locator('.nav-group-list').click({ position: { x: 2, y: 2 } })
    assert.equal(await users.isVisible(), true, 'a click inside the dropdown, beside its links, leaves it open')
  })

  test('on a tablet, a manager’s menu folds behind « Menu » and opens without JavaScript', async () => {
    const manager = await stage.signedIn('gerant')
    await manager.setViewportSize({ width: 768, height: 1024 })
    await manager.goto('/magasins')
    await ready(manager)
    const nav = manager.getByRole('navigation', { name: 'Navigation principale' })
    const reports = nav.getByRole('link', { name: 'Rapports' })
    assert.equal(await reports.isVisible(), false, 'folded: one row, not three')
    assert.ok(((await nav.boundingBox())?.height ?? 0) < 80, 'the bar is one row high')
    await nav.getByText('Menu', { exact: true }).click()
    await reports.click()
    await manager.waitForURL('**/rapports')
    await expectText(manager.locator('h1'), 'Rapport consolidé')
    // Chosen: the menu is closed again on the new page (remounted after a client-side navigation).
    assert.equal(await nav.getByRole('link', { name: 'Produits' }).isVisible(), false)
    await manager.setViewportSize({ width: 1280, height: 900 })
    assert.equal(await nav.getByRole('link', { name: 'Produits' }).isVisible(), true, 'the usual row on a desktop')
    assert.equal(await nav.getByText('Menu', { exact: true }).isVisible(), false)
  })
})
