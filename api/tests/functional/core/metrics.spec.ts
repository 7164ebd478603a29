import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { signedIn } from '#tests/helpers/actors'
import { openRegister, registersOf } from '#tests/helpers/pos'

/** The value of one series in Prometheus text output (0 when absent). */
async function sample(client: ApiClient, name: string, labels: Record<string, string>) {
  const text = (await client.get('/metrics')).text()
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`)) return false
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))
  })
  return line ? Number(line.split(' ').pop()) : 0
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
})
