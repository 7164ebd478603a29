import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { tokenWith } from '#tests/helpers/tokens'
import { assertIdempotentCreation } from '#tests/helpers/idempotent_creation'
import { PASSWORD, firstStoreId, makeUser, secretsIn, sessionFor, uniqueIp, NEW_PASSWORD, adminSession, fieldsOf } from '#tests/functional/access/helpers'

test.group('Users: create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a retry with the same Idempotency-Key answers with the account it created, not a 409; the password is not kept with the key', async (ctx) => {
    const { token } = await adminSession()
    const body = { nom_utilisateur: 'double.clic', email: 'double.clic@comptoir.local', nom_complet: 'Double Clic', role: 'manager', mot_de_passe: NEW_PASSWORD }
    const otherBody = { ...body, nom_complet: 'Autre Personne' }
    await assertIdempotentCreation(ctx, { path: '/api/v1/users', token, table: 'users', body, otherBody })
    const { assert } = ctx
    const kept = await db.from('idempotent_writes').where({ operation: 'user_creation', idempotency_key: 'creation-retry-0001' }).firstOrFail()
    assert.notInclude(JSON.stringify(kept), NEW_PASSWORD)
  })

  test('creates a clerk bound to a store, with a hashed password that works at login', async ({ client, assert }) => {
    const { token } = await adminSession()
    const storeId = await firstStoreId()
    const response = await client.post('/api/v1/users').header('x-api-token', token).json({
      nom_utilisateur: 'Nouvelle.Caissiere',
      email: 'Nouvelle@Comptoir.local',
      nom_complet: 'Nouvelle Caissière',
      role: 'clerk',
      magasin_id: storeId,
      mot_de_passe: NEW_PASSWORD,
    })
    response.assertStatus(201)
    assert.containsSubset(response.body(), {
      nom_utilisateur: 'nouvelle.caissiere',
      email: 'nouvelle@comptoir.local',
      role: 'clerk',
      magasin_id: storeId,
      actif: true,
    })
    assert.deepEqual(secretsIn(response.text()), [])
    const row = await db.from('users').where('id', response.body().id).firstOrFail()
    assert.notEqual(row.password, NEW_PASSWORD)
    assert.isTrue(await hash.verify(row.password, NEW_PASSWORD))

    const login = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: 'nouvelle.caissiere', mot_de_passe: NEW_PASSWORD })
    login.assertStatus(200)
  })

  test('a manager has no store; an admin-scoped integration token can create users', async ({ client, assert }) => {
    const token = await tokenWith(['admin'])
    const response = await client.post('/api/v1/users').header('x-api-token', token).json({
      nom_utilisateur: 'gerante2',
      email: 'gerante2@comptoir.local',
      nom_complet: 'Gérante Deux',
      role: 'manager',
      mot_de_passe: NEW_PASSWORD,
    })
    response.assertStatus(201)
    assert.isNull(response.body().magasin_id)
  })

  test('magasin_id is required for a clerk, refused for others, and must exist', async ({ client, assert }) => {
    const { token } = await adminSession()
    const base = { email: 'x@comptoir.local', nom_complet: 'X', mot_de_passe: NEW_PASSWORD }
    const cases = [
      { nom_utilisateur: 'clerk-no-store', role: 'clerk' },
      { nom_utilisateur: 'clerk-null-store', role: 'clerk', magasin_id: null },
      { nom_utilisateur: 'manager-store', role: 'manager', magasin_id: await firstStoreId() },
      { nom_utilisateur: 'clerk-ghost-store', role: 'clerk', magasin_id: 99999 },
    ]
    for (const body of cases) {
      const response = await client.post('/api/v1/users').header('x-api-token', token).json({ ...base, ...body })
      response.assertStatus(422)
      assert.deepEqual(fieldsOf(response.body()), ['magasin_id'], body.nom_utilisateur)
    }
    const count = await db.from('users').count('* as n').firstOrFail()
    assert.equal(Number(count.n), 1)
  })

  test('a password tried first is refused whatever its length: one character repeated, a straight run', async ({ client, assert }) => {
    const { token } = await adminSession()
    for (const guessable of ['1111111111', '0123456789', 'ABCDEFGHIJKL', '9876543210']) {
      const response = await client.post('/api/v1/users').header('x-api-token', token).json({
        nom_utilisateur: 'devinable',
        email: 'devinable@comptoir.local',
        nom_complet: 'Devinable',
        role: 'admin',
        mot_de_passe: guessable,
      })
      response.assertStatus(422)
      assert.deepEqual(response.body().details.validation_errors.map((e: { field: string; type: string }) => [e.field, e.type]), [['mot_de_passe', 'guessable']], guessable)
    }
  })

  test('every field is validated, and unknown fields are refused', async ({ client, assert }) => {
    const { token } = await adminSession()
    const response = await client.post('/api/v1/users').header('x-api-token', token).json({
      nom_utilisateur: 'Jo Smith!',
      email: 'not-an-email',
      nom_complet: 'x'.repeat(121),
      role: 'owner',
      mot_de_passe: 'short',
    })
    response.assertStatus(422)
    assert.equal(response.body().error_code, 'VALIDATION_ERROR')
    assert.sameMembers(fieldsOf(response.body()), ['nom_utilisateur', 'email', 'nom_complet', 'role', 'mot_de_passe'])

    const short = await client.post('/api/v1/users').header('x-api-token', token).json({
      nom_utilisateur: 'jo',
      email: 'jo@comptoir.local',
      nom_complet: 'Jo',
      role: 'admin',
      mot_de_passe: NEW_PASSWORD,
    })
    assert.deepEqual(fieldsOf(short.body()), ['nom_utilisateur'])

    const extra = await client.post('/api/v1/users').header('x-api-token', token).json({
      nom_utilisateur: 'jojo',
      email: 'jo@comptoir.local',
      nom_complet: 'Jo',
      role: 'admin',
      mot_de_passe: NEW_PASSWORD,
      password: 'sneaky',
    })
    extra.assertStatus(422)
    assert.deepEqual(fieldsOf(extra.body()), ['password'])
  })

  test('a taken username or e-mail (in any case) is a 409', async ({ client, assert }) => {
    const { token } = await adminSession()
    const existing = await makeUser('manager')
    const base = { nom_complet: 'Dup', role: 'manager', mot_de_passe: NEW_PASSWORD }
    const sameName = await client
      .post('/api/v1/users')
      .header('x-api-token', token)
      .json({ ...base, nom_utilisateur: existing.username, email: 'other@comptoir.local' })
    sameName.assertStatus(409)
    assert.containsSubset(sameName.body(), {
      error_code: 'DUPLICATE_RESOURCE',
      details: { resource: 'User', field: 'nom_utilisateur', value: existing.username },
    })
    const sameEmail = await client
      .post('/api/v1/users')
      .header('x-api-token', token)
      .json({ ...base, nom_utilisateur: 'someone-new', email: existing.email.toUpperCase() })
    sameEmail.assertStatus(409)
    assert.equal(sameEmail.body().details.field, 'email')
    // Both taken: both said at once, so the form marks both fields.
    const both = await client
      .post('/api/v1/users')
      .header('x-api-token', token)
      .json({ ...base, nom_utilisateur: existing.username, email: existing.email })
    both.assertStatus(409)
    assert.deepEqual(both.body().details.duplicates, [
      { field: 'nom_utilisateur', value: existing.username },
      { field: 'email', value: existing.email },
    ])
  })
})

