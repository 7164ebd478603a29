import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import { createApiClient, type ApiClient } from '../../app/lib/api/client.server.ts'
import { createToken } from '../../app/lib/access/tokens.server.ts'
import { createUser, updateUser } from '../../app/lib/access/users.server.ts'
import { createProduct, productFilters, updateProduct } from '../../app/lib/catalog/products.server.ts'
import { parseProduct, type ProductInput } from '../../app/lib/forms/catalog.ts'

// A real HTTP server stands in for the API and records what the pages' writes send.
let server: Server
let api: ApiClient
const received: { method: string; url: string; body: unknown }[] = []
const idempotencyKeys: (string | undefined)[] = []

const product = { id: 5, code: 'BOI006', nom: 'Jus', description: null, prix: '3.49', quantite_stock: 0, categorie_id: 2, code_barre: null, actif: true }

before(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body: body ? JSON.parse(body) : undefined })
      idempotencyKeys.push(req.headers['idempotency-key'] as string | undefined)
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(req.url?.startsWith('/api/v1/tokens') ? { id: 3, nom: 'erp', token: 'cpt_x' } : product))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

function last() {
  const request = received.at(-1)
  assert.ok(request, 'the API was called')
  return request
}

function parsed(fields: Record<string, string>, creating: boolean): ProductInput {
  const result = parseProduct(fields, { creating })
  assert.ok(result.ok)
  return result.value
}

describe('what the management pages send to the API', () => {
  test('a new product: the typed dollars as the API’s decimal string, no code when left empty', async () => {
    const form = new FormData()
    form.set('cle', 'web-0b6f1c2e-7d4a-4f7e')
    await createProduct(api, parsed({ nom: 'Jus', categorie_id: '2', prix: '3,49', quantite_stock: '12' }, true), form)
    assert.deepEqual(last(), {
      method: 'POST',
      url: '/api/v1/products',
      body: { nom: 'Jus', description: null, prix: '3.49', categorie_id: 2, code_barre: null, quantite_stock: 12 },
    })
    assert.equal(idempotencyKeys.at(-1), 'web-0b6f1c2e-7d4a-4f7e', 'the key rendered with the form travels as Idempotency-Key')
    // A form rendered before keys existed still creates (without the header).
    await createProduct(api, parsed({ nom: 'Jus', categorie_id: '2', prix: '3,49' }, true), new FormData())
    assert.equal(idempotencyKeys.at(-1), undefined)
  })

  test('an edit is a PATCH of the editable fields: emptied ones are cleared, never the stock', async () => {
    const fields = ['code', 'nom', 'categorie_id', 'prix', 'code_barre', 'quantite_stock', 'description']
    await updateProduct(api, 5, parsed({ code: 'BOI006', nom: 'Jus', categorie_id: '2', prix: '0,5', quantite_stock: '99' }, false), fields)
    assert.deepEqual(last(), {
      method: 'PATCH',
      url: '/api/v1/products/5',
      body: { nom: 'Jus', description: null, prix: '0.50', categorie_id: 2, code_barre: null, code: 'BOI006' },
    })
  })

  test('an edit that changed one field sends that field only (another tab may have changed the others)', async () => {
    await updateProduct(api, 5, parsed({ code: 'BOI006', nom: 'Jus renommé', categorie_id: '2', prix: '0,5' }, false), ['nom'])
    assert.deepEqual(last().body, { nom: 'Jus renommé' })
  })

  test('users: a manager has no store; an edit without a new password sends none', async () => {
    await createUser(api, { username: 'gerant2', fullName: 'G', email: 'g@x.ca', role: 'manager', storeId: null, password: 'une-phrase-de-passe' }, new FormData())
    assert.deepEqual(last().body, { nom_utilisateur: 'gerant2', nom_complet: 'G', email: 'g@x.ca', role: 'manager', magasin_id: null, mot_de_passe: 'une-phrase-de-passe' })
    const all = ['nom_utilisateur', 'nom_complet', 'email', 'role', 'magasin_id']
    await updateUser(api, 8, { username: 'caissier9', fullName: 'C', email: 'c@x.ca', role: 'clerk', storeId: 2, password: null }, all)
    assert.deepEqual(last(), {
      method: 'PATCH',
      url: '/api/v1/users/8',
      body: { nom_utilisateur: 'caissier9', nom_complet: 'C', email: 'c@x.ca', role: 'clerk', magasin_id: 2 },
    })
    // Only the changed fields, and a new password whatever changed.
    await updateUser(api, 8, { username: 'caissier9', fullName: 'C', email: 'c@x.ca', role: 'clerk', storeId: 2, password: 'une-autre-phrase' }, ['email'])
    assert.deepEqual(last().body, { email: 'c@x.ca', mot_de_passe: 'une-autre-phrase' })
  })

  test('tokens: the last day is sent as a day (the API makes it last to that day’s end, in the stores’ time zone)', async () => {
    await createToken(api, { name: 'erp', scopes: ['read', 'reports'], lastDay: '2026-06-30' }, new FormData())
    assert.deepEqual(last().body, { nom: 'erp', scopes: ['read', 'reports'], expire_le: '2026-06-30' })
    await createToken(api, { name: 'erp', scopes: ['read'], lastDay: null }, new FormData())
    assert.deepEqual(last().body, { nom: 'erp', scopes: ['read'] })
  })

  test('tokens: the creation form’s key is the Idempotency-Key, so a second copy mints no second token', async () => {
    const form = new FormData()
    form.set('cle', 'web-3f2b7c1e-0d4a-4e8b-9a77-5c1d2e3f4a5b')
    await createToken(api, { name: 'erp', scopes: ['read'], lastDay: null }, form)
    assert.equal(idempotencyKeys.at(-1), 'web-3f2b7c1e-0d4a-4e8b-9a77-5c1d2e3f4a5b')
    await createToken(api, { name: 'erp', scopes: ['read'], lastDay: null }, new FormData())
    assert.equal(idempotencyKeys.at(-1), undefined, 'a form rendered before keys existed sends none')
  })
})

describe('the products list reads its query string safely', () => {
  test('known values pass, anything odd falls back to the default', () => {
    assert.deepEqual(productFilters(new URL('http://web.test/produits?q=+jus+&categorie=2&statut=inactifs&tri=prix_desc&page=3')), {
      search: 'jus',
      categoryId: 2,
      status: 'inactifs',
      sort: 'prix_desc',
      page: 3,
    })
    assert.deepEqual(productFilters(new URL('http://web.test/produits?categorie=abc&statut=%3Cx%3E&tri=password&page=-1')), {
      search: '',
      categoryId: null,
      status: 'tous',
      sort: 'code',
      page: 1,
    })
  })
})
