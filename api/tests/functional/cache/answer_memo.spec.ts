import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { issueToken } from '#access/services/token_service'
import { revokeIntegrationToken } from '#access/actions/revoke_integration_token'
import { cacheCounts, clearCache } from '#core/cache'
import { answersFromMemoTotal, httpRequestsTotal } from '#core/metrics'
import { resetDatabase } from '#tests/helpers/database'
import { signedIn } from '#tests/helpers/actors'

/* How many answers the memo gave for a route pattern, so far. */
async function memoAnswers(route: string) {
  const values = (await answersFromMemoTotal.get()).values
  return values.find((value) => value.labels.route === route)?.value ?? 0
}

async function requestsCounted(route: string) {
  const values = (await httpRequestsTotal.get()).values
  return values
    .filter((value) => value.labels.route === route && value.labels.method === 'GET' && value.labels.status === '200')
    .reduce((sum, value) => sum + value.value, 0)
}

/* What belongs to one answer only: its id, its handling time, its date. */
function lastingHeaders(headers: Record<string, unknown>) {
  const { 'x-request-id': _id, 'x-process-time': _time, 'date': _date, ...rest } = headers
  return rest
}

/*
 * Real commits (no rolled-back transaction): the memo stands on the cache,
 * and the cache is invalidated when writes commit.
 */