test.group('Users: update', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('changes the profile fields', async ({ client, assert }) => {
    const { token } = await adminSession()
    const user = await makeUser('manager')
    const response = await client
      .patch(`/api/v1/users/${user.id}`)
      .header('x-api-token', token)
      .json({ nom_complet: 'Nouveau Nom', email: 'Renamed@Comptoir.local' })
    response.assertStatus(200)
    assert.containsSubset(response.body(), { nom_complet: 'Nouveau Nom', email: 'renamed@comptoir.local', role: 'manager' })
    assert.deepEqual(secretsIn(response.text()), [])
  })

  test('a password reset replaces the password and ends the user’s sessions', async ({ client, assert }) => {
    const { token } = await adminSession()
    const user = await makeUser('clerk')
    const session = await sessionFor(user)
    const response = await client
      .patch(`/api/v1/users/${user.id}`)
      .header('x-api-token', token)
      .json({ mot_de_passe: NEW_PASSWORD })
    response.assertStatus(200)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', session)).assertStatus(401)
    const ip = uniqueIp()
    const login = (password: string) =>
      client
        .post('/api/v1/auth/login')
        .header('x-forwarded-for', ip)
        .json({ identifiant: user.username, mot_de_passe: password })
    ;(await login(PASSWORD)).assertStatus(401)
    ;(await login(NEW_PASSWORD)).assertStatus(200)
    assert.lengthOf(await db.from('api_tokens').where('user_id', user.id).whereNull('revoked_at'), 1)
  })

  test('deactivation revokes every session of the user in the same transaction', async ({ client, assert }) => {
    const { token } = await adminSession()
    const user = await makeUser('manager')
    const session = await sessionFor(user)
    await sessionFor(user)
    // Used first, so the session sits in the principal cache when the user is deactivated.
    ;(await client.get('/api/v1/auth/me').header('x-api-token', session)).assertStatus(200)
    const response = await client.patch(`/api/v1/users/${user.id}`).header('x-api-token', token).json({ actif: false })
    response.assertStatus(200)
    assert.isFalse(response.body().actif)
    const live = await db.from('api_tokens').where('user_id', user.id).whereNull('revoked_at')
    assert.lengthOf(live, 0)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', session)).assertStatus(401)

    const login = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: user.username, mot_de_passe: PASSWORD })
    login.assertStatus(401)

    const reactivated = await client.patch(`/api/v1/users/${user.id}`).header('x-api-token', token).json({ actif: true })
    assert.isTrue(reactivated.body().actif)
  })

  test('a failing change revokes nothing', async ({ client, assert }) => {
    const { token } = await adminSession()
    const other = await makeUser('manager')
    const user = await makeUser('manager')
    await sessionFor(user)
    const response = await client
      .patch(`/api/v1/users/${user.id}`)
      .header('x-api-token', token)
      .json({ actif: false, email: other.email })
    response.assertStatus(409)
    const row = await db.from('users').where('id', user.id).firstOrFail()
    assert.isTrue(row.is_active)
    assert.lengthOf(await db.from('api_tokens').where('user_id', user.id).whereNull('revoked_at'), 1)
  })

  test('role changes keep the store rule and end the sessions', async ({ client, assert }) => {
    const { token } = await adminSession()
    const clerk = await makeUser('clerk')
    const session = await sessionFor(clerk)
    const promoted = await client.patch(`/api/v1/users/${clerk.id}`).header('x-api-token', token).json({ role: 'manager' })
    promoted.assertStatus(200)
    assert.containsSubset(promoted.body(), { role: 'manager', magasin_id: null })
    ;(await client.get('/api/v1/auth/me').header('x-api-token', session)).assertStatus(401)

    const manager = await makeUser('manager')
    const noStore = await client.patch(`/api/v1/users/${manager.id}`).header('x-api-token', token).json({ role: 'clerk' })
    noStore.assertStatus(422)
    assert.deepEqual(fieldsOf(noStore.body()), ['magasin_id'])
    const withStore = await client
      .patch(`/api/v1/users/${manager.id}`)
      .header('x-api-token', token)
      .json({ role: 'clerk', magasin_id: await firstStoreId() })
    withStore.assertStatus(200)
  })

  test('an admin cannot deactivate or demote themselves', async ({ client, assert }) => {
    const { admin, token } = await adminSession()
    await makeUser('admin')
    for (const body of [{ actif: false }, { role: 'manager' }]) {
      const response = await client.patch(`/api/v1/users/${admin.id}`).header('x-api-token', token).json(body)
      response.assertStatus(409)
      assert.equal(response.body().error_code, 'INVALID_TRANSITION')
    }
    /* Nor set their own password here: that is POST /auth/password, which asks for the current one. */
    const own = await client.patch(`/api/v1/users/${admin.id}`).header('x-api-token', token).json({ mot_de_passe: NEW_PASSWORD })
    own.assertStatus(409)
    assert.deepInclude(own.body(), { error_code: 'INVALID_TRANSITION' })
    assert.equal(own.body().details.change_password, '/api/v1/auth/password')
    /* Their name, though, is theirs to edit, and the session doing it goes on. */
    ;(await client.patch(`/api/v1/users/${admin.id}`).header('x-api-token', token).json({ nom_complet: 'Admin Renommée' })).assertStatus(200)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', token)).assertStatus(200)
  })

  test('the last active administrator cannot be removed', async ({ client, assert }) => {
    const admin = await makeUser('admin')
    const token = await tokenWith(['admin'])
    const response = await client.patch(`/api/v1/users/${admin.id}`).header('x-api-token', token).json({ actif: false })
    response.assertStatus(409)
    assert.equal(response.body().message, 'At least one active administrator must remain')
    await makeUser('admin')
    ;(await client.patch(`/api/v1/users/${admin.id}`).header('x-api-token', token).json({ actif: false })).assertStatus(200)
  })

  test('unknown user, taken values and bad fields', async ({ client, assert }) => {
    const { token } = await adminSession()
    const user = await makeUser('manager')
    const other = await makeUser('manager')
    ;(await client.patch('/api/v1/users/999999').header('x-api-token', token).json({ nom_complet: 'X' })).assertStatus(404)
    const taken = await client
      .patch(`/api/v1/users/${user.id}`)
      .header('x-api-token', token)
      .json({ nom_utilisateur: other.username })
    taken.assertStatus(409)
    assert.equal(taken.body().details.field, 'nom_utilisateur')
    const bad = await client
      .patch(`/api/v1/users/${user.id}`)
      .header('x-api-token', token)
      .json({ actif: 'no', mot_de_passe: 'short', is_active: false })
    bad.assertStatus(422)
    assert.deepEqual(fieldsOf(bad.body()), ['is_active'])
    const bad2 = await client.patch(`/api/v1/users/${user.id}`).header('x-api-token', token).json({ actif: 'no', mot_de_passe: 'short' })
    assert.sameMembers(fieldsOf(bad2.body()), ['actif', 'mot_de_passe'])
  })
})

