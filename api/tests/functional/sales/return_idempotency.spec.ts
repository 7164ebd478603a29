import { test } from '@japa/runner'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { clerkAtRegister, sellBasket, openRegister, registersOf, storeQuantity } from '#tests/helpers/pos'

test.group('Returns with an Idempotency-Key', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('the same key replays only the same return; another body is a 409 and takes nothing back', async ({
    client,
    assert,
  }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    const [pain, jus] = sale.lignes
    const giveBack = (path: string, body: object, token = clerk.token) =>
      client
        .post(`/api/v1/sales/${sale.id}/${path}`)
        .header('authorization', `Bearer ${token}`)
        .header('Idempotency-Key', 'retour-0001-abcdef')
        .json(body)

    const first = await giveBack('returns', { lignes: [{ ligne_id: pain.id, quantite: 1 }], motif: 'Pain rassis' })
    first.assertStatus(201)
    const retried = await giveBack('returns', { lignes: [{ ligne_id: pain.id, quantite: 1 }], motif: 'Pain rassis' })
    retried.assertStatus(200)
    retried.assertHeader('idempotent-replayed', 'true')
    assert.equal(retried.body().id, first.body().id)

    const juiceBefore = await storeQuantity(1, 'BOI002')
    // Another line under the same key: not the request that key was used for.
    const otherLine = await giveBack('returns', { lignes: [{ ligne_id: jus.id, quantite: 1 }], motif: 'Pain rassis' })
    otherLine.assertStatus(409)
    assert.containsSubset(otherLine.body(), {
      error_code: 'IDEMPOTENCY_CONFLICT',
      details: { idempotency_key: 'retour-0001-abcdef', return_id: first.body().id },
    })
    const otherQuantity = await giveBack('returns', { lignes: [{ ligne_id: pain.id, quantite: 2 }], motif: 'Pain rassis' })
    otherQuantity.assertStatus(409)
    // The bread said damaged is another return; said back to stock, as it went, the same one.
    const damaged = await giveBack('returns', { lignes: [{ ligne_id: pain.id, quantite: 1, remis_en_stock: false }], motif: 'Pain rassis' })
    damaged.assertStatus(409)
    const restocked = await giveBack('returns', { lignes: [{ ligne_id: pain.id, quantite: 1, remis_en_stock: true }], motif: 'Pain rassis' })
    restocked.assertStatus(200)
    assert.equal(restocked.body().id, first.body().id)
    // Cancelling the sale is another request too.
    const cancel = await giveBack('cancel', {})
    cancel.assertStatus(409)
    assert.equal(cancel.body().error_code, 'IDEMPOTENCY_CONFLICT')

    assert.equal(await storeQuantity(1, 'BOI002'), juiceBefore)
    const after = await client.get(`/api/v1/sales/${sale.id}`).header('authorization', `Bearer ${clerk.token}`)
    assert.lengthOf(after.body().retours, 1)
    assert.equal(after.body().lignes[1].quantite_retournee, 0)
  })

  test("a clerk of another store sending someone's key learns nothing about that return", async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    const body = { lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Pain rassis' }
    const send = (token: string) =>
      client
        .post(`/api/v1/sales/${sale.id}/returns`)
        .header('authorization', `Bearer ${token}`)
        .header('Idempotency-Key', 'retour-0002-abcdef')
        .json(body)
    ;(await send(clerk.token)).assertStatus(201)
    const other = await signedIn('clerk', 2)
    const replay = await send(other.token)
    replay.assertStatus(404)
    assert.equal(replay.body().error_code, 'NOT_FOUND')

    // The same key on a sale of their own: their key, not the other clerk's, so a return of their own.
    const ownRegister = (await registersOf(2))[0]
    await openRegister(client, other.token, ownRegister)
    const own = await sellBasket(client, other.token, ownRegister)
    const reused = await client
      .post(`/api/v1/sales/${own.id}/returns`)
      .header('authorization', `Bearer ${other.token}`)
      .header('Idempotency-Key', 'retour-0002-abcdef')
      .json({ lignes: [{ ligne_id: own.lignes[0].id, quantite: 1 }], motif: 'Pain rassis' })
    reused.assertStatus(201)
    assert.equal(reused.body().vente_id, own.id)
  })
})
