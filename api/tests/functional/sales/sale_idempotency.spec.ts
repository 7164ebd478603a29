import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { SPLIT_PAID_BASKET, THREE_LINE_BASKET, clerkAtRegister, openRegister } from '#tests/helpers/pos'
import { requestFingerprint } from '#core/idempotency'

const basket = SPLIT_PAID_BASKET

test.group('POST /api/v1/sales with an Idempotency-Key', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('an Idempotency-Key replays the first sale; the same key with another body is a 409', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const body = { caisse_id: registerId, ...basket }
    const first = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).header('idempotency-key', 'key-0001-abcdef').json(body)
    first.assertStatus(201)
    const again = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).header('idempotency-key', 'key-0001-abcdef').json(body)
    again.assertStatus(200)
    again.assertHeader('idempotent-replayed', 'true')
    assert.equal(again.body().id, first.body().id)
    const other = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .header('idempotency-key', 'key-0001-abcdef')
      .json({ ...body, lignes: [{ code: 'ALI001', quantite: 1 }] })
    other.assertStatus(409)
    assert.equal(other.body().error_code, 'IDEMPOTENCY_CONFLICT')
    const count = await db.from('sales').count('* as n').first()
    assert.equal(Number(count?.n), 1)
  })

  test('a body and an Idempotency-Key both wrong are told in one 422, and nothing is sold', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .header('idempotency-key', 'clé avec espaces')
      .json({ caisse_id: registerId, lignes: [], paiements: [{ mode: 'especes', montant: '10.00' }] })
    response.assertStatus(422)
    const fields = response.body().details.validation_errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['lignes', 'Idempotency-Key'])
    assert.equal(Number((await db.from('sales').count('* as n').first())?.n), 0)
  })

  test('a retry may write its amounts another way ("10", "10.00", 10): the same payment, replayed', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sell = (montantCarte: string | number, montantEspeces: string | number, key = 'key-0002-amounts') =>
      client
        .post('/api/v1/sales')
        .header('authorization', `Bearer ${clerk.token}`)
        .header('idempotency-key', key)
        .json({
          caisse_id: registerId,
          lignes: THREE_LINE_BASKET,
          paiements: [
            { mode: 'carte', montant: montantCarte },
            { mode: 'especes', montant: montantEspeces },
          ],
        })
    const first = await sell('5.00', 10)
    first.assertStatus(201)
    for (const [card, cash] of [['5', '10.00'], [5, '10.0'], ['5.0', 10]] as const) {
      const again = await sell(card, cash)
      again.assertStatus(200)
      assert.equal(again.body().id, first.body().id, `${card} + ${cash}`)
    }
    ;(await sell('5.01', 10)).assertStatus(409)

    // A sale recorded before amounts were compared in cents kept the hash of the body as sent: its retry still replays.
    const legacy = await sell('5.00', 10, 'key-0003-legacy')
    legacy.assertStatus(201)
    const asSent = { caisse_id: registerId, lignes: THREE_LINE_BASKET, paiements: [{ mode: 'carte', montant: '5.00' }, { mode: 'especes', montant: 10 }] }
    await db.from('sales').where('id', legacy.body().id).update({ request_fingerprint: requestFingerprint(asSent) })
    const retried = await sell('5.00', 10, 'key-0003-legacy')
    retried.assertStatus(200)
    assert.equal(retried.body().id, legacy.body().id)
    assert.equal(Number((await db.from('sales').count('* as n').first())?.n), 2)
  })
})
