import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { contract } from '#tests/helpers/openapi_contract'
import { signedIn } from '#tests/helpers/actors'

/* Stock and replenishment answers checked against the OpenAPI document's schema for their status. */
test.group('OpenAPI contract: stock and replenishment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('stock reads and writes', async ({ client, assert }) => {
    const doc = await contract(client)
    const { token } = await signedIn('manager')
    const as = <T extends { header(name: string, value: string): T }>(request: T) => request.header('x-api-token', token)

    doc.assertResponse(await as(client.get('/api/v1/warehouse/stock').qs({ size: 3 })), 'GET /api/v1/warehouse/stock', 200)
    doc.assertResponse(await as(client.get('/api/v1/stock/alerts/count')), 'GET /api/v1/stock/alerts/count', 200)
    const adjusted = await as(client.post('/api/v1/stock/adjustments')).json({ magasin_id: 1, produit_id: 1, quantite: -2, motif: 'Casse' })
    doc.assertResponse(adjusted, 'POST /api/v1/stock/adjustments', 201)
    const counted = { magasin_id: 1, produit_id: 1, nouvelle_quantite: adjusted.body().solde_apres, motif: 'Inventaire' }
    doc.assertResponse(await as(client.post('/api/v1/stock/adjustments')).json(counted), 'POST /api/v1/stock/adjustments', 204)
    const short = { magasin_id: 1, produit_id: 1, quantite: -100_000, motif: 'Casse' }
    doc.assertResponse(await as(client.post('/api/v1/stock/adjustments')).json(short), 'POST /api/v1/stock/adjustments', 409)
    const level = { magasin_id: 1, produit_id: 1, seuil_reappro: 500 }
    doc.assertResponse(await as(client.patch('/api/v1/stock/levels')).json(level), 'PATCH /api/v1/stock/levels', 200)
    doc.assertResponse(await as(client.get('/api/v1/stock/alerts').qs({ magasin_id: 1 })), 'GET /api/v1/stock/alerts', 200)
    const suggestions = await as(client.get('/api/v1/replenishments/suggestions').qs({ magasin_id: 1 }))
    doc.assertResponse(suggestions, 'GET /api/v1/replenishments/suggestions', 200)
    assert.isAbove(suggestions.body().total, 0)
    const receipt = { fournisseur: 'Boulangerie Leclerc', reference: 'BL-2026-0042', lignes: [{ produit_id: 1, quantite: 200 }] }
    doc.assertResponse(await as(client.post('/api/v1/warehouse/receipts')).json(receipt), 'POST /api/v1/warehouse/receipts', 201)
    doc.assertResponse(await as(client.get('/api/v1/stock/movements').qs({ produit_id: 1, size: 5 })), 'GET /api/v1/stock/movements', 200)
    doc.assertResponse(await as(client.post('/api/v1/stock/adjustments')).json({ ...short, produit_id: 999999 }), 'POST /api/v1/stock/adjustments', 404)
  })

  test('a request from creation to delivery, a refusal and a cancellation', async ({ client }) => {
    const doc = await contract(client)
    const manager = await signedIn('manager')
    const clerk = await signedIn('clerk', 1)
    const by = (token: string) => <T extends { header(name: string, value: string): T }>(request: T) => request.header('x-api-token', token)
    const asManager = by(manager.token)
    const asClerk = by(clerk.token)

    const body = { magasin_id: 1, produit_id: 2, quantite: 40, note: 'Week-end de Pâques' }
    const created = await asClerk(client.post('/api/v1/replenishments')).header('idempotency-key', 'reappro-m1-lait-0001').json(body)
    doc.assertResponse(created, 'POST /api/v1/replenishments', 201)
    const id = created.body().id
    const replay = await asClerk(client.post('/api/v1/replenishments')).header('idempotency-key', 'reappro-m1-lait-0001').json(body)
    doc.assertResponse(replay, 'POST /api/v1/replenishments', 200)

    for (const action of ['approve', 'ship'] as const) {
      doc.assertResponse(await asManager(client.post(`/api/v1/replenishments/${id}/${action}`)).json({}), `POST /api/v1/replenishments/{id}/${action}`, 200)
    }
    doc.assertResponse(await asClerk(client.post(`/api/v1/replenishments/${id}/receive`)).json({}), 'POST /api/v1/replenishments/{id}/receive', 200)
    doc.assertResponse(await asManager(client.post(`/api/v1/replenishments/${id}/approve`)).json({}), 'POST /api/v1/replenishments/{id}/approve', 409)
    doc.assertResponse(await asManager(client.get(`/api/v1/replenishments/${id}`)), 'GET /api/v1/replenishments/{id}', 200)
    doc.assertResponse(await asClerk(client.patch(`/api/v1/replenishments/${id}`)).json({ quantite: 41 }), 'PATCH /api/v1/replenishments/{id}', 409)

    const refused = await asClerk(client.post('/api/v1/replenishments')).json({ ...body, quantite: 5 })
    const patch = (quantite: unknown) => asClerk(client.patch(`/api/v1/replenishments/${refused.body().id}`)).json({ quantite })
    doc.assertResponse(await patch(8), 'PATCH /api/v1/replenishments/{id}', 200)
    doc.assertResponse(await patch(0), 'PATCH /api/v1/replenishments/{id}', 422)
    doc.assertResponse(await asManager(client.get(`/api/v1/replenishments/${refused.body().id}`)), 'GET /api/v1/replenishments/{id}', 200)
    const reject = asManager(client.post(`/api/v1/replenishments/${refused.body().id}/reject`))
    doc.assertResponse(await reject.json({ motif: 'Stock suffisant en magasin' }), 'POST /api/v1/replenishments/{id}/reject', 200)
    const dropped = await asClerk(client.post('/api/v1/replenishments')).json({ ...body, quantite: 6 })
    doc.assertResponse(await asClerk(client.post(`/api/v1/replenishments/${dropped.body().id}/cancel`)).json({}), 'POST /api/v1/replenishments/{id}/cancel', 200)

    doc.assertResponse(await asManager(client.get('/api/v1/replenishments').qs({ magasin_id: 1 })), 'GET /api/v1/replenishments', 200)
    doc.assertResponse(await asManager(client.get('/api/v1/replenishments/suggestions')), 'GET /api/v1/replenishments/suggestions', 200)
    doc.assertResponse(await asManager(client.get('/api/v1/replenishments/999999')), 'GET /api/v1/replenishments/{id}', 404)
  })
})
