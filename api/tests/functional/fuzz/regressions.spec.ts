import http from 'node:http'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { toEnvelope } from '#core/exceptions/to_envelope'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { openRegister, registersOf } from '#tests/helpers/pos'
import { rowCounts } from '#tests/helpers/row_counts'
import { send } from '#tests/functional/fuzz/http_sender'

/*
 * One test per defect the fuzz found, so each fix stays fixed even when a
 * later seed no longer happens to draw it.
 */
function raw(method: string, target: string, headers: Record<string, string> = {}, body?: string) {
  const host = !process.env.HOST || process.env.HOST === '0.0.0.0' ? '127.0.0.1' : process.env.HOST
  const agent = new http.Agent({ keepAlive: false })
  return send(new URL(`http://${host}:${process.env.PORT}`), agent, {
    operation: 'regression',
    method,
    target,
    headers,
    body,
    defect: '',
    principal: 'none',
  }).finally(() => agent.destroy())
}

function fieldsOf(body: { details: { validation_errors: { field: string }[] } }) {
  return body.details.validation_errors.map((e) => e.field)
}

test.group('Fuzz findings: errors outside the router are envelopes', () => {
  test('a malformed percent-encoding in the path is a 400 envelope with the usual headers', async ({ assert }) => {
    for (const target of ['/api/v1/products/%E0%A4%A', '/api/v1/stores/%C0%80', '/%zz/health']) {
      const response = await raw('GET', target)
      assert.equal(response.status, 400, target)
      assert.include(String(response.headers['content-type']), 'application/json')
      assert.isString(response.headers['x-instance-id'])
      assert.isString(response.headers['x-request-id'])
      // docs/api.md: every response has X-Process-Time (it was missing here).
      assert.match(String(response.headers['x-process-time']), /^\d+\.\d{6}$/, target)
      const body = JSON.parse(response.text)
      assert.containsSubset(body, { status: 400, error: 'Bad Request', error_code: 'MALFORMED_REQUEST', path: target })
      assert.sameMembers(Object.keys(body), ['timestamp', 'status', 'error', 'message', 'path', 'error_code', 'details'])
    }
  })

  test('headers over the server limit are a 431 envelope with the usual headers', async ({ assert }) => {
    const response = await raw('GET', '/api/v1/products', { 'x-api-token': 'x'.repeat(10_240), 'x-padding': 'y'.repeat(10_240) })
    assert.equal(response.status, 431)
    assert.containsSubset(JSON.parse(response.text), { status: 431, error_code: 'MALFORMED_REQUEST' })
    // The headers every response carries (X-Request-Id and X-Process-Time were missing).
    assert.isString(response.headers['x-instance-id'])
    assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/)
    assert.match(String(response.headers['x-process-time']), /^\d+\.\d{6}$/)
  })

  test('a value PostgreSQL refuses (class 22) is a 422, not a 500', ({ assert }) => {
    for (const code of ['22021', '22P02', '22003', '54000']) {
      const envelope = toEnvelope(Object.assign(new Error('db'), { code }), '/x')
      assert.equal(envelope.status, 422, code)
      assert.equal(envelope.error_code, 'VALIDATION_ERROR')
    }
  })
})

