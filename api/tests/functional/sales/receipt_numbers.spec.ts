import { test } from '@japa/runner'
import { signedIn } from '#tests/helpers/actors'
import { resetDatabase } from '#tests/helpers/database'
import { openRegister, registersOf } from '#tests/helpers/pos'

/*
 * A receipt number ends with the sale's id: a replayed Idempotency-Key must not draw one, or the
 * register's receipts show gaps that an auditor reads as deleted sales. Committed for real (a
 * rolled-back transaction would hide what concurrent requests see of each other).
 */
test.group('Replays draw no sale id (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  const body = (registerId: number, quantite = 1) => ({
    caisse_id: registerId,
    lignes: [{ code: 'ALI001', quantite }],
    paiements: [{ mode: 'carte', montant: (1.38 * quantite).toFixed(2) }],
  })

  test('a sale, 3 replays and a 409 with its key, then a new sale: consecutive ids and receipt numbers', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 4)
    const registerId = (await registersOf(4))[0]
    await openRegister(client, clerk.token, registerId)
    const sell = (json: object, key?: string) => {
      const request = client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`)
      return (key ? request.header('idempotency-key', key) : request).json(json)
    }
    const first = await sell(body(registerId), 'gapless-0001')
    first.assertStatus(201)
    for (let i = 0; i < 3; i++) {
      const again = await sell(body(registerId), 'gapless-0001')
      again.assertStatus(200)
      assert.equal(again.body().id, first.body().id)
    }
    ;(await sell(body(registerId, 2), 'gapless-0001')).assertStatus(409)
    const next = await sell(body(registerId))
    next.assertStatus(201)
    assert.equal(next.body().id, first.body().id + 1)
    assert.match(next.body().numero_recu, new RegExp(`-${String(first.body().id + 1).padStart(8, '0')}$`))
  }).timeout(60_000)

  test('6 concurrent requests with one key make one sale and draw one id', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 5)
    const registerId = (await registersOf(5))[0]
    await openRegister(client, clerk.token, registerId)
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).header('idempotency-key', 'gapless-storm-0001').json(body(registerId))
      )
    )
    assert.deepEqual(responses.map((r) => r.status()).sort(), [200, 200, 200, 200, 200, 201])
    const ids = new Set(responses.map((r) => r.body().id))
    assert.equal(ids.size, 1)
    const next = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json(body(registerId))
    next.assertStatus(201)
    assert.equal(next.body().id, [...ids][0] + 1)
  }).timeout(60_000)
})
