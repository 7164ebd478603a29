import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#access/models/user'
import { tokenWith } from '#tests/helpers/tokens'
import { NEW_PASSWORD, PASSWORD, adminSession, firstStoreId, makeUser, sessionFor, uniqueIp } from '#tests/functional/access/helpers'

/*
 * A password an administrator set is known to them: its owner must choose
 * their own before their sessions may do anything else.
 */
const OWN_PASSWORD = 'la phrase que je choisis moi-même'

function login(client: ApiClient, username: string, password: string) {
  return client.post('/api/v1/auth/login').header('x-forwarded-for', uniqueIp()).json({ identifiant: username, mot_de_passe: password })
}

async function flagOf(userId: number) {
  return (await User.findOrFail(userId)).mustChangePassword
}

async function createClerk(client: ApiClient, token: string, username: string) {
  const response = await client.post('/api/v1/users').header('x-api-token', token).json({
    nom_utilisateur: username,
    email: `${username}@comptoir.local`,
    nom_complet: 'Caissière Neuve',
    role: 'clerk',
    magasin_id: await firstStoreId(),
    mot_de_passe: NEW_PASSWORD,
  })
  response.assertStatus(201)
  return response
}

test.group('A password an administrator set must be replaced', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an account an administrator creates is flagged; login and /auth/me say so', async ({ client, assert }) => {
    const { token } = await adminSession()
    const created = await createClerk(client, token, 'caissiere.neuve')
    assert.isTrue(created.body().doit_changer_mot_de_passe)
    assert.isTrue(await flagOf(created.body().id))

    const session = await login(client, 'caissiere.neuve', NEW_PASSWORD)
    session.assertStatus(200)
    assert.isTrue(session.body().utilisateur.doit_changer_mot_de_passe)
    const me = await client.get('/api/v1/auth/me').header('x-api-token', session.body().token)
    me.assertStatus(200)
    assert.isTrue(me.body().utilisateur.doit_changer_mot_de_passe)
  })

  test('an admin-scoped integration token creating an account flags it too', async ({ client, assert }) => {
    const created = await createClerk(client, await tokenWith(['admin']), 'caissier.integre')
    assert.isTrue(await flagOf(created.body().id))
  })

  test('until the user chooses their own, the session only reaches /auth/me, /auth/password and /auth/logout', async ({ client, assert }) => {
    const { token: adminToken } = await adminSession()
    await createClerk(client, adminToken, 'caissier.bloque')
    const token = (await login(client, 'caissier.bloque', NEW_PASSWORD)).body().token as string
    const as = (request: ReturnType<ApiClient['get']>) => request.header('x-api-token', token)

    for (const refused of [
      as(client.get('/api/v1/products')),
      as(client.get(`/api/v1/stores/${await firstStoreId()}`)),
      client.post('/api/v1/sales').header('x-api-token', token).json({}),
      as(client.get('/api/v1/users')),
    ]) {
      const response = await refused
      response.assertStatus(403)
      assert.equal(response.body().error_code, 'PASSWORD_CHANGE_REQUIRED')
      assert.equal(response.body().details.change_password, '/api/v1/auth/password')
    }
    ;(await as(client.get('/api/v1/auth/me'))).assertStatus(200)
    ;(await as(client.get('/api/v1/auth/me/'))).assertStatus(200)

    const changed = await client
      .post('/api/v1/auth/password')
      .header('x-api-token', token)
      .header('x-forwarded-for', uniqueIp())
      .json({ mot_de_passe_actuel: NEW_PASSWORD, nouveau_mot_de_passe: OWN_PASSWORD })
    changed.assertStatus(204)
    // The same session goes on, with everything its scopes allow, at once.
    ;(await as(client.get('/api/v1/products'))).assertStatus(200)
    const me = await as(client.get('/api/v1/auth/me'))
    assert.isFalse(me.body().utilisateur.doit_changer_mot_de_passe)
    const again = await login(client, 'caissier.bloque', OWN_PASSWORD)
    assert.isFalse(again.body().utilisateur.doit_changer_mot_de_passe)
  })

  test('a flagged session can log out', async ({ client }) => {
    const { token: adminToken } = await adminSession()
    await createClerk(client, adminToken, 'caissier.sortant')
    const token = (await login(client, 'caissier.sortant', NEW_PASSWORD)).body().token as string
    ;(await client.post('/api/v1/auth/logout').header('x-api-token', token)).assertStatus(204)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', token)).assertStatus(401)
  })

  test("an administrator resetting someone else's password flags them; other changes do not", async ({ client, assert }) => {
    const { token } = await adminSession()
    const user = await makeUser('manager')
    assert.isFalse(await flagOf(user.id), 'accounts made before the rule (and seeded ones) are not flagged')

    ;(await client.patch(`/api/v1/users/${user.id}`).header('x-api-token', token).json({ nom_complet: 'Renommé' })).assertStatus(200)
    assert.isFalse(await flagOf(user.id), 'a change without a password flags nothing')

    const reset = await client.patch(`/api/v1/users/${user.id}`).header('x-api-token', token).json({ mot_de_passe: NEW_PASSWORD })
    reset.assertStatus(200)
    assert.isTrue(reset.body().doit_changer_mot_de_passe)
    const session = await login(client, user.username, NEW_PASSWORD)
    assert.isTrue(session.body().utilisateur.doit_changer_mot_de_passe)

  })

  test("the administrators' list and GET /users/{id} show who still has to choose their password", async ({ client, assert }) => {
    const { token } = await adminSession()
    const untouched = await makeUser('clerk')
    const created = await createClerk(client, token, 'caissier.liste')
    const flags = async () => {
      const page = await client.get('/api/v1/users').qs({ size: 100, sort: 'id,desc' }).header('x-api-token', token)
      page.assertStatus(200)
      const byId = new Map(page.body().items.map((user: { id: number; doit_changer_mot_de_passe: boolean }) => [user.id, user.doit_changer_mot_de_passe]))
      return { created: byId.get(created.body().id), untouched: byId.get(untouched.id) }
    }
    assert.deepEqual(await flags(), { created: true, untouched: false })
    const one = await client.get(`/api/v1/users/${created.body().id}`).header('x-api-token', token)
    assert.isTrue(one.body().doit_changer_mot_de_passe)

    const session = (await login(client, 'caissier.liste', NEW_PASSWORD)).body().token as string
    const changed = await client
      .post('/api/v1/auth/password')
      .header('x-api-token', session)
      .header('x-forwarded-for', uniqueIp())
      .json({ mot_de_passe_actuel: NEW_PASSWORD, nouveau_mot_de_passe: OWN_PASSWORD })
    changed.assertStatus(204)
    assert.deepEqual(await flags(), { created: false, untouched: false })
  })

  test('a user changing their own password is never flagged; integration tokens are never held back', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const session = await sessionFor(user)
    const changed = await client
      .post('/api/v1/auth/password')
      .header('x-api-token', session)
      .header('x-forwarded-for', uniqueIp())
      .json({ mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: OWN_PASSWORD })
    changed.assertStatus(204)
    assert.isFalse(await flagOf(user.id))
    ;(await client.get('/api/v1/products').header('x-api-token', session)).assertStatus(200)
    ;(await client.get('/api/v1/products').header('x-api-token', await tokenWith(['read']))).assertStatus(200)
  })
})
