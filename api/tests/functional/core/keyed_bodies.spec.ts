import { test } from '@japa/runner'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'

/*
 * Every keyed write validates its body and its Idempotency-Key together (validateKeyedBody):
 * a request wrong in both is told both at once, not the key only after the body was fixed.
 */
const KEYED_WRITES = [
  '/api/v1/products',
  '/api/v1/categories',
  '/api/v1/stores',
  '/api/v1/stores/1/registers',
  '/api/v1/stock/adjustments',
  '/api/v1/warehouse/receipts',
  '/api/v1/replenishments',
  '/api/v1/sales',
  '/api/v1/tokens',
]

test.group('Keyed writes: body and Idempotency-Key in one 422', (group) => {
  const actors = eachTestRolledBack(group, async () => ({ admin: await signedIn('admin') }))

  test('a body with an unknown field and a malformed key are both named, on every keyed write', async ({ client, assert }) => {
    for (const path of KEYED_WRITES) {
      const response = await client.post(path).header('authorization', `Bearer ${actors.admin.token}`).header('idempotency-key', 'court').json({ champ_inconnu: true })
      assert.equal(response.status(), 422, `${path}: ${JSON.stringify(response.body())}`)
      const fields: string[] = response.body().details.validation_errors.map((error: { field: string }) => error.field)
      assert.include(fields, 'Idempotency-Key', path)
      assert.include(fields, 'champ_inconnu', path)
    }
  })
})
