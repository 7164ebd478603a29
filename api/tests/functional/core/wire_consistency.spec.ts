import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { contract } from '#tests/helpers/openapi_contract'
import { signedIn } from '#tests/helpers/actors'
import { tokenWith } from '#tests/helpers/tokens'
import { openRegister, registersOf } from '#tests/helpers/pos'

/*
 * One thing, said one way by every route: an integrator who learned a field
 * or an error on one route must be able to read it the same way on the next.
 */

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

function validationFields(response: ApiResponse): string[] {
  return response.body().details.validation_errors.map((e: { field: string }) => e.field)
}

async function countRows(table: string) {
  const row = await db.from(table).count('* as n').first()
  return Number(row?.n)
}

async function sellOne(client: ApiClient, token: string, registerId: number) {
  const response = await client
    .post('/api/v1/sales')
    .header('authorization', `Bearer ${token}`)
    .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '5.00' }] })
  response.assertStatus(201)
  return response.body()
}

test.group('Wire consistency', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a sale’s cree_le is the same UTC instant with a Z in the list and in the detail', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const [registerId] = await registersOf(1)
    await openRegister(client, clerk.token, registerId)
    const sale = await sellOne(client, clerk.token, registerId)

    const list = await client.get('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).qs({ numero_recu: sale.numero_recu })
    list.assertStatus(200)
    assert.lengthOf(list.body().items, 1)
    const listed = list.body().items[0].cree_le
    assert.match(listed, UTC_INSTANT)
    const detail = await client.get(`/api/v1/sales/${sale.id}`).header('authorization', `Bearer ${clerk.token}`)
    assert.equal(listed, detail.body().cree_le)
    assert.equal(listed, sale.cree_le)
  })

  test('details.used_by is a list of what refers to a product, a category or a store', async ({ client, assert }) => {
    const doc = await contract(client)
    const token = await tokenWith(['read', 'write'])
    const refused = async (path: string, operation: string) => {
      const response = await client.delete(path).header('x-api-token', token)
      doc.assertResponse(response, operation, 409)
      assert.equal(response.body().error_code, 'RESOURCE_IN_USE')
      assert.isArray(response.body().details.used_by, path)
      return response.body()
    }

    const product = await refused('/api/v1/products/1', 'DELETE /api/v1/products/{id}')
    assert.include(product.details.used_by, 'stock movements')
    const category = await refused('/api/v1/categories/1', 'DELETE /api/v1/categories/{id}')
    assert.deepEqual(category.details.used_by, ['products'])
    const store = await refused('/api/v1/stores/1', 'DELETE /api/v1/stores/{id}')
    assert.includeMembers(store.details.used_by, ['registers', 'stock'])
    assert.include(store.message, `referenced by ${store.details.used_by.join(', ')} and`)

    // The documented examples show the same shape.
    for (const operation of ['DELETE /api/v1/products/{id}', 'DELETE /api/v1/categories/{id}', 'DELETE /api/v1/stores/{id}']) {
      const content = doc.operation(operation).responses['409'].content!['application/json']
      const examples = Object.values(content.examples ?? {}).map((e) => e.value as { error_code: string; details: { used_by?: unknown } })
      const inUse = examples.filter((e) => e.error_code === 'RESOURCE_IN_USE')
      assert.isNotEmpty(inUse, operation)
      for (const example of inUse) assert.isArray(example.details.used_by, operation)
    }
  })

  test('a bad or empty Idempotency-Key is a 422 naming the header, on POST /sales and POST /replenishments', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const [registerId] = await registersOf(1)
    await openRegister(client, clerk.token, registerId)
    const writes = [
      { path: '/api/v1/sales', table: 'sales', body: { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '5.00' }] } },
      { path: '/api/v1/replenishments', table: 'replenishment_requests', body: { magasin_id: 1, produit_id: 2, quantite: 30 } },
    ]
    for (const { path, table, body } of writes) {
      const before = await countRows(table)
      for (const key of ['', 'short', 'no spaces allowed']) {
        const response = await client.post(path).header('authorization', `Bearer ${clerk.token}`).header('idempotency-key', key).json(body)
        response.assertStatus(422)
        assert.deepEqual(validationFields(response), ['Idempotency-Key'], `${path} ${JSON.stringify(key)}`)
      }
      assert.equal(await countRows(table), before, path)
    }
  })

  test('an unknown store is the same 404 for the store performance report as for the other reports', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const report = (path: string) => client.get(`/api/v1/reports${path}`).header('authorization', `Bearer ${manager.token}`)
    const performance = await report('/stores/999999/performance')
    const summary = await report('/global-summary?store_id=999999')
    for (const response of [performance, summary]) {
      response.assertStatus(404)
      assert.containsSubset(response.body(), {
        error_code: 'NOT_FOUND',
        message: 'Store with identifier 999999 not found',
        details: { resource: 'Store', identifier: 999999 },
      })
    }
  })
})
