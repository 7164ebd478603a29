// Management pages end to end, in a real browser against the real web
// server, API and database, with JavaScript on and off (E2E_JS): a manager
// runs the catalogue (products, categories), an administrator the accounts
// and the integration tokens, and each role is kept out of the others' pages.
// Names are unique per run: both modes (and reruns) share one database.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import {
  API,
  JS_ENABLED,
  RUN,
  Stage,
  XSS_NAME,
  confirm,
  describeFlows,
  expectForbidden,
  expectText,
  press,
  ready,
  signIn,
  textOf,
  until,
} from './support.ts'

interface ProductWire {
  id: number
  code: string
  nom: string
  prix: string
  actif: boolean
  description: string | null
}

/** The name of the focused field (with JavaScript off, `autofocus` put it there). */
async function focusedField(page: Page): Promise<string | null> {
  return page.locator(':focus').getAttribute('name')
}

describeFlows('catalogue, users and API tokens', () => {
  const stage = new Stage()
  const { api } = stage
  let manager: Page
  let admin: Page
  const productCode = `E2E-${RUN}`
  let productId: number

  before(async () => {
    await stage.open()
    manager = await stage.signedIn('gerant')
    admin = await stage.signedIn('admin')
  })

  after(() => stage.close())

  test('a manager creates a product named like HTML; a bad price is refused on its field, with the focus there', async () => {
    const nav = await textOf(manager.getByRole('navigation', { name: 'Navigation principale' }))
    assert.match(nav, /Produits/)
    assert.doesNotMatch(nav, /Utilisateurs|Jetons/, 'no administrator entries for a manager')
    await manager.goto('/produits')
    await ready(manager)
    await manager.getByRole('link', { name: 'Nouveau produit' }).first().click()
    await manager.waitForURL('**/produits/nouveau')
    await ready(manager)

    await manager.getByLabel('Code (facultatif)').fill(productCode)
    await manager.getByLabel('Nom', { exact: true }).fill(XSS_NAME)
    await manager.getByLabel('Catégorie').selectOption({ label: 'Boissons' })
    await manager.getByLabel('Prix').fill('douze')
    await press(manager, 'Créer le produit')
    await expectText(manager.locator('#new-product-prix-error'), 'Entrez un montant, par exemple 12,50.')
    assert.equal(await manager.getByLabel('Prix').getAttribute('aria-invalid'), 'true')
    assert.equal(await focusedField(manager), 'prix', 'the first field in error has the focus')
    assert.equal(new URL(manager.url()).pathname, '/produits/nouveau')
    assert.equal(await manager.getByLabel('Nom', { exact: true }).inputValue(), XSS_NAME, 'what was typed is kept')
    assert.equal((await api('GET', `/products/by-code/${productCode}`)).status, 404, 'nothing was created')

    await manager.getByLabel('Prix').fill('3,49')
    await Promise.all([manager.waitForURL(/\/produits\/\d+$/), manager.getByRole('button', { name: 'Créer le produit' }).click()])
    await ready(manager)
    productId = Number(/\/produits\/(\d+)$/.exec(manager.url())?.[1])
    await expectText(manager.getByRole('status').first(), `Produit ${XSS_NAME} créé (code ${productCode}).`)
    await expectText(manager.locator('h1'), XSS_NAME)
    const created = await api<ProductWire>('GET', `/products/${productId}`)
    assert.equal(created.status, 200)
    assert.deepEqual([created.body.code, created.body.nom, created.body.prix, created.body.actif], [productCode, XSS_NAME, '3.49', true])
    assert.equal(await manager.locator('img[src="x"]').count(), 0, 'the name is text, not markup')
  })

  test('a code already in use is refused by the API and shown on the code field', async () => {
    await manager.goto('/produits/nouveau')
    await ready(manager)
    await manager.getByLabel('Code (facultatif)').fill('ALI001')
    await manager.getByLabel('Nom', { exact: true }).fill(`Doublon ${RUN}`)
    await manager.getByLabel('Catégorie').selectOption({ label: 'Alimentaire' })
    await manager.getByLabel('Prix').fill('1')
    await press(manager, 'Créer le produit')
    await expectText(manager.locator('#new-product-code-error'), 'Déjà utilisé')
    assert.equal(await focusedField(manager), 'code')
    const matches = await api<{ total: number }>('GET', `/products?search=${encodeURIComponent(`Doublon ${RUN}`)}`)
    assert.equal(matches.body.total, 0)
  })

  test('the manager finds the product in the list, edits its price, then deactivates it', async () => {
    await manager.goto(`/produits?q=${productCode}`)
    await ready(manager)
    const table = manager.getByTestId('products-table')
    await expectText(table, XSS_NAME)
    await expectText(table, '3,49 $')
    await table.getByRole('link', { name: `Modifier ${XSS_NAME}` }).click()
    await manager.waitForURL(`**/produits/${productId}`)
    await ready(manager)

    await manager.getByLabel('Prix').fill('4,25')
    await manager.getByLabel('Description').fill('Pur jus, 1 L')
    await press(manager, 'Enregistrer')
    await expectText(manager.getByRole('status').first(), `Produit ${XSS_NAME} enregistré.`)
    const edited = await api<ProductWire>('GET', `/products/${productId}`)
    assert.deepEqual([edited.body.prix, edited.body.description], ['4.25', 'Pur jus, 1 L'])
    if (JS_ENABLED) {
      // A new mistake found by the browser: « enregistré » no longer reads above it.
      await manager.getByLabel('Prix').fill('')
      await press(manager, 'Enregistrer')
      await expectText(manager.locator('#product-prix-error'), 'Ce champ est obligatoire.')
      assert.equal(await manager.getByText(`Produit ${XSS_NAME} enregistré.`).count(), 0, 'the earlier notice stepped aside')
      await manager.getByLabel('Prix').fill('4,25')
    }

    await confirm(manager, manager.locator('main'), 'Désactiver…', 'Oui, désactiver')
    await expectText(manager.getByRole('status').first(), `Produit ${XSS_NAME} désactivé.`)
    await expectText(manager.locator('h1'), 'Inactif')
    assert.equal((await api<ProductWire>('GET', `/products/${productId}`)).body.actif, false)
    await manager.goto(`/produits?q=${productCode}&statut=inactifs`)
    await expectText(manager.getByTestId('products-table'), XSS_NAME)
    await manager.goto(`/produits?q=${productCode}&statut=actifs`)
    await expectText(manager.locator('main'), 'Aucun produit ne correspond à ces filtres.')
    assert.equal(await manager.locator('img[src="x"]').count(), 0)
    assert.deepEqual(stage.dialogs, [], 'no alert() ran')
  })

  test('two tabs on one product: a save keeps what the other tab saved; one field changed both ways is refused', async () => {
    const other = await manager.context().newPage()
    for (const tab of [manager, other]) {
      await tab.goto(`/produits/${productId}`)
      await ready(tab)
    }
    await manager.getByLabel('Prix').fill('5,10')
    await press(manager, 'Enregistrer')
    await expectText(manager.getByRole('status').first(), `Produit ${XSS_NAME} enregistré.`)
    // The other tab still shows 4,25 $: saving its description must not bring that price back.
    await other.getByLabel('Description').fill('Pur jus, 2 L')
    await press(other, 'Enregistrer')
    await expectText(other.getByRole('status').first(), `Produit ${XSS_NAME} enregistré.`)
    let saved = (await api<ProductWire>('GET', `/products/${productId}`)).body
    assert.deepEqual([saved.prix, saved.description], ['5.10', 'Pur jus, 2 L'])

    // Both change the price: the later save is refused on the field, which names the price now.
    await other.goto(`/produits/${productId}`)
    await ready(other)
    await manager.getByLabel('Prix').fill('5,20')
    await press(manager, 'Enregistrer')
    await other.getByLabel('Prix').fill('5,30')
    await press(other, 'Enregistrer')
    await expectText(other.locator('#product-prix-error'), 'Modifié entre-temps par quelqu’un d’autre : c’est maintenant « 5,20 ».')
    assert.equal(await other.getByLabel('Prix').inputValue(), '5,30', 'the value typed is kept')
    assert.equal((await api<ProductWire>('GET', `/products/${productId}`)).body.prix, '5.20')
    // Saved again, on purpose: it goes through.
    await press(other, 'Enregistrer')
    await expectText(other.getByRole('status').first(), `Produit ${XSS_NAME} enregistré.`)
    saved = (await api<ProductWire>('GET', `/products/${productId}`)).body
    assert.deepEqual([saved.prix, saved.description], ['5.30', 'Pur jus, 2 L'])
    await other.close()
  })

  test('a product with history cannot be deleted: the API’s 409 is a readable message', async () => {
    const pain = await api<ProductWire>('GET', '/products/by-code/ALI001')
    await manager.goto(`/produits/${pain.body.id}`)
    await ready(manager)
    await confirm(manager, manager.locator('main'), 'Supprimer…', 'Oui, supprimer')
    await expectText(manager.getByRole('alert').first(), 'Ce produit a un historique')
    assert.equal((await api('GET', `/products/${pain.body.id}`)).status, 200, 'still there')
  })

  test('an unknown or malformed product id is a 404 page, not a crash (the original’s edit page answered 500)', async () => {
    for (const path of ['/produits/999999999', '/produits/abc', '/produit/modifier/999999999']) {
      const response = await manager.goto(path)
      assert.equal(response?.status(), 404, path)
      await expectText(manager.locator('h1'), 'Page introuvable')
    }
    const old = await manager.goto('/produit/')
    assert.equal(new URL(manager.url()).pathname, '/produits', 'the original’s /produit/ leads to the products')
    assert.equal(old?.status(), 200)
  })

  test('categories: created, refused while products use one (409), deleted', async () => {
    const name = `Catégorie E2E ${RUN}`
    await manager.goto('/categories')
    await ready(manager)
    const form = manager.locator('form', { has: manager.getByRole('button', { name: 'Créer la catégorie' }) })
    await form.getByLabel('Nom').fill(name)
    await form.getByLabel('Description').fill('Créée par les tests de bout en bout')
    await press(manager, 'Créer la catégorie')
    await expectText(manager.getByRole('status').first(), `Catégorie ${name} créée.`)
    if (JS_ENABLED) {
      // The form was drawn anew: the focus goes to the page's content (its notice first), not to <body>,
      // from where the next Tab started over at the menu.
      await until(async () => (await manager.evaluate(() => document.activeElement?.id)) === 'contenu', 'the focus on the content')
    }
    const table = manager.getByTestId('categories-table')
    await expectText(table, name)

    const used = table.getByRole('row', { name: /Boissons/ })
    await confirm(manager, used, 'Supprimer…', 'Oui, supprimer')
    await expectText(manager.getByRole('alert').first(), 'Des produits utilisent la catégorie « Boissons »')
    // The focus on the refusal (it stayed on the page's body with JavaScript), so it is read and its link is next.
    const focused = () => manager.evaluate(() => (document.activeElement?.getAttribute('role') === 'alert' ? document.activeElement.textContent : null))
    await until(async () => ((await focused()) ?? '').includes('Des produits utilisent la catégorie « Boissons »'), 'the focus on the refusal')
    // Said above the table: in the row, the message squeezed every column to a letter's width.
    const columns = await table.evaluate((element) => [element.scrollWidth, element.parentElement?.clientWidth ?? 0])
    assert.ok(columns[0]! <= columns[1]!, `the table keeps its width (${columns.join(' > ')})`)
    // The refusal leads to the products to move: the products list of that category.
    const boissons = (await api<{ items: { id: number; nom: string }[] }>('GET', '/categories?search=Boissons')).body.items[0]!
    const toProducts = manager.getByRole('alert').first().getByRole('link', { name: 'Voir ses produits' })
    assert.equal(await toProducts.getAttribute('href'), `/produits?categorie=${boissons.id}`)

    const mine = manager.getByTestId('categories-table').getByRole('row', { name: new RegExp(name) })
    await confirm(manager, mine, 'Supprimer…', 'Oui, supprimer')
    await expectText(manager.getByRole('status').first(), `Catégorie ${name} supprimée.`)
    assert.equal(await manager.getByTestId('categories-table').getByText(name).count(), 0)
    const left = await api<{ total: number }>('GET', `/categories?search=${encodeURIComponent(name)}`)
    assert.equal(left.body.total, 0)
  })

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
