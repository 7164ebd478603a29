import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { contract } from '#tests/helpers/openapi_contract'

test.group('Drawer sessions of a register that does not exist', (group) => {
  const actors = eachTestRolledBack(group, async () => ({ manager: await signedIn('manager') }))

  test('opening or reading its drawer is a 404, as for GET /registers/{id}', async ({ client, assert }) => {
    const missing = Number((await db.from('registers').max('id as max').first())?.max ?? 0) + 1000
    const validator = await contract(client)
    const bearer = `Bearer ${actors.manager.token}`

    const register = await client.get(`/api/v1/registers/${missing}`).header('authorization', bearer)
    register.assertStatus(404)

    const open = await client.post(`/api/v1/registers/${missing}/sessions`).header('authorization', bearer).json({ fond_de_caisse: '100.00' })
    validator.assertResponse(open, 'POST /api/v1/registers/{id}/sessions', 404)
    assert.containsSubset(open.body(), { error_code: 'NOT_FOUND', details: { resource: 'Register', identifier: missing } })

    const current = await client.get(`/api/v1/registers/${missing}/sessions/current`).header('authorization', bearer)
    validator.assertResponse(current, 'GET /api/v1/registers/{id}/sessions/current', 404)
    assert.containsSubset(current.body(), { error_code: 'NOT_FOUND', details: { resource: 'Register', identifier: missing } })
  })

  test('a sale naming it in its body stays a validation error on caisse_id', async ({ client, assert }) => {
    const missing = Number((await db.from('registers').max('id as max').first())?.max ?? 0) + 1000
    const clerk = await signedIn('clerk', 1)
    const sale = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: missing, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: '1.38' }] })
    sale.assertStatus(422)
    assert.equal(sale.body().details.validation_errors[0].field, 'caisse_id')
  })
})
