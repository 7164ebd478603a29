import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'

/**
 * The Idempotency-Key contract of a POST that creates a row of `table`: a retry with the same
 * key and body answers 200 with the first row (Idempotent-Replayed) and creates nothing; the key
 * with another body is a 409 IDEMPOTENCY_CONFLICT. Returns the created body.
 */
export async function assertIdempotentCreation(
  { client, assert }: { client: ApiClient; assert: Assert },
  { path, token, table, body, otherBody }: { path: string; token: string; table: string; body: object; otherBody: object }
) {
  const count = async () => Number((await db.from(table).count('* as n').first())?.n)
  const before = await count()
  const post = (json: object) => client.post(path).header('x-api-token', token).header('idempotency-key', 'creation-retry-0001').json(json)
  const first = await post(body)
  first.assertStatus(201)
  const retry = await post(body)
  retry.assertStatus(200)
  assert.equal(retry.header('idempotent-replayed'), 'true')
  assert.deepEqual(retry.body(), first.body())
  const other = await post(otherBody)
  other.assertStatus(409)
  assert.equal(other.body().error_code, 'IDEMPOTENCY_CONFLICT')
  assert.equal(await count(), before + 1)
  return first.body()
}
