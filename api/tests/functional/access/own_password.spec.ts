import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import User from '#access/models/user'
import { LOGIN_LIMITS } from '#access/services/login_throttle'
import { tokenWith } from '#tests/helpers/tokens'
import { resetDatabase } from '#tests/helpers/database'
import { PASSWORD, makeUser, sessionFor, uniqueIp } from '#tests/functional/access/helpers'

const NEW_PASSWORD = 'une toute nouvelle phrase'

function change(client: ApiClient, token: string, body: Record<string, unknown>, ip = uniqueIp()) {
  return client.post('/api/v1/auth/password').header('x-api-token', token).header('x-forwarded-for', ip).json(body)
}

function login(client: ApiClient, username: string, password: string) {
  return client.post('/api/v1/auth/login').header('x-forwarded-for', uniqueIp()).json({ identifiant: username, mot_de_passe: password })
}

async function fieldsRefused(response: Awaited<ReturnType<typeof change>>) {
  response.assertStatus(422)
  return (response.body().details.validation_errors as { field: string; type: string }[]).map((e) => `${e.field}:${e.type}`)
}

test.group('A user changes their own password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the new password signs in, the old one no longer does; other sessions end, this one goes on', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const here = await sessionFor(user)
    const elsewhere = await sessionFor(user)
    const response = await change(client, here, { mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: NEW_PASSWORD })
    response.assertStatus(204)

    ;(await client.get('/api/v1/auth/me').header('x-api-token', here)).assertStatus(200)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', elsewhere)).assertStatus(401)
    ;(await login(client, user.username, PASSWORD)).assertStatus(401)
    ;(await login(client, user.username, NEW_PASSWORD)).assertStatus(200)
    const stored = await User.findOrFail(user.id)
    assert.isTrue(await hash.verify(stored.password, NEW_PASSWORD))
  })

  test('a wrong current password is refused on its field and changes nothing', async ({ client, assert }) => {
    const user = await makeUser('manager')
    const token = await sessionFor(user)
    const response = await change(client, token, { mot_de_passe_actuel: 'pas le bon', nouveau_mot_de_passe: NEW_PASSWORD })
    assert.deepEqual(await fieldsRefused(response), ['mot_de_passe_actuel:current_password'])
    ;(await login(client, user.username, PASSWORD)).assertStatus(200)
  })

  test('the same change sent again by the same session is done once: the second answers 204 and spends no guess', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const token = await sessionFor(user)
    const ip = uniqueIp()
    const body = { mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: NEW_PASSWORD }
    ;(await change(client, token, body, ip)).assertStatus(204)
    ;(await change(client, token, body, ip)).assertStatus(204)
    ;(await client.get('/api/v1/auth/me').header('x-api-token', token)).assertStatus(200)
    assert.isTrue(await hash.verify((await User.findOrFail(user.id)).password, NEW_PASSWORD))
    // Neither counted as a failure: the full budget of wrong guesses is left from this address.
    for (let i = 0; i < LOGIN_LIMITS.perAccount.requests; i++) {
      ;(await change(client, token, { mot_de_passe_actuel: `essai ${i}`, nouveau_mot_de_passe: 'encore une autre phrase' }, ip)).assertStatus(422)
    }
    ;(await change(client, token, body, ip)).assertStatus(429)
  })

  test('a "new" password that is already the stored one, not just set by this session, is refused (fields swapped, a temporary password typed again)', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const token = await sessionFor(user)
    // Swapped: the one they want as current, the one they have as new.
    const swapped = await change(client, token, { mot_de_passe_actuel: NEW_PASSWORD, nouveau_mot_de_passe: PASSWORD })
    assert.deepEqual(await fieldsRefused(swapped), ['mot_de_passe_actuel:current_password'])

    const admin = await makeUser('admin')
    const adminToken = await sessionFor(admin)
    const TEMPORARY = 'donné par l’administratrice'
    ;(await client.patch(`/api/v1/users/${user.id}`).header('x-api-token', adminToken).json({ mot_de_passe: TEMPORARY })).assertStatus(200)
    const session = await sessionFor(user)
    const again = await change(client, session, { mot_de_passe_actuel: 'je ne sais plus', nouveau_mot_de_passe: TEMPORARY })
    assert.deepEqual(await fieldsRefused(again), ['mot_de_passe_actuel:current_password'])
    assert.isTrue((await User.findOrFail(user.id)).mustChangePassword, 'still to be chosen')
  })

  test('the new password must be long enough and not the current one', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const token = await sessionFor(user)
    const short = await change(client, token, { mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: 'court' })
    assert.deepEqual(await fieldsRefused(short), ['nouveau_mot_de_passe:minLength'])
    const same = await change(client, token, { mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: PASSWORD })
    assert.deepEqual(await fieldsRefused(same), ['nouveau_mot_de_passe:different'])
    const missing = await change(client, token, {})
    assert.sameMembers(await fieldsRefused(missing), ['mot_de_passe_actuel:required', 'nouveau_mot_de_passe:required'])
    ;(await login(client, user.username, PASSWORD)).assertStatus(200)
  })

  test('wrong current passwords spend the login budget: a 429 with Retry-After, even for the right one', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const token = await sessionFor(user)
    const ip = uniqueIp()
    for (let i = 0; i < LOGIN_LIMITS.perAccount.requests; i++) {
      ;(await change(client, token, { mot_de_passe_actuel: `essai ${i}`, nouveau_mot_de_passe: NEW_PASSWORD }, ip)).assertStatus(422)
    }
    const blocked = await change(client, token, { mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: NEW_PASSWORD }, ip)
    blocked.assertStatus(429)
    assert.equal(blocked.body().error_code, 'RATE_LIMIT_EXCEEDED')
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    ;(await login(client, user.username, PASSWORD)).assertStatus(200)
  })

  test('an integration token has no password to change; no token is a 401', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const response = await change(client, token, { mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: NEW_PASSWORD })
    response.assertStatus(422)
    assert.equal(response.body().error_code, 'BUSINESS_LOGIC_ERROR')
    ;(await client.post('/api/v1/auth/password').json({})).assertStatus(401)
  })
})

test.group('A password change sent twice at once (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('both answer 204: the second waits for the first and finds the change made by its session', async ({ client, assert }) => {
    const user = await makeUser('manager')
    const token = await sessionFor(user)
    const body = { mot_de_passe_actuel: PASSWORD, nouveau_mot_de_passe: NEW_PASSWORD }
    const [first, second] = await Promise.all([change(client, token, body), change(client, token, body)])
    assert.deepEqual([first.status(), second.status()], [204, 204])
    assert.isTrue(await hash.verify((await User.findOrFail(user.id)).password, NEW_PASSWORD))
    ;(await client.get('/api/v1/auth/me').header('x-api-token', token)).assertStatus(200)
  })
})
