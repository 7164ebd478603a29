import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { PASSWORD, makeUser, secretsIn, uniqueIp } from '#tests/functional/access/helpers'

test.group('POST /auth/login', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [role, scopes] of [
    ['clerk', ['read', 'write']],
    ['manager', ['read', 'write', 'reports']],
    ['admin', ['read', 'write', 'reports', 'admin']],
  ] as const) {
    test(`a ${role} gets a 12-hour session token with the ${role} scopes`, async ({ client, assert }) => {
      const user = await makeUser(role)
      const response = await client
        .post('/api/v1/auth/login')
        .header('x-forwarded-for', uniqueIp())
        .json({ identifiant: user.username, mot_de_passe: PASSWORD })
      response.assertStatus(200)
      const body = response.body()
      assert.match(body.token, /^cpt_/)
      assert.deepEqual(body.utilisateur, {
        id: user.id,
        nom_utilisateur: user.username,
        email: user.email,
        nom_complet: user.fullName,
        role,
        magasin_id: user.storeId,
        doit_changer_mot_de_passe: false,
      })
      assert.deepEqual(body.scopes, [...scopes])
      const hours = (new Date(body.expire_le).getTime() - Date.now()) / 3_600_000
      assert.isAbove(hours, 11.9)
      assert.isBelow(hours, 12.1)
      assert.deepEqual(secretsIn(response.text()), [])

      const stored = await db.from('api_tokens').where('user_id', user.id).firstOrFail()
      assert.equal(stored.kind, 'session')
      assert.deepEqual(stored.scopes, [...scopes])
      assert.notEqual(stored.token_hash, body.token)

      const me = await client.get('/api/v1/auth/me').header('authorization', `Bearer ${body.token}`)
      me.assertStatus(200)
      assert.equal(me.body().utilisateur.id, user.id)
    })
  }

  test('the e-mail address works as identifiant, in any case', async ({ client }) => {
    const user = await makeUser('manager')
    const response = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: user.email.toUpperCase(), mot_de_passe: PASSWORD })
    response.assertStatus(200)
  })

  test('username/email and password are accepted as aliases', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const ip = uniqueIp()
    const byUsername = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', ip)
      .json({ username: user.username, password: PASSWORD })
    byUsername.assertStatus(200)
    const byEmail = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', ip)
      .json({ email: user.email, password: PASSWORD })
    byEmail.assertStatus(200)
    assert.notEqual(byUsername.body().token, byEmail.body().token)
  })

  test('a wrong password and an unknown user get the same 401', async ({ client, assert }) => {
    const user = await makeUser('admin')
    const wrong = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: user.username, mot_de_passe: 'not the password' })
    const unknown = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: 'nobody-here', mot_de_passe: 'not the password' })
    for (const response of [wrong, unknown]) {
      response.assertStatus(401)
      assert.equal(response.body().error_code, 'AUTHENTICATION_ERROR')
      assert.equal(response.body().message, 'Identifiants invalides')
      assert.isNull(response.body().details)
    }
    assert.equal(await db.from('api_tokens').where('kind', 'session').count('* as n').first().then((r) => Number(r.n)), 0)
  })

  test('a deactivated user cannot log in, even with the right password', async ({ client, assert }) => {
    const user = await makeUser('manager', { isActive: false })
    const response = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: user.username, mot_de_passe: PASSWORD })
    response.assertStatus(401)
    assert.equal(response.body().message, 'Identifiants invalides')
  })

  test('missing credentials and unknown fields are validation errors', async ({ client, assert }) => {
    const empty = await client.post('/api/v1/auth/login').header('x-forwarded-for', uniqueIp()).json({})
    empty.assertStatus(422)
    assert.equal(empty.body().details.validation_errors[0].field, 'identifiant')

    const noPassword = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: 'admin' })
    noPassword.assertStatus(422)
    assert.equal(noPassword.body().details.validation_errors[0].field, 'mot_de_passe')

    const typo = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: 'admin', mot_de_passe: 'x', remember: true })
    typo.assertStatus(422)
    assert.equal(typo.body().details.validation_errors[0].field, 'remember')
  })
})
