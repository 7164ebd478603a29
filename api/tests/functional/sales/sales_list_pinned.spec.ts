import { test } from '@japa/runner'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { clerkAtRegister, openRegister } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'

const sale = (registerId: number) => ({
  caisse_id: registerId,
  lignes: [{ code: 'ALI001', quantite: 1 }],
  paiements: [{ mode: 'especes', montant: '5.00' }],
})

test.group('GET /api/v1/sales?id_max=', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('pages pinned to the newest sale of page 1 do not move when sales come in', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sell = async () => {
      const created = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json(sale(registerId))
      created.assertStatus(201)
      return created.body().id as number
    }
    for (let i = 0; i < 3; i++) await sell()
    const token = await tokenWith(['read'])
    const list = async (qs: Record<string, unknown>) => {
      const response = await client.get('/api/v1/sales').qs({ caisse_id: registerId, sort: 'cree_le,desc', size: 2, ...qs }).header('x-api-token', token)
      response.assertStatus(200)
      return response.body() as { total: number; items: { id: number }[] }
    }
    const first = await list({})
    const pin = Math.max(...first.items.map((item) => item.id))
    const secondBefore = await list({ page: 2, id_max: pin })

    await sell()
    await sell()
    const secondAfter = await list({ page: 2, id_max: pin })
    assert.deepEqual(secondAfter, secondBefore, 'page 2 pinned shows the same rows and total after two more sales')
    assert.equal(secondAfter.total, first.total)
    // Unpinned, the same page 2 has moved: the two new sales pushed page 1's rows onto it.
    const unpinned = await list({ page: 2 })
    assert.equal(unpinned.total, first.total + 2)
    assert.deepEqual(
      unpinned.items.map((item) => item.id),
      first.items.map((item) => item.id)
    )
    assert.isTrue(secondAfter.items.every((item) => item.id <= pin))
  })

  test('id_max must be an id', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    const response = await client.get('/api/v1/sales').qs({ id_max: 'abc' }).header('x-api-token', token)
    response.assertStatus(422)
    assert.equal(response.body().error_code, 'VALIDATION_ERROR')
  })

  test('a sale says until when a clerk may return it (RETURN_WINDOW_HOURS after it)', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const created = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json(sale(registerId))
    created.assertStatus(201)
    const body = created.body()
    assert.equal(Date.parse(body.retour_caissier_jusqua) - Date.parse(body.cree_le), 24 * 3_600_000)
    const read = await client.get(`/api/v1/sales/${body.id}`).header('authorization', `Bearer ${clerk.token}`)
    read.assertStatus(200)
    assert.equal(read.body().retour_caissier_jusqua, body.retour_caissier_jusqua)
  })
})