test.group('Fuzz findings: hostile input refused', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a body that is not JSON is a 415 and changes nothing', async ({ assert }) => {
    const token = await tokenWith(['read', 'write'])
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'nom=Renamed'],
      ['text/plain', '{"nom":"Renamed"}'],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="nom"\r\n\r\nRenamed\r\n--b--\r\n'],
      [undefined, '{"nom":"Renamed"}'],
    ]) {
      const headers: Record<string, string> = { 'x-api-token': token }
      if (type) headers['content-type'] = type
      const response = await raw('PATCH', '/api/v1/stores/1', headers, body)
      assert.equal(response.status, 415, type)
      assert.equal(JSON.parse(response.text).error_code, 'MALFORMED_REQUEST')
    }
    assert.notEqual((await db.from('stores').where('id', 1).first()).name, 'Renamed')
    /* A POST without a body (Content-Length: 0, no Content-Type) is still fine. */
    const noBody = await raw('POST', '/api/v1/products/999999/reduce-stock?quantity=1', { 'x-api-token': token, 'content-length': '0' })
    assert.equal(noBody.status, 404)
  })

  test('path ids are decimal digits: /users/0x1, /products/1e0, " 1" are 422', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write', 'admin'])
    for (const path of ['/api/v1/products/0x1', '/api/v1/products/1e0', '/api/v1/products/%201', '/api/v1/stores/%2B1', '/api/v1/users/01.0']) {
      const response = await client.get(path).header('x-api-token', token)
      assert.equal(response.status(), 422, path)
      assert.deepEqual(fieldsOf(response.body()), ['id'])
    }
  })

  test('query values are single, decimal, NUL-free', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    for (const [query, field] of [
      ['page[]=1', 'page'],
      ['page[a]=1', 'page'],
      ['page=1&page=2', 'page'],
      ['size=0x10', 'size'],
      ['prix_min=1e3', 'prix_min'],
      ['search=a%00b', 'search'],
    ]) {
      const response = await client.get(`/api/v1/products?${query}`).header('x-api-token', token)
      assert.equal(response.status(), 422, query)
      assert.deepEqual(fieldsOf(response.body()), [field], query)
    }
    const before = await rowCounts(['stock_movements'])
    const reduce = await client.post('/api/v1/products/1/reduce-stock?quantity[]=1').header('x-api-token', token)
    reduce.assertStatus(422)
    assert.deepEqual(await rowCounts(['stock_movements']), before)
  })

  test('JSON bodies: numbers are numbers, booleans are booleans, nested unknown fields are refused', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const before = await rowCounts(['stock_movements', 'stock_levels'])
    const cases: [string, object, string][] = [
      ['/api/v1/warehouse/receipts', { lignes: [{ produit_id: 1, quantite: true }] }, 'lignes.0.quantite'],
      ['/api/v1/warehouse/receipts', { lignes: [{ produit_id: 1, quantite: '5' }] }, 'lignes.0.quantite'],
      ['/api/v1/warehouse/receipts', { lignes: [{ produit_id: 1, quantite: [5] }] }, 'lignes.0.quantite'],
      ['/api/v1/warehouse/receipts', { lignes: [{ produit_id: 1, quantite: 5, prix: 0 }] }, 'lignes.0.prix'],
      ['/api/v1/stock/adjustments', { entrepot: 1, produit_id: 1, quantite: -1, motif: 'x' }, 'entrepot'],
      ['/api/v1/stock/adjustments', { entrepot: true, produit_id: 1, quantite: -1, motif: 'a\u0000b' }, 'motif'],
    ]
    for (const [path, body, field] of cases) {
      const response = await client.post(path).header('x-api-token', token).json(body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      assert.deepEqual(fieldsOf(response.body()), [field], JSON.stringify(body))
    }
    assert.deepEqual(await rowCounts(['stock_movements', 'stock_levels']), before)
  })

  test('money strings are plain decimals: "1e3", "0x10", true and [5] are refused', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const [registerId] = await registersOf(1)
    for (const amount of ['1e3', '0x10', '12e-1', true, [5]]) {
      const response = await client
        .post(`/api/v1/registers/${registerId}/sessions`)
        .header('authorization', `Bearer ${clerk.token}`)
        .json({ fond_de_caisse: amount })
      assert.equal(response.status(), 422, JSON.stringify(amount))
    }
    assert.lengthOf(await db.from('register_sessions').where('register_id', registerId), 0)
  })

  test('an empty Idempotency-Key is refused, not ignored', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const [registerId] = await registersOf(1)
    await openRegister(client, clerk.token, registerId)
    const sale = { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '5.00' }] }
    for (const key of ['', ' ']) {
      const headers = { 'authorization': `Bearer ${clerk.token}`, 'content-type': 'application/json', 'idempotency-key': key }
      const response = await raw('POST', '/api/v1/sales', headers, JSON.stringify(sale))
      assert.equal(response.status, 422, JSON.stringify(key))
    }
    assert.lengthOf(await db.from('sales'), 0)
  })

  test('a NUL character in a text path parameter is a 422', async ({ assert }) => {
    const token = await tokenWith(['read'])
    for (const target of ['/api/v1/stores/by-name/a%00b', '/api/v1/products/by-code/A%00']) {
      const response = await raw('GET', target, { 'x-api-token': token })
      assert.equal(response.status, 422, target)
    }
  })
})
