// A manager's double click (or a browser re-post, without JavaScript) on the
// warehouse receipt and stock adjustment forms: both copies carry the key the
// page rendered, so the stock moves once. Plain HTTP, as the browser would post.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { type Browserless, baseUrl, credentialsFile, signedInAs } from './browserless.ts'

const apiBase = process.env.API_BASE_URL?.replace(/\/+$/, '')

/** The hidden `cle` of the form posting `intent`, and the page's CSRF token. */
async function formOf(client: Browserless, path: string, intent: string) {
  const html = await (await client.fetch(path)).text()
  const form = html.split('<form').find((chunk) => chunk.includes(`name="intent" value="${intent}"`))
  assert.ok(form, `no ${intent} form on ${path}`)
  const key = /name="cle" value="([^"]+)"/.exec(form)?.[1]
  const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1]
  assert.ok(key && csrf, `the ${intent} form on ${path} carries no Idempotency-Key or CSRF token`)
  return { key, csrf }
}

async function fromApi<T>(path: string): Promise<T> {
  const { apiToken } = JSON.parse(readFileSync(credentialsFile!, 'utf8')) as { apiToken: string }
  const response = await fetch(`${apiBase}${path}`, { headers: { Authorization: `Bearer ${apiToken}` } })
  assert.equal(response.status, 200, path)
  return (await response.json()) as T
}

/** Warehouse movements whose reason contains `marker`, read from the API. */
async function warehouseMovementsMentioning(marker: string) {
  const page = await fromApi<{ items: { motif: string | null }[] }>('/api/v1/stock/movements?entrepot=true&size=100')
  return page.items.filter((movement) => movement.motif?.includes(marker)).length
}

if (baseUrl && apiBase && credentialsFile) {
  describe('a form posted twice writes once (Idempotency-Key rendered with the form)', () => {
    test('warehouse receipt', async () => {
      const client = await signedInAs('gerant')
      const { key, csrf } = await formOf(client, '/entrepot', 'receipt')
      const reference = `BL-double-${Date.now()}`
      const body = { csrf, intent: 'receipt', cle: key, code: 'ALI001', quantite: '3', fournisseur: 'Double clic', reference }
      for (let copy = 0; copy < 2; copy++) {
        const response = await client.fetch('/entrepot', { method: 'POST', body: new URLSearchParams(body) })
        assert.equal(response.status, 302, `copy ${copy + 1} is accepted like the first`)
      }
      assert.equal(await warehouseMovementsMentioning(reference), 1)
      // The next rendering is a new form: the same goods may be received again, on purpose.
      const next = await formOf(client, '/entrepot', 'receipt')
      assert.notEqual(next.key, key)
    })

    test('stock adjustment', async () => {
      const client = await signedInAs('gerant')
      const { key, csrf } = await formOf(client, '/entrepot/mouvements', 'adjust')
      const reason = `Casse double-${Date.now()}`
      const body = { csrf, intent: 'adjust', cle: key, code: 'ALI001', mode: 'variation', quantite: '-1', motif: reason }
      for (let copy = 0; copy < 2; copy++) {
        const response = await client.fetch('/entrepot/mouvements', { method: 'POST', body: new URLSearchParams(body) })
        assert.equal(response.status, 302, `copy ${copy + 1} is accepted like the first`)
      }
      assert.equal(await warehouseMovementsMentioning(reason), 1)
    })

    test('new product without a code (the API would give the second copy the next code)', async () => {
      const client = await signedInAs('gerant')
      const { key, csrf } = await formOf(client, '/produits/nouveau', 'save')
      const name = `Double clic ${Date.now()}`
      const body = { csrf, intent: 'save', cle: key, nom: name, categorie_id: '1', prix: '2,50', quantite_stock: '0' }
      const locations: (string | null)[] = []
      for (let copy = 0; copy < 2; copy++) {
        const response = await client.fetch('/produits/nouveau', { method: 'POST', body: new URLSearchParams(body) })
        assert.equal(response.status, 302, `copy ${copy + 1} is accepted like the first`)
        locations.push(response.headers.get('location'))
      }
      assert.equal(locations[1], locations[0], 'both copies lead to the same product')
      const found = await fromApi<{ items: { nom: string }[] }>(`/api/v1/products?search=${encodeURIComponent(name)}&size=10`)
      assert.equal(found.items.filter((product) => product.nom === name).length, 1)
    })

    test('new category and new account: the second copy leads where the first did, not to « déjà utilisé »', async () => {
      const stamp = Date.now()
      const cases: { account: string; page: string; fields: Record<string, string>; list: string }[] = [
        { account: 'gerant', page: '/categories', fields: { nom: `Double clic ${stamp}` }, list: `/api/v1/categories?search=${stamp}&size=10` },
        {
          account: 'admin',
          page: '/utilisateurs/nouveau',
          fields: { nom_utilisateur: `double.${stamp}`, nom_complet: 'Double Clic', email: `double.${stamp}@comptoir.local`, role: 'manager', mot_de_passe: 'une-phrase-de-passe-2' },
          list: `/api/v1/users?search=double.${stamp}&size=10`,
        },
      ]
      for (const { account, page, fields, list } of cases) {
        const client = await signedInAs(account)
        const { key, csrf } = await formOf(client, page, 'save')
        const locations: (string | null)[] = []
        for (let copy = 0; copy < 2; copy++) {
          const response = await client.fetch(page, { method: 'POST', body: new URLSearchParams({ csrf, intent: 'save', cle: key, ...fields }) })
          assert.equal(response.status, 302, `${page}: copy ${copy + 1} is accepted like the first`)
          locations.push(response.headers.get('location'))
        }
        assert.equal(locations[1], locations[0], `${page}: both copies lead to the same place`)
        assert.equal((await fromApi<{ total: number }>(list)).total, 1, `${page}: one record`)
      }
    })

    test('new API token: one token; the second copy names it, since its secret cannot be shown again', async () => {
      const client = await signedInAs('admin')
      const { key, csrf } = await formOf(client, '/jetons/nouveau', 'save')
      const name = `double-clic-${Date.now()}`
      const body = { csrf, intent: 'save', cle: key, nom: name, scopes: 'read' }
      const first = await client.fetch('/jetons/nouveau', { method: 'POST', body: new URLSearchParams(body) })
      assert.equal(first.status, 302)
      assert.equal(first.headers.get('location'), '/jetons', 'the first copy shows the secret on the list')
      const second = await client.fetch('/jetons/nouveau', { method: 'POST', body: new URLSearchParams(body) })
      assert.equal(second.status, 302, 'the second copy is no error page')

      const found = await fromApi<{ items: { id: number; nom: string }[] }>(`/api/v1/tokens?search=${encodeURIComponent(name)}&size=10`)
      const made = found.items.filter((token) => token.nom === name)
      assert.equal(made.length, 1, 'one token, however many copies')
      assert.equal(second.headers.get('location'), `/jetons?deja_cree=${made[0]!.id}#jeton-${made[0]!.id}`)

      const page = await (await client.fetch(`/jetons?deja_cree=${made[0]!.id}`)).text()
      assert.match(page, new RegExp(`Ce formulaire avait déjà créé le jeton « ${name} »`))
      assert.match(page, /révoquez ce jeton/)
      const row = page.split('<tr').find((chunk) => chunk.includes(`id="jeton-${made[0]!.id}"`))
      assert.ok(row?.includes('data-testid="token-already-created"'), 'the token made by the first copy is marked in the list')
      // The next rendering is a new form: another token may be created on purpose.
      assert.notEqual((await formOf(client, '/jetons/nouveau', 'save')).key, key)
    })
  })
}
