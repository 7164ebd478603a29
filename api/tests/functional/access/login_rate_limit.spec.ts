import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { LOGIN_LIMITS } from '#access/services/login_throttle'
import { PASSWORD, makeUser, uniqueIp } from '#tests/functional/access/helpers'

function attempt(client: ApiClient, ip: string, identifiant: string, password: string) {
  return client.post('/api/v1/auth/login').header('x-forwarded-for', ip).json({ identifiant, mot_de_passe: password })
}

test.group('Login rate limit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the 6th attempt after 5 failures is a 429 with Retry-After, even with the right password', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const ip = uniqueIp()
    for (let i = 0; i < LOGIN_LIMITS.perAccount.requests; i++) {
      ;(await attempt(client, ip, user.username, 'wrong password')).assertStatus(401)
    }
    const blocked = await attempt(client, ip, user.username, PASSWORD)
    blocked.assertStatus(429)
    assert.containsSubset(blocked.body(), { status: 429, error_code: 'RATE_LIMIT_EXCEEDED', path: '/api/v1/auth/login' })
    const retryAfter = Number(blocked.header('retry-after'))
    assert.isAbove(retryAfter, 14 * 60)
    assert.isAtMost(retryAfter, 15 * 60)
    assert.equal(blocked.body().details.retry_after, retryAfter)

    /* Same account from another address, and another account from this address, still work. */
    ;(await attempt(client, uniqueIp(), user.username, PASSWORD)).assertStatus(200)
    const colleague = await makeUser('clerk')
    ;(await attempt(client, ip, colleague.username, PASSWORD)).assertStatus(200)
  })

  test('the limit is shared through the database, where counters are keyed by a hash', async ({ assert, client }) => {
    const ip = uniqueIp()
    ;(await attempt(client, ip, 'someone@example.com', 'wrong password')).assertStatus(401)
    const rows = await db.from('rate_limits').whereILike('key', `%${ip}`)
    assert.lengthOf(rows, 2)
    assert.isTrue(rows.every((row) => !row.key.includes('someone')))
  })

  test("an account's username and e-mail share one budget; so do wrong current passwords on POST /auth/password", async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const ip = uniqueIp()
    for (let i = 0; i < 3; i++) (await attempt(client, ip, user.username, 'wrong password')).assertStatus(401)
    for (let i = 0; i < 2; i++) (await attempt(client, ip, user.email.toUpperCase(), 'wrong password')).assertStatus(401)
    const blocked = await attempt(client, ip, user.email, PASSWORD)
    blocked.assertStatus(429)
    assert.equal(blocked.body().error_code, 'RATE_LIMIT_EXCEEDED')

    const other = await makeUser('manager')
    const otherIp = uniqueIp()
    const session = await attempt(client, uniqueIp(), other.username, PASSWORD)
    session.assertStatus(200)
    for (let i = 0; i < 4; i++) (await attempt(client, otherIp, other.email, 'wrong password')).assertStatus(401)
    const wrongCurrent = await client
      .post('/api/v1/auth/password')
      .header('x-api-token', session.body().token)
      .header('x-forwarded-for', otherIp)
      .json({ mot_de_passe_actuel: 'pas le bon', nouveau_mot_de_passe: 'une toute nouvelle phrase' })
    wrongCurrent.assertStatus(422)
    ;(await attempt(client, otherIp, other.username, PASSWORD)).assertStatus(429)
  })

  test('a success clears its own account counter', async ({ client }) => {
    const user = await makeUser('manager')
    const ip = uniqueIp()
    for (let i = 0; i < 4; i++) (await attempt(client, ip, user.username, 'wrong password')).assertStatus(401)
    ;(await attempt(client, ip, user.username, PASSWORD)).assertStatus(200)
    for (let i = 0; i < 5; i++) (await attempt(client, ip, user.username, 'wrong password')).assertStatus(401)
    ;(await attempt(client, ip, user.username, 'wrong password')).assertStatus(429)
  })

  test('30 failures per IP across accounts; a success neither resets nor spends that budget', async ({ client, assert }) => {
    const ip = uniqueIp()
    const user = await makeUser('admin')
    let failures = 0
    /* 29 failures spread over accounts (4 each, under the per-account limit)… */
    for (let account = 0; failures < LOGIN_LIMITS.perIp.requests - 1; account++) {
      for (let i = 0; i < 4 && failures < LOGIN_LIMITS.perIp.requests - 1; i++, failures++) {
        ;(await attempt(client, ip, `sprayed-${account}`, 'guess')).assertStatus(401)
      }
    }
    /* …one legitimate login from the same address… */
    ;(await attempt(client, ip, user.username, PASSWORD)).assertStatus(200)
    /* …leaves exactly one failure in the budget, then the address is blocked for everyone. */
    ;(await attempt(client, ip, 'sprayed-last', 'guess')).assertStatus(401)
    const blocked = await attempt(client, ip, user.username, PASSWORD)
    blocked.assertStatus(429)
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    ;(await attempt(client, uniqueIp(), user.username, PASSWORD)).assertStatus(200)
  })

  test("wrong current passwords are counted on the account alone: one user cannot block an address's logins or password changes", async ({ client, assert }) => {
    // Every clerk of a store may come from one address (and the web, forwarding, from the browser's).
    const ip = uniqueIp()
    const [guesser, colleague] = [await makeUser('clerk'), await makeUser('clerk')]
    const signIn = async (username: string) => (await attempt(client, ip, username, PASSWORD)).body().token as string
    const change = (token: string, current: string) =>
      client
        .post('/api/v1/auth/password')
        .header('x-api-token', token)
        .header('x-forwarded-for', ip)
        .json({ mot_de_passe_actuel: current, nouveau_mot_de_passe: 'une toute nouvelle phrase' })
    const guesserToken = await signIn(guesser.username)
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_LIMITS.perIp.requests + 2; i++) statuses.push((await change(guesserToken, `essai ${i}`)).status())
    assert.deepEqual(statuses.slice(0, LOGIN_LIMITS.perAccount.requests + 1), [...Array(LOGIN_LIMITS.perAccount.requests).fill(422), 429])
    assert.isTrue(statuses.slice(LOGIN_LIMITS.perAccount.requests).every((s) => s === 429))

    const colleagueToken = await signIn(colleague.username)
    assert.isString(colleagueToken, 'the address may still sign in')
    ;(await change(colleagueToken, PASSWORD)).assertStatus(204)
  })

  test('a private address is not a trusted proxy: a client on the LAN cannot pick its address per guess', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    // What nginx forwards for a client at `lan` that sent its own X-Forwarded-For: the forged hop, then the real one.
    const lan = uniqueIp()
    const statuses: number[] = []
    for (let i = 0; i <= LOGIN_LIMITS.perAccount.requests; i++) {
      statuses.push((await attempt(client, `203.0.113.${i + 1}, ${lan}`, user.username, 'wrong password')).status())
    }
    assert.deepEqual(statuses, [...Array(LOGIN_LIMITS.perAccount.requests).fill(401), 429])
    const rows = await db.from('rate_limits').whereILike('key', `%${lan}`)
    assert.isAbove(rows.length, 0, 'the failures were counted against the LAN address')
  })

  test('parallel guesses cannot slip past the limit', async ({ client, assert }) => {
    const user = await makeUser('clerk')
    const ip = uniqueIp()
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => attempt(client, ip, user.username, 'wrong password'))
    )
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 401).length, LOGIN_LIMITS.perAccount.requests)
    assert.equal(statuses.filter((s) => s === 429).length, 12 - LOGIN_LIMITS.perAccount.requests)
  })
})
