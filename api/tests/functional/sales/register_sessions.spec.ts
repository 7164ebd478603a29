import { test } from '@japa/runner'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { clerkAtRegister, sellBasket, openRegister } from '#tests/helpers/pos'

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

    const sale = await sellBasket(client, clerk.token, registerId) // 8.22 paid with 10.00 cash
    await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Retour' }) // 1.38 cash back

    const x = await client.get(`/api/v1/registers/${registerId}/sessions/current`).header('authorization', `Bearer ${clerk.token}`)
    assert.containsSubset(x.body(), { statut: 'ouverte', rapport: { type: 'X', especes_attendues: '156.84', ventes: { nombre: 1, total: '8.22' } } })

    const closed = await client
      .post(`/api/v1/register-sessions/${sessionId}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '156.50' })
    closed.assertStatus(200)
    assert.containsSubset(closed.body(), {
      statut: 'fermee',
      rapport: { type: 'Z', especes_attendues: '156.84', especes_comptees: '156.50', ecart: '-0.34', retours: { nombre: 1, especes: '1.38' } },
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

  test('rapport=false: the open session without its report; a bad value is a validation error', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const sessionId = await openRegister(client, clerk.token, registerId, '20.00')
    await sellBasket(client, clerk.token, registerId)
    const current = (query: string) =>
      client.get(`/api/v1/registers/${registerId}/sessions/current${query}`).header('authorization', `Bearer ${clerk.token}`)

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
