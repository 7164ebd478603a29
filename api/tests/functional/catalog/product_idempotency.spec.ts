import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { ledgerAndLevel, resetDatabase, warehouseLocation } from '#tests/helpers/database'

// No code: the API assigns the next of the series, so a re-post without a key would make a second product.
const BODY = { nom: 'Riz basmati', prix: '3.49', categorie_id: 1, quantite_stock: 40 }

function create(client: ApiClient, token: string, key: string | null, body: Record<string, unknown> = BODY) {
  const request = client.post('/api/v1/products').header('x-api-token', token)
  return (key === null ? request : request.header('idempotency-key', key)).json(body)
}

async function productsNamed(name: string) {
  const row = await db.from('products').where('name', name).count('* as n').first()
  return Number(row?.n)
}

test.group('POST /api/v1/products with an Idempotency-Key', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a retry answers with the first product (200, replayed): one product, one code, stock received once', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    const first = await create(client, token, 'web-product-0001')
    first.assertStatus(201)
    const again = await create(client, token, 'web-product-0001')
    again.assertStatus(200)
    again.assertHeader('idempotent-replayed', 'true')
    assert.equal(again.body().id, first.body().id)
    assert.equal(again.body().code, first.body().code)
    assert.equal(await productsNamed('Riz basmati'), 1)
    assert.deepEqual(await ledgerAndLevel(warehouse, first.body().id), { ledger: 40, level: 40 })
    // Without a key the same body is a new product, under the next code.
    const unkeyed = await create(client, token, null)
    unkeyed.assertStatus(201)
    assert.notEqual(unkeyed.body().code, first.body().code)
  })

  test('the same key with another body is a 409 IDEMPOTENCY_CONFLICT and creates nothing', async ({ client, assert }) => {
    ;(await create(client, token, 'web-product-0002')).assertStatus(201)
    const other = await create(client, token, 'web-product-0002', { ...BODY, nom: 'Riz jasmin' })
    other.assertStatus(409)
    assert.containsSubset(other.body(), { error_code: 'IDEMPOTENCY_CONFLICT', details: { idempotency_key: 'web-product-0002' } })
    assert.equal(await productsNamed('Riz jasmin'), 0)
  })

  test('a refused creation (duplicate code) does not use its key up', async ({ client }) => {
    ;(await create(client, token, 'web-product-0003', { ...BODY, code: 'ALI001' })).assertStatus(409)
    ;(await create(client, token, 'web-product-0003', { ...BODY, code: 'RIZ777' })).assertStatus(201)
  })
})

test.group('POST /api/v1/products with one key in parallel (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('8 parallel posts of one key: one product, the others replay it', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const body = { ...BODY, nom: 'Riz parallèle' }
    const responses = await Promise.all(Array.from({ length: 8 }, () => create(client, token, 'web-product-race-01', body)))
    assert.deepEqual(responses.map((response) => response.status()).sort(), [200, 200, 200, 200, 200, 200, 200, 201])
    assert.equal(new Set(responses.map((response) => response.body().id)).size, 1)
    assert.equal(await productsNamed('Riz parallèle'), 1)
  })
})