test.group('Answer memo: a repeated read is answered before routing, while what it was made from holds', (group) => {
  let token: string

  group.setup(async () => {
    token = (await issueToken({ name: 'answer-memo', scopes: ['read', 'write', 'admin', 'reports'] })).token
    return () => resetDatabase()
  })
  group.each.setup(async () => {
    await clearCache()
  })

  test('the second identical read is the memo’s, with the router’s body and headers, counted and logged alike', async ({ client, assert }) => {
    const route = '/api/v1/products/:id'
    const read = () => client.get('/api/v1/products/5').header('x-api-token', token)
    const first = await read()
    first.assertStatus(200)
    const [memoBefore, countedBefore, hitsBefore] = [await memoAnswers(route), await requestsCounted(route), cacheCounts().l1Hits]

    const second = await read().header('x-request-id', 'integrateur-42')
    second.assertStatus(200)
    assert.equal(await memoAnswers(route), memoBefore + 1, 'answered from the memo')
    assert.equal(await requestsCounted(route), countedBefore + 1, 'in http_requests_total as any answer')
    assert.equal(cacheCounts().l1Hits - hitsBefore, 2, 'the token and the product, as the router would have read them')

    assert.equal(second.text(), first.text())
    assert.deepEqual(lastingHeaders(second.headers()), lastingHeaders(first.headers()))
    assert.equal(second.header('x-request-id'), 'integrateur-42')
    assert.notEqual(first.header('x-request-id'), undefined)
    assert.match(second.header('x-process-time') ?? '', /^\d+\.\d{6}$/)
  })

  test('a committed write is read right after it: the memo stands on the values the write invalidates', async ({ client, assert }) => {
    const read = async () => (await client.get('/api/v1/products/6').header('x-api-token', token)).body()
    await read()
    await read()
    ;(await client.patch('/api/v1/products/6').header('x-api-token', token).json({ nom: 'Pain au levain' })).assertStatus(200)
    assert.equal((await read()).nom, 'Pain au levain')
  })

  test('a revoked token is refused on its next read, even one the memo held', async ({ client, assert }) => {
    const { token: revoked, record } = await issueToken({ name: 'answer-memo-revoked', scopes: ['read'] })
    const read = () => client.get('/api/v1/stores/').header('authorization', `Bearer ${revoked}`)
    ;(await read()).assertStatus(200)
    const memoBefore = await memoAnswers('/api/v1/stores')
    ;(await read()).assertStatus(200)
    assert.equal(await memoAnswers('/api/v1/stores'), memoBefore + 1, 'the memo held the answer')

    ;(await client.delete(`/api/v1/tokens/${record.id}`).header('x-api-token', token)).assertStatus(204)
    const refused = await read()
    refused.assertStatus(401)
    assert.equal(refused.body().error_code, 'AUTHENTICATION_ERROR')
  })

  test('a token that expires is refused from its expiry, though its answer was memoised a moment before', async ({ client }) => {
    const { token: brief } = await issueToken({ name: 'answer-memo-brief', scopes: ['read'], expiresAt: DateTime.now().plus({ milliseconds: 600 }) })
    const read = () => client.get('/api/v1/products/5').header('x-api-token', brief)
    ;(await read()).assertStatus(200)
    ;(await read()).assertStatus(200)
    await new Promise((resolve) => setTimeout(resolve, 700))
    ;(await read()).assertStatus(401)
  })

  test('another token asking for the same URL gets its own answer: a clerk is refused the report a manager read', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const clerk = await signedIn('clerk', 1)
    const url = '/api/v1/reports/global-summary'
    for (let i = 0; i < 3; i += 1) (await client.get(url).header('x-api-token', manager.token)).assertStatus(200)
    const refused = await client.get(url).header('x-api-token', clerk.token)
    refused.assertStatus(403)
    assert.equal(refused.body().error_code, 'AUTHORIZATION_ERROR')
  })

  test('an answer is memoised for the form it was asked in: the same report as CSV is the router’s CSV (Vary: Accept)', async ({ client, assert }) => {
    const url = '/api/v1/reports/global-summary'
    const route = '/api/v1/reports/global-summary'
    const asJson = () => client.get(url).header('x-api-token', token)
    ;(await asJson()).assertStatus(200)
    const before = await memoAnswers(route)
    const json = await asJson()
    assert.equal(await memoAnswers(route), before + 1)
    assert.equal(json.header('vary'), 'Accept')

    const csv = await client.get(url).header('x-api-token', token).header('accept', 'text/csv')
    csv.assertStatus(200)
    assert.match(csv.header('content-type') ?? '', /^text\/csv/)
    assert.equal(await memoAnswers(route), before + 1, 'not from the memo')
    assert.match((await asJson()).header('content-type') ?? '', /^application\/json/)
    assert.equal(await memoAnswers(route), before + 2, 'the JSON form is still memoised')
  })

  test('a URL longer than 512 characters (ignored parameters piled up) is answered by the router every time', async ({ client, assert }) => {
    const route = '/api/v1/stores'
    const long = `/api/v1/stores/?${Array.from({ length: 60 }, (_, i) => `ignore${i}=xxxx`).join('&')}`
    assert.isAbove(long.length, 512)
    const before = await memoAnswers(route)
    for (let i = 0; i < 3; i += 1) (await client.get(long).header('x-api-token', token)).assertStatus(200)
    assert.equal(await memoAnswers(route), before)
  })

  test('a cross-origin read, a read with a body and a HEAD go through the router', async ({ client, assert }) => {
    const route = '/api/v1/products'
    const read = () => client.get('/api/v1/products/').header('x-api-token', token)
    ;(await read()).assertStatus(200)
    ;(await read()).assertStatus(200)
    const memoBefore = await memoAnswers(route)

    const crossOrigin = await read().header('origin', 'https://erp.example.com')
    crossOrigin.assertStatus(200)
    assert.equal(crossOrigin.header('access-control-allow-origin'), '*')
    ;(await client.head('/api/v1/products/').header('x-api-token', token)).assertStatus(200)
    assert.equal(await memoAnswers(route), memoBefore, 'none of them from the memo')
    ;(await read()).assertStatus(200)
    assert.equal(await memoAnswers(route), memoBefore + 1)
  })

  test('an answer made from a value the cache did not keep is not memoised: an error, or a page of a list that is not cached', async ({ client, assert }) => {
    const missing = () => client.get('/api/v1/products/999999').header('x-api-token', token)
    const productsBefore = await memoAnswers('/api/v1/products/:id')
    ;(await missing()).assertStatus(404)
    ;(await missing()).assertStatus(404)
    assert.equal(await memoAnswers('/api/v1/products/:id'), productsBefore)
    const sessions = () => client.get('/api/v1/registers/1/sessions').header('x-api-token', token)
    const sessionsBefore = await memoAnswers('/api/v1/registers/:id/sessions')
    ;(await sessions()).assertStatus(200)
    ;(await sessions()).assertStatus(200)
    assert.equal(await memoAnswers('/api/v1/registers/:id/sessions'), sessionsBefore)
  })

  test('a token revoked while its principal was being looked up is refused on its next read, as the router refuses it', async ({ client, assert }) => {
    const { token: racing, record } = await issueToken({ name: 'answer-memo-race', scopes: ['read'] })
    // The revocation commits, and drops the cached principals, after the lookup read the token's row and
    // before its value is stored: the cache hands that row to this request only (a read across a write).
    const rawQuery = db.rawQuery
    let revoked = false
    db.rawQuery = ((sql: string, bindings?: unknown[]) => {
      const query = rawQuery.call(db, sql, bindings as never)
      if (revoked || !sql.includes('FROM api_tokens t LEFT JOIN users u')) return query
      revoked = true
      return Promise.resolve(query).then(async (rows) => {
        await revokeIntegrationToken({ id: record.id })
        return rows
      })
    }) as typeof db.rawQuery
    try {
      // Concurrent with the revocation: the router may answer it.
      ;(await client.get('/api/v1/products/5').header('x-api-token', racing)).assertStatus(200)
    } finally {
      db.rawQuery = rawQuery
    }
    assert.isTrue(revoked)
    // After the revocation has answered, the router refuses the token: so must the memo.
    const next = await client.get('/api/v1/products/5').header('x-api-token', racing)
    next.assertStatus(401)
  })
})
