import http from 'node:http'
import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { errorCodes } from '#core/error_codes'
import { tokenWith } from '#tests/helpers/tokens'
import { rowCounts } from '#tests/helpers/row_counts'
import { send } from '#tests/functional/fuzz/http_sender'

/*
 * How every route reads a request body: JSON only, UTF-8 only, an object,
 * no `__proto__`, and nothing at all on an operation that takes no body.
 */
function raw(method: string, target: string, headers: Record<string, string>, body?: string | Buffer) {
  const host = !process.env.HOST || process.env.HOST === '0.0.0.0' ? '127.0.0.1' : process.env.HOST
  const agent = new http.Agent({ keepAlive: false })
  return send(new URL(`http://${host}:${process.env.PORT}`), agent, {
    operation: 'request bodies',
    method,
    target,
    headers,
    body: body as string,
    defect: '',
    principal: 'none',
  })
    .then((response) => ({ ...response, body: JSON.parse(response.text || 'null') }))
    .finally(() => agent.destroy())
}

const fieldsOf = (body: { details: { validation_errors: { field: string }[] } }) => body.details.validation_errors.map((e) => e.field)

async function product(id: number) {
  return db.from('products').where('id', id).select('name', 'description', 'price_cents').first()
}

test.group('Request bodies', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a JSON body that is not an object (null, 5, "x", true, []) is a 422 on body, like []', async ({ assert }) => {
    const token = await tokenWith(['read', 'write'])
    const before = await product(1)
    for (const body of ['null', '5', '"x"', 'true', '[]', ' null ']) {
      const response = await raw('PATCH', '/api/v1/products/1', { 'x-api-token': token, 'content-type': 'application/json' }, body)
      assert.equal(response.status, 422, body)
      assert.equal(response.body.error_code, 'VALIDATION_ERROR', body)
      assert.deepEqual(fieldsOf(response.body), ['body'], body)
    }
    assert.deepEqual(await product(1), before)
    const malformed = await raw('PATCH', '/api/v1/products/1', { 'x-api-token': token, 'content-type': 'application/json' }, '{"nom":')
    assert.equal(malformed.status, 400)
    assert.equal(malformed.body.error_code, 'MALFORMED_REQUEST')
  })

  test('no error answers with a code outside the catalogue (HTTP_ERROR is gone)', async ({ assert }) => {
    const token = await tokenWith(['read', 'write'])
    const headers = { 'x-api-token': token, 'content-type': 'application/json' }
    const responses = [
      await raw('PATCH', '/api/v1/products/1', headers, 'false'),
      await raw('POST', '/api/v1/products', headers, '"x"'),
      await raw('PUT', '/api/v1/products', headers, '{}'),
      await raw('GET', '/api/v1/nowhere', { 'x-api-token': token }),
      await raw('PATCH', '/api/v1/products/1', { ...headers, 'content-encoding': 'zip' }, '{}'),
    ]
    for (const response of responses) {
      assert.notEqual(response.body.error_code, 'HTTP_ERROR')
      assert.property(errorCodes, response.body.error_code)
    }
    const { toEnvelope } = await import('#core/exceptions/to_envelope')
    for (let status = 400; status < 500; status++) {
      const envelope = toEnvelope(Object.assign(new Error('library error'), { status }), '/x')
      assert.property(errorCodes, envelope.error_code, String(status))
      assert.equal(envelope.status, status)
    }
  })

  test('a body that is not UTF-8, or declares another charset, is refused and changes nothing', async ({ assert }) => {
    const token = await tokenWith(['read', 'write'])
    const before = await product(1)
    const latin1 = Buffer.concat([Buffer.from('{"description":"caf'), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from('"}')])
    const invalid = await raw('PATCH', '/api/v1/products/1', { 'x-api-token': token, 'content-type': 'application/json' }, latin1)
    assert.equal(invalid.status, 400)
    assert.containsSubset(invalid.body, { error_code: 'MALFORMED_REQUEST', details: { reason: 'invalid_utf8' } })
    /* A truncated 4-byte sequence and an encoded surrogate: not UTF-8 either. */
    for (const bytes of [[0xf0, 0x90, 0x80], [0xed, 0xa0, 0x80]]) {
      const body = Buffer.concat([Buffer.from('{"description":"'), Buffer.from(bytes), Buffer.from('"}')])
      const response = await raw('PATCH', '/api/v1/products/1', { 'x-api-token': token, 'content-type': 'application/json' }, body)
      assert.equal(response.status, 400, bytes.join())
    }
    const declared = await raw(
      'PATCH',
      '/api/v1/products/1',
      { 'x-api-token': token, 'content-type': 'application/json; charset=iso-8859-1' },
      '{"description":"cafe"}'
    )
    assert.equal(declared.status, 415)
    assert.containsSubset(declared.body, { error_code: 'MALFORMED_REQUEST', details: { charset: 'iso-8859-1' } })
    assert.deepEqual(await product(1), before)

    /* UTF-8, declared or not, and compressed, still works (U+FFFD itself is a character like any other). */
    const utf8 = await raw(
      'PATCH',
      '/api/v1/products/1',
      { 'x-api-token': token, 'content-type': 'application/json; charset=UTF-8' },
      '{"description":"café \uFFFD"}'
    )
    assert.equal(utf8.status, 200, utf8.text)
    assert.equal(utf8.body.description, 'café \uFFFD')
    const gzipped = await raw(
      'PATCH',
      '/api/v1/products/1',
      { 'x-api-token': token, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync('{"description":"crème"}')
    )
    assert.equal(gzipped.status, 200, gzipped.text)
    assert.equal(gzipped.body.description, 'crème')
  })

  test('an operation without a body refuses a non-empty one, naming its fields; {} and no body are fine', async ({ assert }) => {
    const token = await tokenWith(['read', 'write', 'admin'])
    const headers = { 'x-api-token': token, 'content-type': 'application/json' }
    const before = await rowCounts(['stock_movements'])
    const stock = (await db.from('stock_levels').where('product_id', 1).orderBy('location_id', 'desc').first())?.quantity

    const reduce = await raw('POST', '/api/v1/products/1/reduce-stock?quantity=1', headers, '{"foo":1,"quantity":500}')
    assert.equal(reduce.status, 422)
    assert.equal(reduce.body.error_code, 'VALIDATION_ERROR')
    assert.sameMembers(fieldsOf(reduce.body), ['foo', 'quantity'])
    for (const body of ['[]', '[1]', 'null', '"x"']) {
      const response = await raw('POST', '/api/v1/products/1/reduce-stock?quantity=1', headers, body)
      assert.equal(response.status, 422, body)
      assert.deepEqual(fieldsOf(response.body), ['body'], body)
    }
    const removal = await raw('DELETE', '/api/v1/products/999999', headers, '{"force":true}')
    assert.equal(removal.status, 422)
    assert.deepEqual(fieldsOf(removal.body), ['force'])
    const cache = await raw('POST', '/api/v1/cache/clear', headers, '{"pattern":"*"}')
    assert.equal(cache.status, 422)
    assert.deepEqual(fieldsOf(cache.body), ['pattern'])
    assert.deepEqual(await rowCounts(['stock_movements']), before)
    assert.equal((await db.from('stock_levels').where('product_id', 1).orderBy('location_id', 'desc').first())?.quantity, stock)

    /* Clients that send {} or an empty body keep working. */
    const empty = await raw('POST', '/api/v1/products/1/reduce-stock?quantity=1', headers, '{}')
    assert.equal(empty.status, 200, empty.text)
    const none = await raw('POST', '/api/v1/products/1/reduce-stock?quantity=1', { 'x-api-token': token, 'content-length': '0' })
    assert.equal(none.status, 200, none.text)
    const chunkedEmpty = await raw('DELETE', '/api/v1/cache/clear', { ...headers, 'transfer-encoding': 'chunked' })
    assert.equal(chunkedEmpty.status, 200, chunkedEmpty.text)
  })

  test('logout refuses a body too, and keeps the session', async ({ assert }) => {
    const { signedIn } = await import('#tests/helpers/actors')
    const { token } = await signedIn('manager')
    const headers = { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' }
    const refused = await raw('POST', '/api/v1/auth/logout', headers, '{"all":true}')
    assert.equal(refused.status, 422)
    assert.deepEqual(fieldsOf(refused.body), ['all'])
    const me = await raw('GET', '/api/v1/auth/me', { authorization: `Bearer ${token}` })
    assert.equal(me.status, 200)
  })

  test('__proto__ and constructor are unknown fields like any other, at any depth', async ({ assert }) => {
    const token = await tokenWith(['read', 'write'])
    const headers = { 'x-api-token': token, 'content-type': 'application/json' }
    const before = await product(1)
    for (const [body, field] of [
      ['{"__proto__":{"x":1}}', '__proto__'],
      ['{"\\u005f_proto__":{"x":1}}', '__proto__'],
      ['{"constructor":{"prototype":{"x":1}}}', 'constructor'],
      ['{"constructor":1}', 'constructor'],
      ['{"prototype":1}', 'prototype'],
      ['{"nom":"Pain","__proto__":{"x":1}}', '__proto__'],
    ]) {
      const response = await raw('PATCH', '/api/v1/products/1', headers, body)
      assert.equal(response.status, 422, body)
      assert.deepEqual(fieldsOf(response.body), [field], body)
    }
    const nested = await raw(
      'POST',
      '/api/v1/warehouse/receipts',
      headers,
      '{"lignes":[{"produit_id":1,"quantite":1,"__proto__":{"admin":true}}]}'
    )
    assert.equal(nested.status, 422)
    assert.deepEqual(fieldsOf(nested.body), ['lignes.0.__proto__'])
    assert.deepEqual(await product(1), before)
    assert.notProperty(Object.prototype, 'x')
    assert.notProperty(Object.prototype, 'admin')
  })

  test('a body nested deeper than 64 levels is a 400, wherever it nests', async ({ assert }) => {
    const token = await tokenWith(['read', 'write'])
    const headers = { 'x-api-token': token, 'content-type': 'application/json' }
    for (const [target, field] of [['/api/v1/products/1', 'prix'], ['/api/v1/products/1', 'unknown']]) {
      const body = `{"${field}":${'['.repeat(20_000)}${']'.repeat(20_000)}}`
      const response = await raw('PATCH', target, headers, body)
      assert.equal(response.status, 400, field)
      assert.containsSubset(response.body, { error_code: 'MALFORMED_REQUEST', details: { reason: 'too_deeply_nested' } })
    }
    /* 50 levels under an unknown field are still only an unknown field. */
    const fifty = await raw('PATCH', '/api/v1/products/1', headers, `{"deep":${'['.repeat(50)}${']'.repeat(50)}}`)
    assert.equal(fifty.status, 422)
    assert.deepEqual(fieldsOf(fifty.body), ['deep'])
  })

  test('a body over 256 kB is a 413', async ({ assert }) => {
    const token = await tokenWith(['read', 'write'])
    const body = JSON.stringify({ description: 'x'.repeat(300 * 1024) })
    const response = await raw('PATCH', '/api/v1/products/1', { 'x-api-token': token, 'content-type': 'application/json' }, body)
    assert.equal(response.status, 413)
    assert.equal(response.body.error_code, 'PAYLOAD_TOO_LARGE')
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20))
    const inflated = await raw(
      'PATCH',
      '/api/v1/products/1',
      { 'x-api-token': token, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      bomb
    )
    assert.equal(inflated.status, 413)
  })
})
