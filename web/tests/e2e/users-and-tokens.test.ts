// The administrator's pages end to end, in a real browser against the real
// web server, API and database, with JavaScript on and off (E2E_JS): an
// administrator runs the accounts and the integration tokens, a manager and a
// clerk are kept out of them (and the clerk out of the catalogue, which
// catalog-admin.test.ts runs). Names are unique per run: both modes (and
// reruns) share one database.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import {
  API,
  JS_ENABLED,
  RUN,
  Stage,
  confirm,
  describeFlows,
  expectForbidden,
  expectText,
  focusedField,
  press,
  ready,
  signIn,
  textOf,
} from './support.ts'

describeFlows('users and API tokens', () => {
  const stage = new Stage()
  const { api } = stage
  let manager: Page
  let admin: Page
  // A product's page for the clerk to be kept out of: any will do, the seed's bread.
  let productId: number

  before(async () => {
    await stage.open()
    productId = (await api<{ id: number }>('GET', '/products/by-code/ALI001')).body.id
    assert.ok(productId, 'seed product ALI001 exists')
    manager = await stage.signedIn('gerant')
    admin = await stage.signedIn('admin')
  })

  after(() => stage.close())

  test('a manager gets 403 on the users and API token pages', async () => {
    for (const path of ['/utilisateurs', '/utilisateurs/nouveau', '/utilisateurs/1', '/jetons', '/jetons/nouveau']) {
      await expectForbidden(manager, path)
    }
    // Told why, in a manager's terms (the clerks' sentence named registers and stock).
    await expectText(manager.getByRole('main'), 'réservée aux administrateurs')
  })

  test('an administrator creates a clerk (a store is required); the clerk gets 403 on the product pages until deactivated', async () => {
    const username = `e2e-caissier-${RUN}`.toLowerCase()
    const password = `phrase-de-passe-${RUN}`
    const nav = await textOf(admin.getByRole('navigation', { name: 'Navigation principale' }))
    assert.match(nav, /Utilisateurs/)
    assert.match(nav, /Jetons d’API/)
    await admin.goto('/utilisateurs/nouveau')
    await ready(admin)
    await admin.getByLabel("Nom d'utilisateur").fill(username)
    await admin.getByLabel('Nom complet').fill(`Caissier E2E ${RUN}`)
    await admin.getByLabel('Courriel').fill(`${username}@comptoir.test`)
    await admin.getByLabel('Rôle').selectOption('clerk')
    await admin.getByLabel('Mot de passe').fill(password)
    await press(admin, 'Créer le compte')
    await expectText(admin.locator('#new-user-magasin_id-error'), 'Un caissier doit avoir un magasin.')
    assert.equal(await focusedField(admin), 'magasin_id')

    await admin.getByLabel('Magasin', { exact: true }).selectOption({ label: 'Magasin Banlieue' })
    // Without JavaScript the refused page never shows the password again: type it anew.
    await admin.getByLabel('Mot de passe').fill(password)
    await Promise.all([admin.waitForURL(/\/utilisateurs\/\d+$/), admin.getByRole('button', { name: 'Créer le compte' }).click()])
    await ready(admin)
    await expectText(admin.getByRole('status').first(), `Compte ${username} créé.`)
    const userId = Number(/\/utilisateurs\/(\d+)$/.exec(admin.url())?.[1])
    await admin.goto(`/utilisateurs?q=${username}&role=clerk`)
    await expectText(admin.getByTestId('users-table'), 'Magasin Banlieue')
    await expectText(admin.getByTestId('must-change-password'), 'Mot de passe à changer')

    const clerk = await stage.newPage()
    await signIn(clerk, username, password)
    // The administrator knows that password: the clerk replaces it first (password-set-by-admin.test.ts).
    assert.equal(new URL(clerk.url()).pathname, '/compte', 'the new clerk chooses their own password first')
    await clerk.getByLabel('Mot de passe actuel').fill(password)
    await clerk.getByLabel('Nouveau mot de passe', { exact: true }).fill(`${password}-le-mien`)
    await clerk.getByLabel('Confirmez le nouveau mot de passe').fill(`${password}-le-mien`)
    await press(clerk, 'Changer le mot de passe')
    const stores = await api<{ items: { id: number; nom: string }[] }>('GET', '/stores?size=100')
    const banlieue = stores.body.items.find((store) => store.nom === 'Magasin Banlieue')
    assert.equal(new URL(clerk.url()).pathname, `/magasins/${banlieue?.id}/caisses`, 'then the new clerk lands at their store')
    await admin.goto(`/utilisateurs?q=${username}&role=clerk`)
    await ready(admin)
    await expectText(admin.getByTestId('users-table'), 'Magasin Banlieue')
    assert.equal(await admin.getByTestId('must-change-password').count(), 0, 'the list no longer flags the clerk once they chose their own')
    for (const path of ['/produits', '/produits/nouveau', `/produits/${productId}`, '/categories', '/utilisateurs', '/jetons']) {
      await expectForbidden(clerk, path)
    }
    // The actions are guarded too, not only the pages: a valid form post from a clerk is refused.
    const csrf = await clerk.locator('input[name="csrf"]').first().getAttribute('value')
    const post = await clerk.context().request.post('/produits/nouveau', {
      form: { csrf: csrf ?? '', intent: 'save', nom: 'Intrus', categorie_id: '1', prix: '1' },
      maxRedirects: 0,
    })
    assert.equal(post.status(), 403)

    // Deactivating the account ends the clerk's session at once (the API revokes its tokens).
    await admin.goto(`/utilisateurs/${userId}`)
    await ready(admin)
    await confirm(admin, admin.locator('main'), 'Désactiver le compte…', 'Oui, désactiver le compte')
    await expectText(admin.getByRole('status').first(), `Compte ${username} désactivé.`)
    await clerk.goto(`/magasins/${banlieue?.id}/caisses`)
    assert.equal(new URL(clerk.url()).pathname, '/connexion', 'the deactivated clerk is signed out')
  })

  test('on their own page an administrator’s role is shown, not offered; the other fields still save', async () => {
    const users = await api<{ items: { id: number; nom_utilisateur: string; nom_complet: string }[] }>('GET', '/users?search=admin&size=100')
    const me = users.body.items.find((user) => user.nom_utilisateur === 'admin')!
    try {
      await admin.goto(`/utilisateurs/${me.id}`)
      await ready(admin)
      // It looked editable, and saving was refused (« un administrateur ne peut pas se retirer ses propres droits »).
      const role = admin.getByLabel('Rôle', { exact: true })
      assert.equal(await role.isDisabled(), true, 'the role is not offered')
      assert.equal(await role.inputValue(), 'admin')
      await expectText(admin.locator(`#${await role.getAttribute('aria-describedby')}`), 'Vous ne pouvez pas changer votre propre rôle')
      await admin.getByLabel('Nom complet').fill(`${me.nom_complet} ${RUN}`)
      await press(admin, 'Enregistrer')
      await expectText(admin.getByRole('status').first(), 'Compte admin enregistré.')
      const saved = await api<{ nom_complet: string; role: string }>('GET', `/users/${me.id}`)
      assert.equal(saved.body.nom_complet, `${me.nom_complet} ${RUN}`)
      assert.equal(saved.body.role, 'admin')
    } finally {
      await api('PATCH', `/users/${me.id}`, { nom_complet: me.nom_complet })
    }
  })

  // « Toutes les catég » (the products' category filter) and « Magasin Centr » (a user's store) at desktop widths.
  test('select boxes are as wide as their longest choice', async () => {
    const cutOff = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('main select')].flatMap((select) => {
          // The same select at its own width (its longest option), compared with the one on the page.
          const copy = select.cloneNode(true) as HTMLSelectElement
          copy.style.width = 'auto'
          copy.style.position = 'absolute'
          document.body.append(copy)
          const needed = copy.getBoundingClientRect().width
          copy.remove()
          const width = select.getBoundingClientRect().width
          return width + 0.5 < needed ? [`${select.getAttribute('name')}: ${Math.round(width)} < ${Math.round(needed)} px`] : []
        })
      )
    const store = (await api<{ items: { id: number; nom_utilisateur: string }[] }>('GET', '/users?search=caissier1')).body.items[0]!
    for (const width of [1280, 1366]) {
      for (const [page, path] of [
        [manager, '/produits'],
        [admin, `/utilisateurs/${store.id}`],
      ] as const) {
        await page.setViewportSize({ width, height: 900 })
        await page.goto(path)
        await ready(page)
        assert.deepEqual(await cutOff(page), [], `${path} at ${width} px`)
      }
    }
    for (const page of [manager, admin]) await page.setViewportSize({ width: 1280, height: 900 })
  })

  test('an administrator creates an API token: shown once, never in a URL; it works, then revoked it gets 401', async () => {
    const name = `e2e-jeton-${RUN}`.toLowerCase()
    await admin.goto('/jetons/nouveau')
    await ready(admin)
    await admin.getByLabel('Nom').fill(name)
    await admin.getByLabel('Lecture').check()
    // Valid through 30 June 2099: it stops at midnight at the end of that day in Montréal (EDT).
    await admin.getByLabel('Dernier jour de validité').fill('2099-06-30')
    await Promise.all([admin.waitForURL((url) => url.pathname === '/jetons'), admin.getByRole('button', { name: 'Créer le jeton' }).click()])
    await ready(admin)
    // Said once, by the box that shows the secret: a green notice « Jeton … créé. » above it said it again.
    await expectText(admin.getByTestId('new-token'), `Jeton « ${name} » créé`)
    assert.equal(await admin.getByRole('status').filter({ hasText: name }).count(), 0, 'no notice besides the box')
    const secret = await admin.getByTestId('new-token').getByLabel('Jeton').inputValue()
    const listed = await api<{ items: { nom: string; expire_le: string | null }[] }>('GET', `/tokens?search=${encodeURIComponent(name)}`)
    assert.equal(listed.body.items[0]?.expire_le, '2099-07-01T04:00:00.000Z')
    assert.match(secret, /^cpt_/)
    assert.doesNotMatch(admin.url(), /cpt_/, 'the token is not in the URL')
    const cookies = await admin.context().cookies()
    assert.ok(cookies.every((cookie) => !cookie.value.includes(secret)), 'nor readable in a cookie')
    const copy = admin.getByTestId('new-token').getByRole('button', { name: 'Copier' })
    if (JS_ENABLED) {
      await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await copy.click()
      await expectText(admin.getByTestId('new-token').getByRole('status'), 'Copié dans le presse-papiers.')
      assert.equal(await admin.evaluate(() => navigator.clipboard.readText()), secret, 'the secret is in the clipboard')
    } else {
      assert.equal(await copy.count(), 0, 'no button that could not work')
    }

    const read = await fetch(`${API}/api/v1/products?size=1`, { headers: { 'X-API-Token': secret } })
    assert.equal(read.status, 200, 'the new token reads the API')
    const write = await fetch(`${API}/api/v1/categories`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ nom: `Interdit ${RUN}` }),
    })
    assert.equal(write.status, 403, 'a read-only token cannot write')

    await admin.reload()
    await ready(admin)
    assert.equal(await admin.getByTestId('new-token').count(), 0, 'shown once only')
    assert.ok(!(await admin.content()).includes(secret))

    const row = admin.getByTestId('tokens-table').getByRole('row', { name: new RegExp(name) })
    await expectText(row, 'Actif')
    await confirm(admin, row, 'Révoquer…', 'Oui, révoquer')
    await expectText(admin.getByRole('status').first(), `Jeton ${name} révoqué.`)
    await expectText(admin.getByTestId('tokens-table').getByRole('row', { name: new RegExp(name) }), 'Révoqué')
    const revoked = await fetch(`${API}/api/v1/products?size=1`, { headers: { 'X-API-Token': secret } })
    assert.equal(revoked.status, 401, 'a revoked token is refused')
    assert.deepEqual(stage.dialogs, [], 'no dialog opened in any of these pages')
  })
})
