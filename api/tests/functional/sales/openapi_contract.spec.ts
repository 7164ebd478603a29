import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { contract } from '#tests/helpers/openapi_contract'
import { signedIn } from '#tests/helpers/actors'
import { registersOf } from '#tests/helpers/pos'
import { salesResponseExamples } from '#sales/openapi_examples'

/* A day at a register, every answer checked against the OpenAPI document's schema for its status. */
test.group('OpenAPI contract: sales, receipts, returns and drawer sessions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('open, sell, replay, receipt, return, cancel, X and Z reports', async ({ client, assert }) => {
    const doc = await contract(client)
    const clerk = await signedIn('clerk', 1)
    const [registerId] = await registersOf(1)
    const as = <T extends { header(name: string, value: string): T }>(request: T) => request.header('authorization', `Bearer ${clerk.token}`)

    const sale = { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 2 }], paiements: [{ mode: 'especes', montant: '5.00' }] }
    doc.assertResponse(await as(client.post('/api/v1/sales')).json(sale), 'POST /api/v1/sales', 409)

    const opened = await as(client.post(`/api/v1/registers/${registerId}/sessions`)).json({ fond_de_caisse: '150.00', note: 'Ouverture du matin' })
    doc.assertResponse(opened, 'POST /api/v1/registers/{id}/sessions', 201)
    const sessionId = opened.body().id
    doc.assertResponse(await as(client.post(`/api/v1/registers/${registerId}/sessions`)).json({ fond_de_caisse: '150.00' }), 'POST /api/v1/registers/{id}/sessions', 409)

    const basket = {
      caisse_id: registerId,
      lignes: [
        { code: 'ALI001', quantite: 2 },
        { code: 'BOI002', quantite: 1 },
        { code: 'ALI005', quantite: 3 },
      ],
      paiements: [
        { mode: 'carte', montant: '5.00', reference: 'VISA-4821' },
        { mode: 'especes', montant: 10 },
      ],
    }
    const created = await as(client.post('/api/v1/sales')).header('idempotency-key', 'caisse1-20261124-0042').json(basket)
    doc.assertResponse(created, 'POST /api/v1/sales', 201)
    const saleId = created.body().id
    const replay = await as(client.post('/api/v1/sales')).header('idempotency-key', 'caisse1-20261124-0042').json(basket)
    doc.assertResponse(replay, 'POST /api/v1/sales', 200)
    assert.equal(replay.header('idempotent-replayed'), 'true')
    const reused = await as(client.post('/api/v1/sales')).header('idempotency-key', 'caisse1-20261124-0042').json(sale)
    doc.assertResponse(reused, 'POST /api/v1/sales', 409)
    const tooMany = await as(client.post('/api/v1/sales')).json({
      caisse_id: registerId,
      lignes: [{ code: 'ALI001', quantite: 1000 }],
      paiements: [{ mode: 'especes', montant: '1500.00' }],
    })
    doc.assertResponse(tooMany, 'POST /api/v1/sales', 409)
    doc.assertResponse(await as(client.post('/api/v1/sales')).header('idempotency-key', '').json(sale), 'POST /api/v1/sales', 422)

    doc.assertResponse(await as(client.get(`/api/v1/registers/${registerId}/sessions/current`)), 'GET /api/v1/registers/{id}/sessions/current', 200)
    doc.assertResponse(await as(client.get('/api/v1/sales').qs({ session_id: sessionId })), 'GET /api/v1/sales', 200)
    doc.assertResponse(await as(client.get(`/api/v1/sales/${saleId}/receipt`)), 'GET /api/v1/sales/{id}/receipt', 200)

    const [bread, , pasta] = created.body().lignes
    const refund = { lignes: [{ ligne_id: bread.id, quantite: 1 }], motif: 'Pain rassis' }
    const returned = await as(client.post(`/api/v1/sales/${saleId}/returns`)).header('idempotency-key', 'retour-0042-1').json(refund)
    doc.assertResponse(returned, 'POST /api/v1/sales/{id}/returns', 201)
    const again = await as(client.post(`/api/v1/sales/${saleId}/returns`)).header('idempotency-key', 'retour-0042-1').json(refund)
    doc.assertResponse(again, 'POST /api/v1/sales/{id}/returns', 200)
    const tooMuch = { lignes: [{ ligne_id: pasta.id, quantite: 4 }], motif: 'Erreur' }
    doc.assertResponse(await as(client.post(`/api/v1/sales/${saleId}/returns`)).json(tooMuch), 'POST /api/v1/sales/{id}/returns', 409)
    doc.assertResponse(await as(client.get(`/api/v1/returns/${returned.body().id}`)), 'GET /api/v1/returns/{id}', 200)

    const cancelled = await as(client.post(`/api/v1/sales/${saleId}/cancel`)).json({ motif: 'Client insatisfait' })
    doc.assertResponse(cancelled, 'POST /api/v1/sales/{id}/cancel', 201)
    doc.assertResponse(await as(client.post(`/api/v1/sales/${saleId}/cancel`)).json({}), 'POST /api/v1/sales/{id}/cancel', 409)
    const full = await as(client.get(`/api/v1/sales/${saleId}`))
    doc.assertResponse(full, 'GET /api/v1/sales/{id}', 200)
    assert.lengthOf(full.body().retours, 2)
    // The documented example is this very sale: 1.38 back in cash, then 5.00 card + 1.84 cash.
    assert.deepEqual(full.body().remboursements_par_mode, salesResponseExamples.returnedSale.remboursements_par_mode)
    const receipt = await as(client.get(`/api/v1/sales/${saleId}/receipt`))
    doc.assertResponse(receipt, 'GET /api/v1/sales/{id}/receipt', 200)
    assert.deepEqual(receipt.body().remboursements_par_mode, full.body().remboursements_par_mode, 'the reprint splits the refunds as the sale does')
    doc.assertResponse(await as(client.get('/api/v1/sales/999999')), 'GET /api/v1/sales/{id}', 404)

    const xReport = await as(client.get(`/api/v1/register-sessions/${sessionId}`))
    doc.assertResponse(xReport, 'GET /api/v1/register-sessions/{id}', 200)
    // The clerk's X report is blind (ADR 0026), and documented so.
    assert.equal(xReport.body().rapport_aveugle.type, 'X')
    const closed = await as(client.post(`/api/v1/register-sessions/${sessionId}/close`)).json({ especes_comptees: '150.00', note: 'Fin de journée' })
    doc.assertResponse(closed, 'POST /api/v1/register-sessions/{id}/close', 200)
    assert.equal(closed.body().rapport.type, 'Z')
    doc.assertResponse(await as(client.post(`/api/v1/register-sessions/${sessionId}/close`)).json({ especes_comptees: '0' }), 'POST /api/v1/register-sessions/{id}/close', 409)
    doc.assertResponse(await as(client.get(`/api/v1/registers/${registerId}/sessions/current`)), 'GET /api/v1/registers/{id}/sessions/current', 404)
  })
})
