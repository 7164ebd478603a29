import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { contract } from '#tests/helpers/openapi_contract'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { makeUser, PASSWORD, uniqueIp } from '#tests/functional/access/helpers'
import http from 'node:http'
import type { ApiResponse } from '@japa/api-client'
import { send } from '#tests/functional/fuzz/http_sender'

/** A request sent byte for byte (a body no HTTP client would send), read back as the contract check reads responses. */
async function rawRequest(method: string, target: string, headers: Record<string, string>, body?: string) {
  const host = !process.env.HOST || process.env.HOST === '0.0.0.0' ? '127.0.0.1' : process.env.HOST
  const agent = new http.Agent({ keepAlive: false })
  const operation = { operation: 'contract', method, target, headers, body, defect: '', principal: 'none' as const }
  const response = await send(new URL(`http://${host}:${process.env.PORT}`), agent, operation).finally(() => agent.destroy())
  return { status: () => response.status, text: () => response.text, body: () => JSON.parse(response.text) } as unknown as ApiResponse
}

/*
 * Real responses checked against the schemas the OpenAPI document gives for
 * their status (strictly: an undocumented field fails). The sales, stock and
 * report flows have their own contract specs in their modules.
 */
test.group('OpenAPI contract: operations, catalogue, stores, access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('health, error catalogue, this document and the cache routes', async ({ client }) => {
    const doc = await contract(client)
    doc.assertResponse(await client.get('/health'), 'GET /health', 200)
    doc.assertResponse(await client.get('/api/v1/errors'), 'GET /api/v1/errors', 200)
    doc.assertResponse(await client.get('/api/v1/openapi.json'), 'GET /api/v1/openapi.json', 200)
    const admin = await tokenWith(['read', 'admin'])
    doc.assertResponse(await client.get('/api/v1/cache/stats').header('x-api-token', admin), 'GET /api/v1/cache/stats', 200)
    const cleared = await client.post('/api/v1/cache/clear').qs({ pattern: 'products*' }).header('x-api-token', admin)
    doc.assertResponse(cleared, 'POST /api/v1/cache/clear', 200)
    const unsupported = await client.delete('/api/v1/cache/clear').qs({ pattern: 'clients*' }).header('x-api-token', admin)
    doc.assertResponse(unsupported, 'DELETE /api/v1/cache/clear', 422)
  })

  test('products and categories: reads, writes and their conflicts', async ({ client }) => {
    const doc = await contract(client)
    const { token } = await signedIn('manager')
    const as = <T extends { header(name: string, value: string): T }>(request: T) => request.header('x-api-token', token)

    doc.assertResponse(await as(client.get('/api/v1/products').qs({ size: 3, sort: 'prix,desc' })), 'GET /api/v1/products', 200)
    doc.assertResponse(await as(client.get('/api/v1/products/1')), 'GET /api/v1/products/{id}', 200)
    doc.assertResponse(await as(client.get('/api/v1/products/by-code/ALI001')), 'GET /api/v1/products/by-code/{code}', 200)
    doc.assertResponse(await as(client.get('/api/v1/products/low-stock').qs({ threshold: 5000 })), 'GET /api/v1/products/low-stock', 200)

    const created = await as(client.post('/api/v1/products')).json({ nom: 'Riz basmati', prix: '3.49', categorie_id: 1, quantite_stock: 20 })
    doc.assertResponse(created, 'POST /api/v1/products', 201)
    const id = created.body().id
    doc.assertResponse(await as(client.patch(`/api/v1/products/${id}`)).json({ prix: 3.59 }), 'PATCH /api/v1/products/{id}', 200)
    const replace = { code: created.body().code, nom: 'Riz basmati 2 kg', prix: '6.49', categorie_id: 1 }
    doc.assertResponse(await as(client.put(`/api/v1/products/${id}`)).json(replace), 'PUT /api/v1/products/{id}', 200)
    doc.assertResponse(await as(client.post(`/api/v1/products/${id}/reduce-stock`).qs({ quantity: 2 })), 'POST /api/v1/products/{id}/reduce-stock', 200)
    const duplicate = await as(client.post('/api/v1/products')).json({ code: 'ALI001', nom: 'Pain', prix: 1, categorie_id: 1 })
    doc.assertResponse(duplicate, 'POST /api/v1/products', 409)
    doc.assertResponse(await as(client.delete(`/api/v1/products/${id}`)), 'DELETE /api/v1/products/{id}', 409)

    doc.assertResponse(await as(client.get('/api/v1/categories')), 'GET /api/v1/categories', 200)
    doc.assertResponse(await as(client.get('/api/v1/categories/1')), 'GET /api/v1/categories/{id}', 200)
    const category = await as(client.post('/api/v1/categories')).json({ nom: 'Surgelés', description: 'Produits congelés' })
    doc.assertResponse(category, 'POST /api/v1/categories', 201)
    const categoryId = category.body().id
    doc.assertResponse(await as(client.patch(`/api/v1/categories/${categoryId}`)).json({ description: null }), 'PATCH /api/v1/categories/{id}', 200)
    doc.assertResponse(await as(client.put(`/api/v1/categories/${categoryId}`)).json({ nom: 'Produits surgelés' }), 'PUT /api/v1/categories/{id}', 200)
    doc.assertResponse(await as(client.delete(`/api/v1/categories/${categoryId}`)), 'DELETE /api/v1/categories/{id}', 200)
    doc.assertResponse(await as(client.delete('/api/v1/categories/1')), 'DELETE /api/v1/categories/{id}', 409)
  })

  test('stores, their registers and stock', async ({ client }) => {
    const doc = await contract(client)
    const { token } = await signedIn('manager')
    const as = <T extends { header(name: string, value: string): T }>(request: T) => request.header('x-api-token', token)

    doc.assertResponse(await as(client.get('/api/v1/stores')), 'GET /api/v1/stores', 200)
    doc.assertResponse(await as(client.get('/api/v1/stores/1')), 'GET /api/v1/stores/{id}', 200)
    doc.assertResponse(await as(client.get('/api/v1/stores/with-contact')), 'GET /api/v1/stores/with-contact', 200)
    doc.assertResponse(await as(client.get('/api/v1/stores/business/complete-contact')), 'GET /api/v1/stores/business/complete-contact', 200)
    doc.assertResponse(await as(client.get('/api/v1/stores/by-name/Magasin%20Nord')), 'GET /api/v1/stores/by-name/{name}', 200)
    doc.assertResponse(await as(client.get('/api/v1/stores/1/registers')), 'GET /api/v1/stores/{id}/registers', 200)
    doc.assertResponse(await as(client.get('/api/v1/stores/1/stock').qs({ size: 5, statut: 'normal' })), 'GET /api/v1/stores/{id}/stock', 200)

    const store = await as(client.post('/api/v1/stores')).json({ nom: 'Magasin Ouest', adresse: '12 Rue de l’Ouest' })
    doc.assertResponse(store, 'POST /api/v1/stores', 201)
    const id = store.body().id
    doc.assertResponse(await as(client.post(`/api/v1/stores/${id}/update-contact`)).json({ telephone: '514-555-0006' }), 'POST /api/v1/stores/{id}/update-contact', 200)
    doc.assertResponse(await as(client.patch(`/api/v1/stores/${id}`)).json({ email: 'ouest@magasin.com' }), 'PATCH /api/v1/stores/{id}', 200)
    doc.assertResponse(await as(client.put(`/api/v1/stores/${id}`)).json({ nom: 'Magasin Ouest-Centre' }), 'PUT /api/v1/stores/{id}', 200)
    doc.assertResponse(await as(client.post('/api/v1/stores')).json({ nom: 'Magasin Nord' }), 'POST /api/v1/stores', 409)
    doc.assertResponse(await as(client.delete(`/api/v1/stores/${id}`)), 'DELETE /api/v1/stores/{id}', 200)
    const register = await as(client.post('/api/v1/stores/1/registers')).json({ nom: 'Caisse libre-service' })
    doc.assertResponse(register, 'POST /api/v1/stores/{id}/registers', 201)
    doc.assertResponse(await as(client.post('/api/v1/stores/1/registers')).json({ numero: 1 }), 'POST /api/v1/stores/{id}/registers', 409)
    doc.assertResponse(await as(client.delete('/api/v1/stores/1')), 'DELETE /api/v1/stores/{id}', 409)
  })

  test('login, the caller, users and integration tokens', async ({ client }) => {
    const doc = await contract(client)
    const user = await makeUser('admin')
    const login = await client.post('/api/v1/auth/login').header('x-forwarded-for', uniqueIp()).json({ identifiant: user.username, mot_de_passe: PASSWORD })
    doc.assertResponse(login, 'POST /api/v1/auth/login', 200)
    const session = login.body().token as string
    const as = <T extends { header(name: string, value: string): T }>(request: T) => request.header('authorization', `Bearer ${session}`)
    doc.assertResponse(await as(client.get('/api/v1/auth/me')), 'GET /api/v1/auth/me', 200)
    doc.assertResponse(await client.get('/api/v1/auth/me').header('x-api-token', await tokenWith(['read'])), 'GET /api/v1/auth/me', 200)

    doc.assertResponse(await as(client.get('/api/v1/users')), 'GET /api/v1/users', 200)
    doc.assertResponse(await as(client.get(`/api/v1/users/${user.id}`)), 'GET /api/v1/users/{id}', 200)
    const body = { nom_utilisateur: 'caissier9', email: 'caissier9@comptoir.local', nom_complet: 'Caissière Neuf', role: 'clerk', magasin_id: 1, mot_de_passe: 'une-phrase-de-passe' }
    const created = await as(client.post('/api/v1/users')).json(body)
    doc.assertResponse(created, 'POST /api/v1/users', 201)
    doc.assertResponse(await as(client.post('/api/v1/users')).json(body), 'POST /api/v1/users', 409)
    doc.assertResponse(await as(client.patch(`/api/v1/users/${created.body().id}`)).json({ nom_complet: 'Caissière Neuf (soir)' }), 'PATCH /api/v1/users/{id}', 200)
    doc.assertResponse(await as(client.patch(`/api/v1/users/${user.id}`)).json({ actif: false }), 'PATCH /api/v1/users/{id}', 409)
    doc.assertResponse(await as(client.delete(`/api/v1/users/${created.body().id}`)), 'DELETE /api/v1/users/{id}', 204)

    const token = await as(client.post('/api/v1/tokens')).json({ nom: 'erp-sync', scopes: ['read', 'reports'] })
    doc.assertResponse(token, 'POST /api/v1/tokens', 201)
    doc.assertResponse(await as(client.get('/api/v1/tokens')), 'GET /api/v1/tokens', 200)
    doc.assertResponse(await as(client.delete(`/api/v1/tokens/${token.body().id}`)), 'DELETE /api/v1/tokens/{id}', 204)
    doc.assertResponse(await as(client.post('/api/v1/auth/logout')), 'POST /api/v1/auth/logout', 204)
  })

  test('the check itself refuses an undocumented field, a missing one and a wrong type', async ({ client, assert }) => {
    const doc = await contract(client)
    const product = (await client.get('/api/v1/products/1').header('x-api-token', await tokenWith(['read']))).body()
    const schema = { $ref: '#/components/schemas/Product' }
    assert.isUndefined(doc.errors(schema, product))
    assert.include(doc.errors(schema, { ...product, stock_magasin: 3 }), 'stock_magasin')
    const withoutPrice = { ...product }
    delete withoutPrice.prix
    assert.include(doc.errors(schema, withoutPrice), 'prix')
    assert.include(doc.errors(schema, { ...product, prix: 1.2 }), '/prix')
  })

  test('the error envelope: 401, 403, 404, 409 and 422 as documented', async ({ client }) => {
    const doc = await contract(client)
    const reader = await tokenWith(['read'])
    doc.assertResponse(await client.get('/api/v1/products'), 'GET /api/v1/products', 401)
    doc.assertResponse(await client.get('/api/v1/products').header('x-api-token', 'cpt_not-a-real-token'), 'GET /api/v1/products', 401)
    doc.assertResponse(await client.post('/api/v1/categories').header('x-api-token', reader).json({ nom: 'X' }), 'POST /api/v1/categories', 403)
    doc.assertResponse(await client.get('/api/v1/products/999999').header('x-api-token', reader), 'GET /api/v1/products/{id}', 404)
    doc.assertResponse(await client.get('/api/v1/products').qs({ size: 'beaucoup' }).header('x-api-token', reader), 'GET /api/v1/products', 422)
    doc.assertResponse(await client.get('/docs/assets/nope.js'), 'GET /docs/assets/{file}', 404)
    const writer = await tokenWith(['read', 'write'])
    doc.assertResponse(await client.post('/api/v1/categories').header('x-api-token', writer).json({ nom: 'Boissons' }), 'POST /api/v1/categories', 409)
    doc.assertResponse(await client.post('/api/v1/categories').header('x-api-token', writer).json({}), 'POST /api/v1/categories', 422)
  })

  test('every operation that reads a body documents its 400, 413, 415 and 422, and answers them as documented', async ({ client, assert }) => {
    const doc = await contract(client)
    const missing: string[] = []
    for (const [path, operations] of Object.entries(doc.document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue
        for (const status of ['400', '413', '415', '422']) {
          const media = operation.responses[status]?.content?.['application/json']
          const typed = (media?.schema as { $ref?: string } | undefined)?.$ref === '#/components/schemas/ErrorEnvelope'
          if (!typed || Object.keys(media?.examples ?? {}).length === 0) missing.push(`${method.toUpperCase()} ${path} ${status}`)
        }
      }
    }
    assert.deepEqual(missing, [], missing.join('\n'))

    const token = await tokenWith(['read', 'write', 'admin'])
    const json = { 'x-api-token': token, 'content-type': 'application/json' }
    doc.assertResponse(await rawRequest('PATCH', '/api/v1/products/1', json, '{"nom":'), 'PATCH /api/v1/products/{id}', 400)
    doc.assertResponse(await rawRequest('POST', '/api/v1/categories', json, JSON.stringify({ nom: 'x'.repeat(300 * 1024) })), 'POST /api/v1/categories', 413)
    doc.assertResponse(await rawRequest('PUT', '/api/v1/stores/1', { 'x-api-token': token, 'content-type': 'text/plain' }, 'nom'), 'PUT /api/v1/stores/{id}', 415)
    doc.assertResponse(await rawRequest('PATCH', '/api/v1/products/1', json, 'null'), 'PATCH /api/v1/products/{id}', 422)
    doc.assertResponse(await rawRequest('POST', '/api/v1/auth/logout', json, '{"all":true}'), 'POST /api/v1/auth/logout', 422)
    doc.assertResponse(await rawRequest('DELETE', '/api/v1/tokens/1', json, '{"x":1}'), 'DELETE /api/v1/tokens/{id}', 422)
  })
})
