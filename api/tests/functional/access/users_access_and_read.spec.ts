import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { issueToken } from '#access/services/token_service'
import { tokenWith } from '#tests/helpers/tokens'
import { firstStoreId, makeUser, secretsIn, sessionFor, adminSession, fieldsOf } from '#tests/functional/access/helpers'

test.group('Users: who may manage them', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no token is a 401', async ({ client }) => {
    ;(await client.get('/api/v1/users')).assertStatus(401)
    ;(await client.post('/api/v1/users').json({})).assertStatus(401)
  })

  test('manager and clerk sessions get a 403 on every users route', async ({ client, assert }) => {
    const target = await makeUser('clerk')
    for (const role of ['manager', 'clerk'] as const) {
      const token = await sessionFor(await makeUser(role))
      const responses = [
        await client.get('/api/v1/users').header('x-api-token', token),
        await client.get(`/api/v1/users/${target.id}`).header('x-api-token', token),
        await client.post('/api/v1/users').header('x-api-token', token).json({}),
        await client.patch(`/api/v1/users/${target.id}`).header('x-api-token', token).json({ actif: false }),
        await client.delete(`/api/v1/users/${target.id}`).header('x-api-token', token),
      ]
      for (const response of responses) {
        response.assertStatus(403)
        assert.equal(response.body().error_code, 'AUTHORIZATION_ERROR')
      }
    }
    const unchanged = await db.from('users').where('id', target.id).firstOrFail()
    assert.isTrue(unchanged.is_active)
  })

  test('an integration token without the admin scope gets a 403', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write', 'reports'])
    const response = await client.get('/api/v1/users').header('x-api-token', token)
    response.assertStatus(403)
    assert.deepEqual(response.body().details.missing_scopes, ['admin'])
  })

  test('a session with the admin scope but a non-admin role is refused by the role rule', async ({ client, assert }) => {
    const manager = await makeUser('manager')
    const { token } = await issueToken({
      kind: 'session',
      userId: manager.id,
      name: 'stale session',
      scopes: ['read', 'write', 'reports', 'admin'],
    })
    const response = await client.get('/api/v1/users').header('x-api-token', token)
    response.assertStatus(403)
    assert.deepEqual(response.body().details.required_roles, ['admin'])
  })

  test('an admin session and an admin-scoped integration token are allowed', async ({ client }) => {
    const { token } = await adminSession()
    ;(await client.get('/api/v1/users').header('x-api-token', token)).assertStatus(200)
    ;(await client.get('/api/v1/users').header('x-api-token', await tokenWith(['admin']))).assertStatus(200)
  })
})

test.group('Users: list and show', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists users page by page, without any password hash', async ({ client, assert }) => {
    const { admin, token } = await adminSession()
    const clerk = await makeUser('clerk')
    const manager = await makeUser('manager')
    const response = await client.get('/api/v1/users').qs({ size: 2 }).header('x-api-token', token)
    response.assertStatus(200)
    assert.equal(response.body().total, 3)
    assert.deepEqual(
      response.body().items.map((u: { id: number }) => u.id),
      [admin.id, clerk.id]
    )
    assert.containsSubset(response.body().items[1], {
      nom_utilisateur: clerk.username,
      role: 'clerk',
      magasin_id: clerk.storeId,
      actif: true,
    })
    assert.deepEqual(secretsIn(response.text()), [])
    const page2 = await client.get('/api/v1/users').qs({ size: 2, page: 2 }).header('x-api-token', token)
    assert.deepEqual(
      page2.body().items.map((u: { id: number }) => u.id),
      [manager.id]
    )
  })

  test('filters by role, store, activity and search; sorts', async ({ client, assert }) => {
    const { token } = await adminSession()
    const storeId = await firstStoreId()
    const clerk = await makeUser('clerk', { username: 'zoe.caisse', storeId })
    const inactive = await makeUser('manager', { isActive: false })
    const get = async (qs: Record<string, unknown>) => {
      const response = await client.get('/api/v1/users').qs(qs).header('x-api-token', token)
      response.assertStatus(200)
      return response.body().items.map((u: { id: number }) => u.id)
    }
    assert.deepEqual(await get({ role: 'clerk' }), [clerk.id])
    assert.deepEqual(await get({ magasin_id: storeId }), [clerk.id])
    assert.deepEqual(await get({ actif: false }), [inactive.id])
    assert.deepEqual(await get({ search: 'ZOE' }), [clerk.id])
    assert.equal((await get({ sort: 'nom_utilisateur,desc' }))[0], clerk.id)
  })

  test('bad query parameters are validation errors', async ({ client, assert }) => {
    const { token } = await adminSession()
    const response = await client
      .get('/api/v1/users')
      .qs({ role: 'boss', sort: 'password', colour: 'red' })
      .header('x-api-token', token)
    response.assertStatus(422)
    assert.includeMembers(fieldsOf(response.body()), ['colour'])
    const badRole = await client.get('/api/v1/users').qs({ role: 'boss' }).header('x-api-token', token)
    assert.deepEqual(fieldsOf(badRole.body()), ['role'])
    const badSort = await client.get('/api/v1/users').qs({ sort: 'password' }).header('x-api-token', token)
    assert.deepEqual(fieldsOf(badSort.body()), ['sort'])
  })

  test('shows one user; unknown is 404, malformed id is 422', async ({ client, assert }) => {
    const { token } = await adminSession()
    const clerk = await makeUser('clerk')
    const response = await client.get(`/api/v1/users/${clerk.id}`).header('x-api-token', token)
    response.assertStatus(200)
    assert.equal(response.body().email, clerk.email)
    assert.deepEqual(secretsIn(response.text()), [])
    const missing = await client.get('/api/v1/users/999999').header('x-api-token', token)
    missing.assertStatus(404)
    assert.deepEqual(missing.body().details, { resource: 'User', identifier: 999999 })
    ;(await client.get('/api/v1/users/abc').header('x-api-token', token)).assertStatus(422)
  })
})
