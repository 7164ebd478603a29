import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { hashToken } from '#access/services/token_service'
import { tokenWith } from '#tests/helpers/tokens'
import { makeUser, secretsIn, sessionFor } from '#tests/functional/access/helpers'

test.group('API tokens endpoints', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creating a token shows it once; it works with its scopes only', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    const response = await client
      .post('/api/v1/tokens')
      .header('x-api-token', admin)
      .json({ nom: 'erp-sync', scopes: ['read', 'reports'], expire_le: '2099-01-01' })
    response.assertStatus(201)
    const body = response.body()
    assert.match(body.token, /^cpt_[A-Za-z0-9_-]{43}$/)
    assert.containsSubset(body, {
      nom: 'erp-sync',
      prefixe: body.token.slice(0, 12),
      scopes: ['read', 'reports'],
      // The day given is the last one the token works, to its end in Québec (EST in winter).
      expire_le: '2099-01-02T05:00:00.000Z',
      derniere_utilisation: null,
      revoque_le: null,
    })
    assert.deepEqual(secretsIn(response.text()), [])
    const row = await db.from('api_tokens').where('id', body.id).firstOrFail()
    assert.equal(row.token_hash, hashToken(body.token))
    assert.equal(row.kind, 'integration')

    ;(await client.get('/api/v1/stores').header('x-api-token', body.token)).assertStatus(200)
    ;(await client.post('/api/v1/tokens').header('x-api-token', body.token).json({})).assertStatus(403)

    const list = await client.get('/api/v1/tokens').header('x-api-token', admin)
    const listed = list.body().items.find((t: { id: number }) => t.id === body.id)
    assert.notProperty(listed, 'token')
    assert.isString(listed.derniere_utilisation)
    assert.deepEqual(secretsIn(list.text()), [])
  })

  test('a day alone expires when that business day ends (EDT in summer); an instant is taken as sent', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    const create = (expire_le: string) => client.post('/api/v1/tokens').header('x-api-token', admin).json({ nom: 'erp', scopes: ['read'], expire_le })
    assert.equal((await create('2099-06-30')).body().expire_le, '2099-07-01T04:00:00.000Z')
    assert.equal((await create('2099-06-30T12:00:00Z')).body().expire_le, '2099-06-30T12:00:00.000Z')
    ;(await create('2099-02-30')).assertStatus(422)
  })

  test('an expiry the answer cannot write as YYYY-MM-DDTHH:mm:ss.sssZ, or an offset that is no offset, is a 422', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    const create = (expire_le: string) => client.post('/api/v1/tokens').header('x-api-token', admin).json({ nom: 'erp', scopes: ['read'], expire_le })
    // 9999-12-31 ends in Québec on 10000-01-01 at 05:00 UTC, which JavaScript writes "+010000-01-01T05:00:00.000Z".
    const never = await create('9999-12-31')
    never.assertStatus(422)
    assert.containsSubset(never.body().details.validation_errors, [{ field: 'expire_le', type: 'max' }])
    assert.include(never.body().details.validation_errors[0].message, '9999-12-31T23:59:59.999Z')
    assert.equal((await create('9999-12-30')).body().expire_le, '9999-12-31T05:00:00.000Z')
    assert.equal((await create('9999-12-31T23:59:59.999Z')).body().expire_le, '9999-12-31T23:59:59.999Z')
    ;(await create('9999-12-31T23:59:59-01:00')).assertStatus(422)
    // Luxon read +05:99 as 6 h 39 and +25:00 as 25 h.
    for (const offset of ['+05:99', '+25:00', '+2500', '-24:00']) {
      const response = await create(`2099-06-30T12:00:00${offset}`)
      response.assertStatus(422)
      assert.equal(response.body().details.validation_errors[0].field, 'expire_le', offset)
    }
    assert.equal((await create('2099-06-30T12:00:00+14:00')).body().expire_le, '2099-06-29T22:00:00.000Z')
    assert.equal((await create('2099-06-30T12:00:00-0330')).body().expire_le, '2099-06-30T15:30:00.000Z')
    assert.lengthOf(await db.from('api_tokens').where('name', 'erp'), 4)
  })

  test('the list holds integration tokens only and filters by state', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    await sessionFor(await makeUser('admin'))
    const revoked = await tokenWith(['read'])
    await db.from('api_tokens').where('token_hash', hashToken(revoked)).update({ revoked_at: new Date() })
    const all = await client.get('/api/v1/tokens').header('x-api-token', admin)
    all.assertStatus(200)
    assert.equal(all.body().total, 2)
    assert.deepEqual(
      all.body().items.map((t: { nom: string }) => t.nom),
      ['test-admin', 'test-read']
    )
    const active = await client.get('/api/v1/tokens').qs({ actif: true }).header('x-api-token', admin)
    assert.deepEqual(
      active.body().items.map((t: { nom: string }) => t.nom),
      ['test-admin']
    )
    const inactive = await client.get('/api/v1/tokens').qs({ actif: false }).header('x-api-token', admin)
    assert.deepEqual(
      inactive.body().items.map((t: { nom: string }) => t.nom),
      ['test-read']
    )
    assert.isString(inactive.body().items[0].revoque_le)
  })

  test('bad bodies are validation errors and create nothing', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['nom', 'scopes']],
      [{ nom: 'x', scopes: [] }, ['scopes']],
      [{ nom: 'x', scopes: ['read', 'read'] }, ['scopes']],
      [{ nom: 'x', scopes: ['root'] }, ['scopes.0']],
      [{ nom: 'x'.repeat(101), scopes: ['read'] }, ['nom']],
      [{ nom: 'x', scopes: ['read'], expire_le: 'tomorrow' }, ['expire_le']],
      [{ nom: 'x', scopes: ['read'], expire_le: '2020-01-01T00:00:00Z' }, ['expire_le']],
      [{ nom: 'x', scopes: ['read'], expire_le: '2099-02-30' }, ['expire_le']],
      [{ nom: 'x', scopes: ['read'], kind: 'session' }, ['kind']],
    ]
    for (const [body, fields] of cases) {
      const response = await client.post('/api/v1/tokens').header('x-api-token', admin).json(body)
      response.assertStatus(422)
      assert.sameMembers(
        response.body().details.validation_errors.map((e: { field: string }) => e.field),
        fields,
        JSON.stringify(body)
      )
    }
    assert.lengthOf(await db.from('api_tokens'), 1)
  })

  test('a scope that does not exist is named, with the scopes that do', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    const response = await client.post('/api/v1/tokens').header('x-api-token', admin).json({ nom: 'x', scopes: ['read', 'READ'] })
    response.assertStatus(422)
    // It said "The selected 1 is invalid".
    assert.deepEqual(response.body().details.validation_errors, [
      { field: 'scopes.1', message: 'The scopes.1 field must be one of: read, write, reports, admin', type: 'enum' },
    ])
    const blank = await client.post('/api/v1/tokens').header('x-api-token', admin).json({ scopes: ['read'] })
    assert.deepEqual(blank.body().details.validation_errors, [{ field: 'nom', message: 'The nom field must be defined', type: 'required' }])
  })

  test('revoking is a 204, refuses the token at once, and is idempotent', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    const created = await client.post('/api/v1/tokens').header('x-api-token', admin).json({ nom: 'temp', scopes: ['read'] })
    const { id, token } = created.body()
    // Used first, so the resolved token sits in the principal cache when it is revoked.
    ;(await client.get('/api/v1/stores').header('x-api-token', token)).assertStatus(200)
    ;(await client.delete(`/api/v1/tokens/${id}`).header('x-api-token', admin)).assertStatus(204)
    ;(await client.get('/api/v1/stores').header('x-api-token', token)).assertStatus(401)
    const first = await db.from('api_tokens').where('id', id).firstOrFail()
    ;(await client.delete(`/api/v1/tokens/${id}`).header('x-api-token', admin)).assertStatus(204)
    const second = await db.from('api_tokens').where('id', id).firstOrFail()
    assert.equal(second.revoked_at.getTime(), first.revoked_at.getTime())
  })

  test('unknown ids and session tokens are 404', async ({ client, assert }) => {
    const admin = await tokenWith(['admin'])
    const user = await makeUser('manager')
    await sessionFor(user)
    const session = await db.from('api_tokens').where('user_id', user.id).firstOrFail()
    ;(await client.delete('/api/v1/tokens/999999').header('x-api-token', admin)).assertStatus(404)
    ;(await client.delete(`/api/v1/tokens/${session.id}`).header('x-api-token', admin)).assertStatus(404)
    const row = await db.from('api_tokens').where('id', session.id).firstOrFail()
    assert.isNull(row.revoked_at)
  })

  test('non-admins get a 403 and admin sessions are allowed', async ({ client }) => {
    const readOnly = await tokenWith(['read', 'write', 'reports'])
    ;(await client.get('/api/v1/tokens').header('x-api-token', readOnly)).assertStatus(403)
    ;(await client.post('/api/v1/tokens').header('x-api-token', readOnly).json({ nom: 'x', scopes: ['admin'] })).assertStatus(403)
    ;(await client.delete('/api/v1/tokens/1').header('x-api-token', readOnly)).assertStatus(403)
    const manager = await sessionFor(await makeUser('manager'))
    ;(await client.get('/api/v1/tokens').header('x-api-token', manager)).assertStatus(403)
    const admin = await sessionFor(await makeUser('admin'))
    ;(await client.get('/api/v1/tokens').header('x-api-token', admin)).assertStatus(200)
    ;(await client.get('/api/v1/tokens')).assertStatus(401)
  })
})
