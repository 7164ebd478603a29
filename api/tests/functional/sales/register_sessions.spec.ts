import { test } from '@japa/runner'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import db from '@adonisjs/lucid/services/db'
import { clerkAtRegister, sellBasket, openRegister, managerXReport } from '#tests/helpers/pos'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { locationOfStore, setLevel } from '#tests/helpers/database'

test.group('Register sessions', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 1))

  test('open, sell, refund, close: expected cash and variance (Z report)', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const sessionId = await openRegister(client, clerk.token, registerId, '150.00')
    const twice = await client
      .post(`/api/v1/registers/${registerId}/sessions`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ fond_de_caisse: 10 })
    twice.assertStatus(409)
    assert.equal(twice.body().details.session_id, sessionId)

    // Cash settles to the nickel (ADR 0023): 8.22 paid with 10.00 keeps 8.20, 1.38 of refund hands back 1.40.
    const sale = await sellBasket(client, clerk.token, registerId)
    await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Retour' })

    const x = await managerXReport(client, registerId)
    assert.containsSubset(x.body(), {
      statut: 'ouverte',
      rapport: {
        type: 'X',
        especes_attendues: '156.80',
        ventes: { nombre: 1, total: '8.22', arrondi_especes: '-0.02' },
        paiements: [{ mode: 'especes', montant: '8.20' }],
        retours: { total: '1.38', especes: '1.40', arrondi_especes: '0.02' },
      },
    })

    const closed = await client
      .post(`/api/v1/register-sessions/${sessionId}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '156.50' })
    closed.assertStatus(200)
    assert.containsSubset(closed.body(), {
      statut: 'fermee',
      rapport: { type: 'Z', especes_attendues: '156.80', especes_comptees: '156.50', ecart: '-0.30', retours: { nombre: 1, especes: '1.40' } },
    })

    const again = await client
      .post(`/api/v1/register-sessions/${sessionId}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '1' })
    again.assertStatus(409)
    const afterClose = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: '1.38' }] })
    afterClose.assertStatus(409)
    ;(await client.get(`/api/v1/registers/${registerId}/sessions/current`).header('authorization', `Bearer ${clerk.token}`)).assertStatus(404)
  })

  test('a cash refund cannot take out more than the drawer holds; another tender or a fuller drawer can', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const first = await openRegister(client, clerk.token, registerId, '0.00')
    const sale = await sellBasket(client, clerk.token, registerId) // 8.22, 8.20 kept in cash
    await client.post(`/api/v1/register-sessions/${first}/close`).header('authorization', `Bearer ${clerk.token}`).json({ especes_comptees: '8.20' })
    const second = await openRegister(client, clerk.token, registerId, '5.00')

    // The clerk counts blind (ADR 0026): told the drawer lacks the refund, not what it holds.
    const refused = await client.post(`/api/v1/sales/${sale.id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({})
    refused.assertStatus(409)
    assert.deepEqual(refused.body().details, { register_id: registerId, session_id: second, cash_refund_cents: 820 })
    assert.equal(refused.body().error_code, 'INSUFFICIENT_CASH')
    assert.include(refused.body().message, 'does not hold the 8.20 to refund in cash')
    assert.notInclude(JSON.stringify(refused.body()), '5.00')
    const manager = await sessionTokenFor('manager')
    const toldManager = await client.post(`/api/v1/sales/${sale.id}/cancel`).header('authorization', `Bearer ${manager.token}`).json({})
    assert.containsSubset(toldManager.body(), {
      error_code: 'INSUFFICIENT_CASH',
      details: { register_id: registerId, session_id: second, cash_refund_cents: 820, drawer_cash_cents: 500 },
    })
    assert.include(toldManager.body().message, 'holds 5.00 in cash')
    assert.lengthOf(await db.from('returns').where('sale_id', sale.id), 0)

    const partial = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Retour' }) // 1.38, 1.40 in cash, fits in 5.00
    assert.equal(partial.status(), 201, JSON.stringify(partial.body()))
    const otherTender = await client
      .post(`/api/v1/sales/${sale.id}/cancel`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ mode_remboursement: 'autre' })
    assert.equal(otherTender.status(), 201, JSON.stringify(otherTender.body()))
    const x = await managerXReport(client, registerId)
    assert.equal(x.body().rapport.especes_attendues, '3.60')
  })

  test('a session that took more cash than int4 holds still closes (expected cash is a bigint)', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const manager = await sessionTokenFor('manager')
    const product = await client
      .post('/api/v1/products')
      .header('authorization', `Bearer ${manager.token}`)
      .json({ nom: 'Lingot', prix: '1000000.00', categorie_id: 1 })
    assert.equal(product.status(), 201, JSON.stringify(product.body()))
    await setLevel(await locationOfStore(1), product.body().id, 50)
    const sessionId = await openRegister(client, clerk.token, registerId, '10000000.00')
    const sale = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ produit_id: product.body().id, quantite: 10 }], paiements: [{ mode: 'especes', montant: '10000000.00' }, { mode: 'especes', montant: '1497500.00' }] })
    assert.equal(sale.status(), 201, JSON.stringify(sale.body()))
    const closed = await client
      .post(`/api/v1/register-sessions/${sessionId}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '10000000.00' })
    assert.equal(closed.status(), 200, JSON.stringify(closed.body()))
    assert.containsSubset(closed.body().rapport, { especes_attendues: '21497500.00', especes_comptees: '10000000.00', ecart: '-11497500.00' })
    await openRegister(client, clerk.token, registerId, '0.00')
  })

  test('a clerk counts the drawer blind: an open session’s counts, no amount; the Z report after the count has them all', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const opened = await client.post(`/api/v1/registers/${registerId}/sessions`).header('authorization', `Bearer ${clerk.token}`).json({ fond_de_caisse: '150.00' })
    opened.assertStatus(201)
    const sessionId = opened.body().id
    const sale = await sellBasket(client, clerk.token, registerId) // 8.22, 8.20 kept in cash
    await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Retour' })
    const blind = { type: 'X', ventes: { nombre: 1 }, retours: { nombre: 1 } }
    const asClerk = (url: string) => client.get(url).header('authorization', `Bearer ${clerk.token}`)
    for (const answer of [await asClerk(`/api/v1/registers/${registerId}/sessions/current`), await asClerk(`/api/v1/register-sessions/${sessionId}`)]) {
      answer.assertStatus(200)
      assert.deepEqual(answer.body().rapport_aveugle, blind)
      assert.notProperty(answer.body(), 'rapport')
      // Neither the expected cash (156.80) nor what it follows from: sales, cash taken, refunds.
      for (const amount of ['156.80', '8.22', '8.20', '1.38', '1.40']) assert.notInclude(JSON.stringify(answer.body()), amount)
      assert.equal(answer.body().fond_de_caisse, '150.00', 'the float the clerk counted in')
    }
    assert.deepEqual(opened.body().rapport_aveugle, { type: 'X', ventes: { nombre: 0 }, retours: { nombre: 0 } })
    // A manager (and an integration token) reads every amount of the same X report.
    const full = await managerXReport(client, registerId)
    assert.containsSubset(full.body(), { rapport: { type: 'X', especes_attendues: '156.80' } })
    assert.notProperty(full.body(), 'rapport_aveugle')

    const closed = await client
      .post(`/api/v1/register-sessions/${sessionId}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '156.80' })
    assert.containsSubset(closed.body(), { rapport: { type: 'Z', especes_attendues: '156.80', ecart: '0.00' } })
    assert.containsSubset((await asClerk(`/api/v1/register-sessions/${sessionId}`)).body(), { rapport: { type: 'Z', especes_attendues: '156.80' } })
  })

  test('rapport=false: the open session without its report; a bad value is a validation error', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const sessionId = await openRegister(client, clerk.token, registerId, '20.00')
    await sellBasket(client, clerk.token, registerId)
    // A manager: a clerk gets the counts only (rapport_aveugle) while the session is open.
    const manager = await sessionTokenFor('manager')
    const current = (query: string) =>
      client.get(`/api/v1/registers/${registerId}/sessions/current${query}`).header('authorization', `Bearer ${manager.token}`)

    const summary = await current('?rapport=false')
    summary.assertStatus(200)
    assert.containsSubset(summary.body(), { id: sessionId, caisse_id: registerId, statut: 'ouverte', fond_de_caisse: '20.00', fermee_le: null })
    assert.notProperty(summary.body(), 'rapport')
    const full = await current('?rapport=true')
    assert.containsSubset(full.body(), { id: sessionId, rapport: { type: 'X', ventes: { nombre: 1 } } })
    assert.deepEqual({ ...full.body(), rapport: undefined }, { ...summary.body(), rapport: undefined })
    ;(await current('?rapport=peut-etre')).assertStatus(422)
  })

  test('an integration token cannot open a drawer (a person is accountable for the cash)', async ({ client }) => {
    const { registerId } = pos
    const { tokenWith } = await import('#tests/helpers/tokens')
    const token = await tokenWith(['read', 'write'])
    const response = await client.post(`/api/v1/registers/${registerId}/sessions`).header('x-api-token', token).json({ fond_de_caisse: 0 })
    response.assertStatus(403)
  })

  test('bad floats are validation errors', async ({ client }) => {
    const { clerk, registerId } = pos
    for (const body of [{}, { fond_de_caisse: -1 }, { fond_de_caisse: '1.001' }, { fond_de_caisse: 'abc' }]) {
      const response = await client.post(`/api/v1/registers/${registerId}/sessions`).header('authorization', `Bearer ${clerk.token}`).json(body)
      response.assertStatus(422)
    }
  })
})
