import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'

test.group('Token authentication', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no token is a 401 in the envelope', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products')
    response.assertStatus(401)
    assert.equal(response.body().error_code, 'AUTHENTICATION_ERROR')
  })

  test('an unknown token is a 401', async ({ client }) => {
    const response = await client.get('/api/v1/products').header('x-api-token', 'cpt_not-a-real-token')
    response.assertStatus(401)
  })

  test('every 401 names its challenge in WWW-Authenticate, as HTTP requires', async ({ client, assert }) => {
    const responses = [
      await client.get('/api/v1/products'),
      await client.get('/api/v1/products').header('authorization', 'Bearer cpt_not-a-real-token'),
      await client.post('/api/v1/sales').header('x-api-token', 'cpt_not-a-real-token').json({}),
      await client.post('/api/v1/auth/login').json({ identifiant: 'nobody-here', mot_de_passe: 'not-the-password' }),
    ]
    for (const response of responses) {
      response.assertStatus(401)
      assert.equal(response.header('www-authenticate'), 'Bearer realm="Comptoir API"')
    }
    const allowed = await client.get('/api/v1/products').header('x-api-token', await tokenWith(['read']))
    allowed.assertStatus(200)
    assert.isUndefined(allowed.header('www-authenticate'))
  })

  test('X-API-Token and Authorization: Bearer are both accepted', async ({ client }) => {
    const token = await tokenWith(['read'])
    ;(await client.get('/api/v1/stores').header('x-api-token', token)).assertStatus(200)
    ;(await client.get('/api/v1/stores').header('authorization', `Bearer ${token}`)).assertStatus(200)
  })

  test('a revoked token is refused', async ({ client }) => {
    const token = await tokenWith(['read'])
    await db.from('api_tokens').update({ revoked_at: new Date() })
    ;(await client.get('/api/v1/stores').header('x-api-token', token)).assertStatus(401)
  })

  test('an expired token is refused', async ({ client }) => {
    const token = await tokenWith(['read'])
    await db.from('api_tokens').update({ expires_at: new Date(Date.now() - 1000) })
    ;(await client.get('/api/v1/stores').header('x-api-token', token)).assertStatus(401)
  })

  test('a token without the read scope gets a 403', async ({ client, assert }) => {
    const token = await tokenWith(['reports'])
    const response = await client.get('/api/v1/stores').header('x-api-token', token)
    response.assertStatus(403)
    assert.equal(response.body().error_code, 'AUTHORIZATION_ERROR')
    assert.deepEqual(response.body().details.missing_scopes, ['read'])
  })

  test('tokens are stored hashed, never in clear', async ({ assert }) => {
    const token = await tokenWith(['read'])
    const rows = await db.from('api_tokens').select('token_hash')
    assert.isTrue(rows.every((row) => row.token_hash !== token && row.token_hash.length === 64))
  })
})