test.group('Users: delete', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an account nothing refers to is deleted, with its tokens', async ({ client, assert }) => {
    const { token } = await adminSession()
    const user = await makeUser('clerk')
    await sessionFor(user)
    const response = await client.delete(`/api/v1/users/${user.id}`).header('x-api-token', token)
    response.assertStatus(204)
    assert.isNull(await db.from('users').where('id', user.id).first())
    assert.lengthOf(await db.from('api_tokens').where('user_id', user.id), 0)
    ;(await client.delete(`/api/v1/users/${user.id}`).header('x-api-token', token)).assertStatus(404)
  })

  test('an account a register session refers to is kept and deactivated', async ({ client, assert }) => {
    const { token } = await adminSession()
    const user = await makeUser('clerk')
    const session = await sessionFor(user)
    const register = await db.from('registers').where('store_id', user.storeId!).firstOrFail()
    await db.table('register_sessions').insert({ register_id: register.id, opened_by: user.id, opening_float_cents: 0 })

    const response = await client.delete(`/api/v1/users/${user.id}`).header('x-api-token', token)
    response.assertStatus(200)
    assert.containsSubset(response.body(), { id: user.id, actif: false, reference_par: ['register_sessions'] })
    assert.deepEqual(secretsIn(response.text()), [])
    const row = await db.from('users').where('id', user.id).firstOrFail()
    assert.isFalse(row.is_active)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', session)).assertStatus(401)
  })

  test('an admin cannot delete themselves nor the last active admin', async ({ client, assert }) => {
    const { admin, token } = await adminSession()
    const self = await client.delete(`/api/v1/users/${admin.id}`).header('x-api-token', token)
    self.assertStatus(409)
    assert.equal(self.body().error_code, 'INVALID_TRANSITION')
    const last = await client.delete(`/api/v1/users/${admin.id}`).header('x-api-token', await tokenWith(['admin']))
    last.assertStatus(409)
    assert.isNotNull(await db.from('users').where('id', admin.id).first())
  })
})
