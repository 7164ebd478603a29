import { test } from '@japa/runner'
import { issueToken } from '#access/services/token_service'
import { signedIn } from '#tests/helpers/actors'
import { registersOf } from '#tests/helpers/pos'
import { resetDatabase } from '#tests/helpers/database'
import { startSecondInstance } from '#tests/helpers/second_instance'
import { redisAnswers, startRedis, stopRedis } from '#tests/helpers/redis_server'
import { waitUntil } from '#tests/helpers/waiting'

const SECOND_PORT = Number(process.env.PORT ?? 3399) + 50

async function getJson(url: string, token: string) {
  const response = await fetch(url, { headers: { 'x-api-token': token } })
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, instance: response.headers.get('x-instance-id') }
}

/*
 * Two API processes on one PostgreSQL and one Redis. These tests commit
 * (the other process cannot see a rolled-back transaction) and reset the
 * database afterwards.
 */
test.group('Cache coherence across instances', (group) => {
  let second: Awaited<ReturnType<typeof startSecondInstance>>
  let token: string

  group.setup(async () => {
    if (!process.env.REDIS_URL) throw new Error('REDIS_URL is not set: these tests need the Redis that `make test` starts')
    second = await startSecondInstance(SECOND_PORT)
    token = (await issueToken({ name: 'coherence', scopes: ['read', 'write', 'admin', 'reports'] })).token
    return async () => {
      if (!redisAnswers()) startRedis()
      await second.stop()
      await resetDatabase()
    }
  })

  test('a write on instance A is read back on instance B long before the value expires (bus, not TTL)', async ({ client, assert }) => {
    const url = `${second.baseUrl}/api/v1/products/1`
    const before = await getJson(url, token)
    assert.equal(before.instance, 'test-instance-b')
    // Twice: the second read is served from B's cache.
    await getJson(url, token)
    const stats = await getJson(`${second.baseUrl}/api/v1/cache/stats`, token)
    assert.isAbove(stats.body.hits as number, 0)

    const patched = await client.patch('/api/v1/products/1').header('x-api-token', token).json({ nom: 'Pain de campagne' })
    patched.assertStatus(200)
    const elapsed = await waitUntil(async () => (await getJson(url, token)).body.nom === 'Pain de campagne', 2_000)
    // The catalogue's TTL is 5 minutes: seeing the change within 2 s can only come from the bus.
    // How fast the bus is belongs in a benchmark, not here (a loaded CI machine is slow).
    assert.isNotNull(elapsed, 'instance B did not see the change within 2 s')
  }).timeout(60_000)

  test('a value A computed is read on B from Redis, then from B\'s memory', async ({ client, assert }) => {
    const computed = await client.get('/api/v1/products/5').header('x-api-token', token)
    computed.assertStatus(200)
    const url = `${second.baseUrl}/api/v1/products/5`
    // The first read copies the value from Redis into B's memory; the next ones read that copy.
    for (let read = 0; read < 3; read++) {
      const answer = await getJson(url, token)
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      assert.equal(answer.body.nom, computed.body().nom)
    }
  }).timeout(60_000)

  test('a token revoked on instance A is refused by instance B before its cached copy expires', async ({ client, assert }) => {
    const created = await client.post('/api/v1/tokens').header('x-api-token', token).json({ nom: 'coherence-revoke', scopes: ['read'] })
    created.assertStatus(201)
    const { id, token: revocable } = created.body()
    const url = `${second.baseUrl}/api/v1/stores`
    assert.equal((await getJson(url, revocable)).status, 200)
    assert.equal((await getJson(url, revocable)).status, 200)

    ;(await client.delete(`/api/v1/tokens/${id}`).header('x-api-token', token)).assertStatus(204)
    // Resolved tokens are cached 10 s: refused within 2 s means the revocation came over the bus.
    const elapsed = await waitUntil(async () => (await getJson(url, revocable)).status === 401, 2_000)
    assert.isNotNull(elapsed, 'instance B kept accepting the revoked token for 2 s')
  }).timeout(60_000)

  test('with Redis stopped, a sale invalidates the reports and they still answer at once', async ({ assert }) => {
    const clerk = await signedIn('clerk', 1)
    const registerId = (await registersOf(1))[0]
    const post = (path: string, body: object) =>
      fetch(`${second.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${clerk.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      })
    const summary = async () => {
      const response = await fetch(`${second.baseUrl}/api/v1/reports/global-summary`, {
        headers: { 'x-api-token': token },
        signal: AbortSignal.timeout(5_000),
      })
      assert.equal(response.status, 200)
      return (await response.json()) as Record<string, unknown>
    }
    assert.equal((await post(`/api/v1/registers/${registerId}/sessions`, { fond_de_caisse: '100.00' })).status, 201)
    const before = await summary()

    stopRedis()
    for (let sale = 0; sale < 3; sale++) {
      const sold = await post('/api/v1/sales', {
        caisse_id: registerId,
        lignes: [{ code: 'ALI001', quantite: 1 }],
        paiements: [{ mode: 'especes', montant: '100.00' }],
      })
      assert.equal(sold.status, 201)
      const after = await summary()
      assert.isDefined(after)
    }
    const changed = await waitUntil(async () => JSON.stringify(await summary()) !== JSON.stringify(before), 3_000)
    assert.isNotNull(changed, 'the cached report never saw the sales made while Redis was away')
    startRedis()
  })
    .timeout(60_000)

  test('with Redis stopped every request still succeeds; restarted, the shared cache works again', async ({ client, assert }) => {
    // Product 6 is in both instances' memory and in Redis from before the outage.
    ;(await client.get('/api/v1/products/6').header('x-api-token', token)).assertStatus(200)
    assert.equal((await getJson(`${second.baseUrl}/api/v1/products/6`, token)).status, 200)
    stopRedis()
    assert.isFalse(redisAnswers())
    for (let i = 0; i < 20; i++) {
      const a = await client.get('/api/v1/products').header('x-api-token', token)
      a.assertStatus(200)
      const b = await getJson(`${second.baseUrl}/api/v1/stores/1`, token)
      assert.equal(b.status, 200)
    }
    // The probe reuses its result for a second: poll.
    const degraded = await waitUntil(async () => {
      const health = await getJson(`${second.baseUrl}/health`, token)
      return health.status === 200 && health.body.status === 'degraded'
    }, 3_000)
    assert.isNotNull(degraded, 'instance B did not report itself degraded while Redis was away')

    // A renames product 6 while Redis holds its old copy, out of reach.
    ;(await client.patch('/api/v1/products/6').header('x-api-token', token).json({ nom: 'Yaourt nature' })).assertStatus(200)

    // B caches product 2, then A renames it while Redis (and so the bus) is away.
    await getJson(`${second.baseUrl}/api/v1/products/2`, token)
    const renamed = await client.patch('/api/v1/products/2').header('x-api-token', token).json({ nom: 'Lait entier' })
    renamed.assertStatus(200)

    // Both instances have just failed to reach Redis (a miss on each), so bentocache skips Redis for a while.
    assert.equal((await getJson(`${second.baseUrl}/api/v1/products/7`, token)).status, 200)
    ;(await client.get('/api/v1/products/8').header('x-api-token', token)).assertStatus(200)
    startRedis()
    const reconnected = await waitUntil(async () => (await getJson(`${second.baseUrl}/health`, token)).body.status === 'healthy', 15_000)
    assert.isNotNull(reconnected, 'instance B did not reconnect to Redis')

    // The invalidation sent during the outage is delivered once Redis is back.
    const caughtUp = await waitUntil(async () => (await getJson(`${second.baseUrl}/api/v1/products/2`, token)).body.nom === 'Lait entier', 15_000)
    assert.isNotNull(caughtUp, 'instance B kept serving the value cached before the outage')

    // What Redis held from before the outage is not served once it is back, on either instance,
    // even once bentocache reads Redis again (it skips it for 5 s after a failure).
    await new Promise((resolve) => setTimeout(resolve, 5_500))
    const freshOnB = await waitUntil(async () => (await getJson(`${second.baseUrl}/api/v1/products/6`, token)).body.nom === 'Yaourt nature', 5_000)
    assert.isNotNull(freshOnB, 'instance B served the copy Redis kept from before the outage')
    const freshOnA = await waitUntil(async () => (await client.get('/api/v1/products/6').header('x-api-token', token)).body().nom === 'Yaourt nature', 5_000)
    assert.isNotNull(freshOnA, 'instance A served the copy Redis kept from before the outage')

    // Coherence is back through the bus, without restarting either instance.
    const back = await waitUntil(async () => {
      await client.patch('/api/v1/products/3').header('x-api-token', token).json({ nom: `Oeufs bio ${Date.now()}` })
      const seenByB = (await getJson(`${second.baseUrl}/api/v1/products/3`, token)).body.nom as string
      const seenByA = (await client.get('/api/v1/products/3').header('x-api-token', token)).body().nom as string
      return seenByB === seenByA
    }, 15_000)
    assert.isNotNull(back)
    const l2 = (await getJson(`${second.baseUrl}/api/v1/cache/stats`, token)).body.layers as { l2: { status: string } }
    assert.equal(l2.l2.status, 'up')
  }).timeout(90_000)
})
