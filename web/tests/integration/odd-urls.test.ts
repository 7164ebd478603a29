// Addresses edited by hand, cut, or forged: the page shows without the odd
// part (README: "anything odd in the URL… never an error page"). Each value
// here used to reach the API, which refused it (422: an id beyond its range,
// a NUL character), and the page became a 502. Plain HTTP, signed in as the
// admin, who may open every one of these pages.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { baseUrl, signedInAs } from './browserless.ts'

const NUL = 'a%00b'

if (baseUrl) {
  describe('odd values in the URL never give an error page', () => {
    test('the returns page with a sale or return id the API cannot read', async () => {
      const client = await signedInAs('admin')
      for (const query of ['?vente=-1', '?vente=99999999999', '?vente=0', '?vente=1e3', '?retour=-5', '?retour=99999999999', `?recu=${NUL}`]) {
        const response = await client.fetch(`/caisses/1/retours${query}`)
        assert.equal(response.status, 200, query)
        await response.arrayBuffer()
      }
    })

    test('an unknown sale id in range reads "not found", like an unknown receipt number', async () => {
      const client = await signedInAs('admin')
      const response = await client.fetch('/caisses/1/retours?vente=999999999')
      assert.equal(response.status, 200)
      const html = await response.text()
      assert.match(html, /Aucune vente ne porte le numéro\D+999999999/)
    })

    test('a search holding a NUL character, on every page that searches', async () => {
      const client = await signedInAs('admin')
      for (const path of [
        `/produits?q=${NUL}`,
        `/categories?q=${NUL}`,
        `/utilisateurs?q=${NUL}`,
        `/magasins/1/stock?q=${NUL}`,
        `/caisses/1/vente?q=${NUL}`,
        `/entrepot?q=${NUL}`,
        // A product code looked up by the page (the receipt form, the ledger's filter).
        `/entrepot?reception=${NUL}`,
        `/entrepot/mouvements?produit=${NUL}`,
        `/magasins/1/stock/mouvements?produit=${NUL}`,
      ]) {
        const response = await client.fetch(path)
        assert.equal(response.status, 200, path)
        await response.arrayBuffer()
      }
    })

    test('a page past the end of a list that has items says where it ends, not "nothing yet"', async () => {
      const client = await signedInAs('admin')
      // Lists the seed fills: their "nothing yet" sentence would be false past the end.
      for (const [path, nothingYet] of [
        ['/produits', 'Aucun produit pour le moment'],
        ['/categories', 'Aucune catégorie pour le moment'],
        ['/utilisateurs', 'Aucun utilisateur.'],
        ['/entrepot', 'n&#x27;a aucun produit'],
      ] as const) {
        const response = await client.fetch(`${path}?page=99999`)
        assert.equal(response.status, 200, path)
        const html = await response.text()
        assert.ok(!html.includes(nothingYet), `${path}: "${nothingYet}"`)
        assert.match(html, /Cette page est vide : la liste s’arrête à la page \d+\./, path)
        assert.match(html, new RegExp(`href="${path}(\\?page=\\d+)?"[^>]*>Aller à la dernière page<`), path)
      }
    })

    test('a CSV download that cannot be made says why in words (a resource route has no error page)', async () => {
      const admin = await signedInAs('admin')
      for (const path of ['/rapports/csv/inconnu', '/rapports/csv/ventes?magasin=999999', '/rapports/csv/inventaire?magasin=999999']) {
        const response = await admin.fetch(path)
        assert.equal(response.status, 404, path)
        assert.match(await response.text(), /^Page introuvable\n/, path)
      }
      const clerk = await signedInAs('caissier1')
      const refused = await clerk.fetch('/rapports/csv/ventes')
      assert.equal(refused.status, 403)
      assert.match(await refused.text(), /^Accès refusé\n/)
    })
  })
}
