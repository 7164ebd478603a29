import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { signedIn } from '#tests/helpers/actors'
import { openRegister, registersOf } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'
import { locationOfStore } from '#tests/helpers/database'

/** The value of one series in Prometheus text output (0 when absent). */
async function sample(client: ApiClient, name: string, labels: Record<string, string>) {
  const text = (await client.get('/metrics')).text()
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`)) return false
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))
  })
  return line ? Number(line.split(' ').pop()) : 0
}

/** The value of one series in Prometheus text output, or undefined when the series does not exist. */
function seriesValue(text: string, name: string, labels: Record<string, string>) {
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`)) return false
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))
  })
  return line === undefined ? undefined : Number(line.split(' ').pop())
}

test.group('GET /metrics', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('exposes the documented metric names in Prometheus text format', async ({ client, assert }) => {
    await client.get('/health')
    const response = await client.get('/metrics')
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /text\/plain/)
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
      'db_pool_connections',
    ]) {
      assert.include(response.text(), name)
    }
  })

  test('counts requests by route pattern (never the raw URL) and status', async ({ client, assert }) => {
    const before = await sample(client, 'http_requests_total', { method: 'GET', route: '/api/v1/products/:id', status: '401' })
    for (const id of [1, 2, 3]) await client.get(`/api/v1/products/${id}`)
    const after = await sample(client, 'http_requests_total', { method: 'GET', route: '/api/v1/products/:id', status: '401' })
    assert.equal(after - before, 3)
    const text = (await client.get('/metrics')).text()
    assert.notInclude(text, 'route="/api/v1/products/1"')
    assert.match(text, /http_requests_total\{[^}]*instance="[^"]+"/)
  })

  test('counts sales and their amount', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const registerId = (await registersOf(1))[0]
    await openRegister(client, clerk.token, registerId)
    const sales = await sample(client, 'comptoir_sales_total', { store: '1' })
    const amount = await sample(client, 'comptoir_sales_amount_cents_total', { store: '1' })
    const sale = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: '1.38' }] })
    sale.assertStatus(201)
    assert.equal((await sample(client, 'comptoir_sales_total', { store: '1' })) - sales, 1)
    assert.equal((await sample(client, 'comptoir_sales_amount_cents_total', { store: '1' })) - amount, 138)
  })

  /*
   * Prometheus's increase() and rate() need two samples: a series born at 1 by a store's first
   * sale on an instance lost that sale. Every store, even one created after the instance started,
   * must be at 0 in the scrape before its first event.
   */
  test('a new store has its sales, returns and stock alert series at 0 before any event', async ({ client, assert }) => {
    const writer = await tokenWith(['read', 'write'])
    const created = await client.post('/api/v1/stores').header('x-api-token', writer).json({ nom: 'Magasin Métriques' })
    created.assertStatus(201)
    const store = String(created.body().id)
    const location = String(await locationOfStore(created.body().id))

    const text = (await client.get('/metrics')).text()
    for (const name of [
      'comptoir_sales_total',
      'comptoir_sales_amount_cents_total',
      'comptoir_returns_total',
      'comptoir_refunds_amount_cents_total',
    ]) {
      assert.strictEqual(seriesValue(text, name, { store }), 0, `${name}{store="${store}"}`)
    }
    assert.strictEqual(seriesValue(text, 'comptoir_stock_alerts_total', { location }), 0)
  })
})
