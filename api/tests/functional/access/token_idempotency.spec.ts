import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { secretsIn } from '#tests/functional/access/helpers'

/*
 * POST /tokens honours Idempotency-Key: a retried creation (a lost answer, a
 * double click) mints no second token. Its secret is never stored, so the
 * retry cannot be answered with it: it is a 409 naming the token the key made.
 */

const BODY = { nom: 'erp-sync', scopes: ['read', 'reports'], expire_le: '2099-01-01' }

function create(client: ApiClient, token: string, key: string | null, body: object = BODY) {
  const request = client.post('/api/v1/tokens').header('authorization', `Bearer ${token}`)
  return (key === null ? request : request.header('idempotency-key', key)).json(body)
}

async function tokensNamed(name: string) {
  return db.from('api_tokens').where({ kind: 'integration', name }).count('* as n').first().then((row) => Number(row?.n))
}

test.group('POST /tokens with an Idempotency-Key', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a retry mints no second token: a 409 naming the first one, without its secret', async ({ client, assert }) => {
    const admin = await signedIn('admin')
    const first = await create(client, admin.token, 'token-0001-erp')
    first.assertStatus(201)
    assert.isString(first.body().token)

    const retried = await create(client, admin.token, 'token-0001-erp')
    retried.assertStatus(409)
    assert.containsSubset(retried.body(), {
      error_code: 'IDEMPOTENCY_CONFLICT',
      details: { idempotency_key: 'token-0001-erp', token_id: first.body().id },
    })
    assert.notInclude(retried.text(), first.body().token)
    assert.deepEqual(secretsIn(retried.text()), [])
    assert.equal(await tokensNamed('erp-sync'), 1)

    // Another body under the key: a conflict too, and nothing created.
    const other = await create(client, admin.token, 'token-0001-erp', { ...BODY, nom: 'other-sync' })
    other.assertStatus(409)
    assert.deepEqual(other.body().details, { idempotency_key: 'token-0001-erp' })
    assert.equal(await tokensNamed('other-sync'), 0)
  })

  test('the key is the caller’s: another administrator with the same key creates their own token', async ({ client, assert }) => {
    const [admin, other] = [await signedIn('admin'), await signedIn('admin')]
    ;(await create(client, admin.token, 'token-0002-erp')).assertStatus(201)
    ;(await create(client, other.token, 'token-0002-erp')).assertStatus(201)
    assert.equal(await tokensNamed('erp-sync'), 2)
  })

  test('without a key each POST creates a token; a refused creation does not use its key up', async ({ client, assert }) => {
    const admin = await signedIn('admin')
    ;(await create(client, admin.token, null)).assertStatus(201)
    ;(await create(client, admin.token, null)).assertStatus(201)
    assert.equal(await tokensNamed('erp-sync'), 2)

    ;(await create(client, admin.token, 'token-0003-erp', { ...BODY, expire_le: '2001-01-01' })).assertStatus(422)
    ;(await create(client, admin.token, 'token-0003-erp')).assertStatus(201)
    ;(await create(client, admin.token, 'bad key!')).assertStatus(422)
    assert.equal(await tokensNamed('erp-sync'), 3)
  })
})
