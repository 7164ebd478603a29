import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { openRegister, registersOf } from '#tests/helpers/pos'

test.group('GET /api/v1/stores/:id: tax rates', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test('a store shows its TPS and TVQ with their rates and registration numbers, next to the original fields', async ({ client, assert }) => {
    const response = await client.get('/api/v1/stores/1').header('x-api-token', token)
    response.assertStatus(200)
    const body = response.body()
    assert.containsSubset(body, { id: 1, nom: 'Magasin Centre-Ville' })
    for (const field of ['adresse', 'telephone', 'email']) assert.property(body, field)
    const numbers = await db.from('store_tax_rates').where('store_id', 1).orderBy('position').select('registration_number')
    assert.deepEqual(body.taxes, [
      { code: 'TPS', libelle: 'TPS (5 %)', taux: '5.000', numero_enregistrement: numbers[0].registration_number },
      { code: 'TVQ', libelle: 'TVQ (9,975 %)', taux: '9.975', numero_enregistrement: numbers[1].registration_number },
    ])
    assert.match(body.taxes[0].numero_enregistrement, /^\d{9} RT0001$/)
  })

  test('rates are data: a changed rate shows as such; the list keeps the original fields only', async ({ client, assert }) => {
    await db.from('store_tax_rates').where({ store_id: 2, code: 'TVQ' }).update({ rate_ppm: 100_000 })
    const store = await client.get('/api/v1/stores/2').header('x-api-token', token)
    assert.equal(store.body().taxes[1].taux, '10.000')
    const list = await client.get('/api/v1/stores').header('x-api-token', token)
    assert.notProperty(list.body().items[0], 'taxes')
  })

  test('a clerk may read a store (as before); 401 without a token; 404 unknown; 422 bad id', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    ;(await client.get('/api/v1/stores/1').header('x-api-token', clerk.token)).assertStatus(200)
    ;(await client.get('/api/v1/stores/1')).assertStatus(401)
    const missing = await client.get('/api/v1/stores/424242').header('x-api-token', token)
    missing.assertStatus(404)
    assert.equal(missing.body().error_code, 'NOT_FOUND')
    ;(await client.get('/api/v1/stores/abc').header('x-api-token', token)).assertStatus(422)
  })
})

test.group('GET /api/v1/registers/:id', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a register with its store; session_ouverte follows the drawer', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 2)
    const registerId = (await registersOf(2))[1]
    const closed = await client.get(`/api/v1/registers/${registerId}`).header('x-api-token', clerk.token)
    closed.assertStatus(200)
    assert.deepEqual(closed.body(), {
      id: registerId,
      magasin_id: 2,
      numero: 2,
      nom: 'Caisse 2',
      actif: true,
      magasin: { id: 2, nom: 'Magasin Banlieue' },
      session_ouverte: false,
      session: null,
    })
    const sessionId = await openRegister(client, clerk.token, registerId)
    const open = await client.get(`/api/v1/registers/${registerId}`).header('x-api-token', clerk.token)
    assert.isTrue(open.body().session_ouverte)
    assert.equal(open.body().session.id, sessionId)
    assert.match(open.body().session.ouverte_le, /^\d{4}-\d{2}-\d{2}T.*Z$/)
  })

  test('an inactive register is shown as such', async ({ client, assert }) => {
    const registerId = (await registersOf(3))[0]
    await db.from('registers').where('id', registerId).update({ is_active: false })
    const response = await client.get(`/api/v1/registers/${registerId}`).header('x-api-token', await tokenWith(['read']))
    response.assertStatus(200)
    assert.isFalse(response.body().actif)
  })

  test('auth and errors: 401, a clerk of another store 403, 404 unknown, 422 bad id', async ({ client, assert }) => {
    const registerId = (await registersOf(2))[0]
    ;(await client.get(`/api/v1/registers/${registerId}`)).assertStatus(401)
    const otherClerk = await signedIn('clerk', 1)
    const forbidden = await client.get(`/api/v1/registers/${registerId}`).header('x-api-token', otherClerk.token)
    forbidden.assertStatus(403)
    assert.containsSubset(forbidden.body(), { error_code: 'AUTHORIZATION_ERROR', details: { store_id: 2, own_store_id: 1 } })
    const manager = await signedIn('manager')
    ;(await client.get(`/api/v1/registers/${registerId}`).header('x-api-token', manager.token)).assertStatus(200)
    const missing = await client.get('/api/v1/registers/999999').header('x-api-token', manager.token)
    missing.assertStatus(404)
    assert.equal(missing.body().error_code, 'NOT_FOUND')
    ;(await client.get('/api/v1/registers/0').header('x-api-token', manager.token)).assertStatus(404)
    ;(await client.get('/api/v1/registers/x').header('x-api-token', manager.token)).assertStatus(422)
  })
})
