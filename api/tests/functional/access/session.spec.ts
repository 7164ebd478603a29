import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { PASSWORD, makeUser, secretsIn, sessionFor, uniqueIp } from '#tests/functional/access/helpers'

test.group('Sessions: logout and /auth/me', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('after logout the session token is refused', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const login = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: user.username, mot_de_passe: PASSWORD })
    const token = login.body().token
    ;(await client.get('/api/v1/stores').header('x-api-token', token)).assertStatus(200)

    const logout = await client.post('/api/v1/auth/logout').header('x-api-token', token)
    logout.assertStatus(204)
    const stored = await db.from('api_tokens').where('user_id', user.id).firstOrFail()
    assert.isNotNull(stored.revoked_at)

    const after = await client.get('/api/v1/stores').header('x-api-token', token)
    after.assertStatus(401)
    assert.equal(after.body().error_code, 'AUTHENTICATION_ERROR')
    ;(await client.post('/api/v1/auth/logout').header('x-api-token', token)).assertStatus(401)
  })

  test('logout only ends the presented session', async ({ client }) => {
    const user = await makeUser('manager')
    const first = await sessionFor(user)
    const second = await sessionFor(user)
    ;(await client.post('/api/v1/auth/logout').header('authorization', `Bearer ${first}`)).assertStatus(204)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', second)).assertStatus(200)
  })

  test('logout needs a token, and is refused to an integration token', async ({ client, assert }) => {
    ;(await client.post('/api/v1/auth/logout')).assertStatus(401)
    const token = await tokenWith(['read'])
    const response = await client.post('/api/v1/auth/logout').header('x-api-token', token)
    response.assertStatus(422)
    assert.equal(response.body().error_code, 'BUSINESS_LOGIC_ERROR')
    ;(await client.get('/api/v1/stores').header('x-api-token', token)).assertStatus(200)
  })

  test('/auth/me describes a session: the user, its scopes and expiry', async ({ client, assert }) => {
    const user = await makeUser('manager')
    const expiresAt = DateTime.utc().plus({ hours: 3 }).startOf('second')
    const token = await sessionFor(user, expiresAt)
    const response = await client.get('/api/v1/auth/me').header('x-api-token', token)
    response.assertStatus(200)
    assert.deepEqual(response.body(), {
      utilisateur: {
        id: user.id,
        nom_utilisateur: user.username,
        email: user.email,
        nom_complet: user.fullName,
        role: 'manager',
        magasin_id: null,
        doit_changer_mot_de_passe: false,
      },
      scopes: ['read', 'write', 'reports'],
      expire_le: expiresAt.toISO(),
    })
    assert.deepEqual(secretsIn(response.text()), [])
  })

  test('/auth/me describes an integration token', async ({ client, assert }) => {
    const token = await tokenWith(['reports'])
    const response = await client.get('/api/v1/auth/me').header('x-api-token', token)
    response.assertStatus(200)
    assert.deepEqual(response.body(), {
      jeton: { nom: 'test-reports', scopes: ['reports'], type: 'integration', expire_le: null },
    })
  })

  test('/auth/me without a token is a 401', async ({ client }) => {
    ;(await client.get('/api/v1/auth/me')).assertStatus(401)
  })

  test('an expired session token is refused', async ({ client, assert }) => {
    const user = await makeUser('admin')
    const token = await sessionFor(user, DateTime.utc().minus({ seconds: 1 }))
    const response = await client.get('/api/v1/auth/me').header('x-api-token', token)
    response.assertStatus(401)
    assert.equal(response.body().error_code, 'AUTHENTICATION_ERROR')
  })

  test("a deactivated user's existing session is refused", async ({ client }) => {
    const user = await makeUser('clerk')
    const token = await sessionFor(user)
    await db.from('users').where('id', user.id).update({ is_active: false })
    ;(await client.get('/api/v1/auth/me').header('x-api-token', token)).assertStatus(401)
  })
})
