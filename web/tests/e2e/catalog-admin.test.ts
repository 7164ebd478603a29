// The catalogue's management pages end to end, in a real browser against the
// real web server, API and database, with JavaScript on and off (E2E_JS): a
// manager runs the products (created, refused, edited from two tabs,
// deactivated) and the categories. The accounts and the integration tokens
// are users-and-tokens.test.ts. Names are unique per run: both modes (and
// reruns) share one database.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import type { Page } from 'playwright-core'

import { JS_ENABLED, RUN, Stage, XSS_NAME, confirm, describeFlows, expectText, focusedField, press, ready, textOf, until } from './support.ts'

interface ProductWire {
  id: number
  code: string
  nom: string
  prix: string
  actif: boolean
  description: string | null
}

describeFlows('the catalogue: products and categories', () => {
  const stage = new Stage()
  const { api } = stage
  let manager: Page
  const productCode = `E2E-${RUN}`
  let productId: number

  before(async () => {
    await stage.open()
    manager = await stage.signedIn('gerant')
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

  test('a code already in use is refused on the code field, naming the product that has it, with a link to it', async () => {
    const holder = (await api<ProductWire>('GET', '/products/by-code/ALI001')).body
    const takenBy = `Déjà utilisé par ${holder.nom} (${holder.code})`
    await manager.goto('/produits/nouveau')
    await ready(manager)
    await manager.getByLabel('Code (facultatif)').fill('ali001')
    await manager.getByLabel('Nom', { exact: true }).fill(`Doublon ${RUN}`)
    await manager.getByLabel('Catégorie').selectOption({ label: 'Alimentaire' })
    await manager.getByLabel('Prix').fill('1')
    await press(manager, 'Créer le produit')
    await expectText(manager.locator('#new-product-code-error'), takenBy)
    assert.equal(await focusedField(manager), 'code')
    const matches = await api<{ total: number }>('GET', `/products?search=${encodeURIComponent(`Doublon ${RUN}`)}`)
    assert.equal(matches.body.total, 0)

    // Editing another product: the same words, and the link opens the product that has the code.
    await manager.goto(`/produits/${productId}`)
    await ready(manager)
    await manager.getByLabel('Code', { exact: true }).fill(holder.code)
    await press(manager, 'Enregistrer')
    await expectText(manager.locator('#product-code-error'), takenBy)
    assert.equal((await api<ProductWire>('GET', `/products/${productId}`)).body.code, productCode, 'nothing was saved')
    await Promise.all([manager.waitForURL(`**/produits/${holder.id}`), manager.locator('#product-code-error').getByRole('link', { name: takenBy }).click()])
    await ready(manager)
    await expectText(manager.locator('h1'), holder.nom)
  })

  test('a price of 0.00 is asked to be confirmed: a free product is a choice, not a slip', async () => {
    const name = `Échantillon ${RUN}`
    const freeBox = 'Gratuit : vendre ce produit sans le faire payer'
    await manager.goto('/produits/nouveau')
    await ready(manager)
    assert.equal(await manager.getByLabel(freeBox).count(), 0, 'no box while the price is not 0')
    await manager.getByLabel('Nom', { exact: true }).fill(name)
    await manager.getByLabel('Catégorie').selectOption({ label: 'Alimentaire' })
    await manager.getByLabel('Prix').fill('0')
    await press(manager, 'Créer le produit')
    await expectText(manager.locator('#new-product-prix_nul-error'), 'Un prix de 0,00 $ rend ce produit gratuit à la caisse')
    assert.equal(await focusedField(manager), 'prix_nul')
    assert.equal((await api<{ total: number }>('GET', `/products?search=${encodeURIComponent(name)}`)).body.total, 0, 'nothing created')
    await manager.getByLabel(freeBox).check()
    await Promise.all([manager.waitForURL(/\/produits\/\d+$/), manager.getByRole('button', { name: 'Créer le produit' }).click()])
    await ready(manager)
    const freeId = Number(/\/produits\/(\d+)$/.exec(manager.url())?.[1])
    assert.equal((await api<ProductWire>('GET', `/products/${freeId}`)).body.prix, '0.00')
    // Already free: its page shows the box ticked, so saving it again asks nothing.
    assert.equal(await manager.getByLabel(freeBox).isChecked(), true)
    await manager.getByLabel('Nom', { exact: true }).fill(`${name} (offert)`)
    await press(manager, 'Enregistrer')
    await until(async () => (await api<ProductWire>('GET', `/products/${freeId}`)).body.nom === `${name} (offert)`, 'the free product saved')
    await api('PATCH', `/products/${freeId}`, { actif: false })
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
    assert.deepEqual(stage.dialogs, [], 'no dialog opened in any of these pages')
  })
})
