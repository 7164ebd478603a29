import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { signedIn, type Actor } from '#tests/helpers/actors'
import { tokenWith } from '#tests/helpers/tokens'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { act, clerkAndManager, createRequest, snapshot } from '#tests/functional/inventory/replenishment_helpers'

/*
 * One request in flight per store and product (ADR 0018): a store that asked
 * for too little changes the quantity of its pending request instead of
 * asking again.
 */
function changeQuantity(client: ApiClient, actor: Actor | string, id: number | string, body: unknown) {
  return client
    .patch(`/api/v1/replenishments/${id}`)
    .header('x-api-token', typeof actor === 'string' ? actor : actor.token)
    .json(body as Record<string, unknown>)
}

interface Step {
  etape: string
  par: { id: number; nom: string } | null
  quantite_avant: number | null
  quantite_apres: number | null
}

async function historyOf(client: ApiClient, actor: Actor, id: number) {
  const detail = await client.get(`/api/v1/replenishments/${id}`).header('x-api-token', actor.token)
  detail.assertStatus(200)
  return detail.body().historique as Step[]
}

async function storedQuantity(id: number) {
  return Number((await db.from('replenishment_requests').where('id', id).firstOrFail()).quantity)
}

test.group('Changing the quantity of a pending replenishment request', (group) => {
  const actors = eachTestRolledBack(group, clerkAndManager)

  test("the store's clerk and a manager change it while pending; the history keeps each change; approval reserves the new quantity", async ({ client, assert }) => {
    const { clerk, manager } = actors
    const before = await snapshot()
    const request = await createRequest(client, clerk, { quantite: 30 })

    const byClerk = await changeQuantity(client, clerk, request.id, { quantite: 45 })
    byClerk.assertStatus(200)
    assert.containsSubset(byClerk.body(), { id: request.id, quantite: 45, statut: 'en_attente', actions_possibles: ['approve', 'reject', 'cancel'] })
    // Another clerk of the same store may change it too: the request is the store's, not one person's.
    const colleague = await signedIn('clerk', 1)
    ;(await changeQuantity(client, colleague, request.id, { quantite: 50 })).assertStatus(200)
    const byManager = await changeQuantity(client, manager, `${request.id}`, { quantite: 40 })
    byManager.assertStatus(200)
    assert.equal(byManager.body().quantite, 40)
    assert.deepEqual(await snapshot(), before, 'nothing moves before approval')

    const list = await client.get('/api/v1/replenishments').qs({ magasin_id: 1, produit_id: 2 }).header('x-api-token', clerk.token)
    assert.equal(list.body().items[0].quantite, 40)
    assert.deepEqual(
      (await historyOf(client, manager, request.id)).map((s) => [s.etape, s.par?.id, s.quantite_avant, s.quantite_apres]),
      [
        ['demandee', clerk.user.id, null, null],
        ['quantite_modifiee', clerk.user.id, 30, 45],
        ['quantite_modifiee', colleague.user.id, 45, 50],
        ['quantite_modifiee', manager.user.id, 50, 40],
      ]
    )

    ;(await act(client, manager, request.id, 'approve')).assertStatus(200)
    const now = await snapshot()
    assert.deepEqual(now.warehouse, { ledger: before.warehouse.ledger - 40, level: before.warehouse.level - 40 })
    assert.deepEqual(
      (await historyOf(client, manager, request.id)).map((s) => s.etape),
      ['demandee', 'quantite_modifiee', 'quantite_modifiee', 'quantite_modifiee', 'validee']
    )
  })

  test('an approval that sends the quantity it was shown is refused (409) when the store changed it since, and nothing moves', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const before = await snapshot()
    const request = await createRequest(client, clerk, { quantite: 30 })
    // The manager's list showed 30; meanwhile the store asks for 80.
    ;(await changeQuantity(client, clerk, request.id, { quantite: 80 })).assertStatus(200)

    const stale = await act(client, manager, request.id, 'approve', { quantite: 30 })
    stale.assertStatus(409)
    assert.equal(stale.body().error_code, 'QUANTITY_CHANGED')
    assert.deepEqual(stale.body().details, { replenishment_id: request.id, quantite: 80, quantite_vue: 30 })
    assert.deepEqual(await snapshot(), before, 'nothing was reserved')
    assert.equal((await historyOf(client, manager, request.id)).at(-1)?.etape, 'quantite_modifiee')

    // Having read 80, the manager approves what the store now asks for.
    const approved = await act(client, manager, request.id, 'approve', { quantite: 80 })
    approved.assertStatus(200)
    assert.containsSubset(approved.body(), { statut: 'validee', quantite: 80 })
    assert.equal((await snapshot()).warehouse.level, before.warehouse.level - 80)

    // The field is validated like a requested quantity; any other field is still refused.
    const other = await createRequest(client, clerk, { produit_id: 3, quantite: 10 })
    for (const body of [{ quantite: 0 }, { quantite: 'dix' }, { motif: 'x' }]) {
      ;(await act(client, manager, other.id, 'approve', body)).assertStatus(422)
    }
  })

  test('the same quantity again changes nothing and adds no history line', async ({ client, assert }) => {
    const { clerk } = actors
    const request = await createRequest(client, clerk, { quantite: 30 })
    const same = await changeQuantity(client, clerk, request.id, { quantite: 30 })
    same.assertStatus(200)
    assert.equal(same.body().quantite, 30)
    assert.deepEqual((await historyOf(client, clerk, request.id)).map((s) => s.etape), ['demandee'])
  })

  test('once the request is no longer pending: 409 INVALID_TRANSITION naming its state, and nothing changes', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const approved = await createRequest(client, clerk, { quantite: 30 })
    ;(await act(client, manager, approved.id, 'approve')).assertStatus(200)
    const before = await snapshot()

    const refused = await changeQuantity(client, clerk, approved.id, { quantite: 60 })
    refused.assertStatus(409)
    assert.containsSubset(refused.body(), {
      status: 409,
      error_code: 'INVALID_TRANSITION',
      path: `/api/v1/replenishments/${approved.id}`,
      details: { from: 'validee', action: 'change_quantity', allowed_actions: ['ship', 'cancel'] },
    })
    ;(await changeQuantity(client, manager, approved.id, { quantite: 60 })).assertStatus(409)
    assert.equal(await storedQuantity(approved.id), 30)
    assert.deepEqual(await snapshot(), before, 'the reserved stock stays what was approved')

    ;(await act(client, manager, approved.id, 'cancel')).assertStatus(200)
    const cancelled = await changeQuantity(client, manager, approved.id, { quantite: 60 })
    cancelled.assertStatus(409)
    assert.equal(cancelled.body().details.from, 'annulee')

    const rejected = await createRequest(client, clerk, { quantite: 30 })
    ;(await act(client, manager, rejected.id, 'reject', { motif: 'Stock suffisant' })).assertStatus(200)
    const afterRejection = await changeQuantity(client, clerk, rejected.id, { quantite: 60 })
    afterRejection.assertStatus(409)
    assert.equal(afterRejection.body().details.from, 'refusee')
    assert.deepEqual(
      (await db.from('replenishment_quantity_changes').whereIn('replenishment_request_id', [approved.id, rejected.id])).length,
      0
    )
  })

  test("another store's clerk gets a 403 and changes nothing; a token without the write scope too", async ({ client, assert }) => {
    const { clerk } = actors
    const request = await createRequest(client, clerk, { quantite: 30 })
    const otherClerk = await signedIn('clerk', 2)
    const refused = await changeQuantity(client, otherClerk, request.id, { quantite: 99 })
    refused.assertStatus(403)
    assert.containsSubset(refused.body(), { error_code: 'AUTHORIZATION_ERROR', details: { store_id: 1, own_store_id: 2 } })
    const readOnly = await changeQuantity(client, await tokenWith(['read']), request.id, { quantite: 99 })
    readOnly.assertStatus(403)
    assert.deepEqual(readOnly.body().details.missing_scopes, ['write'])
    assert.equal(await storedQuantity(request.id), 30)
  })

  test('an integration token with the write scope may change it (shown as nobody in the history)', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, clerk, { quantite: 30 })
    ;(await changeQuantity(client, await tokenWith(['read', 'write']), request.id, { quantite: 35 })).assertStatus(200)
    const change = (await historyOf(client, manager, request.id))[1]
    assert.deepEqual(change, { ...change, etape: 'quantite_modifiee', par: null, quantite_avant: 30, quantite_apres: 35 })
  })

  test('the quantity is validated as at creation (422 on quantite); an unknown request is 404', async ({ client, assert }) => {
    const { clerk } = actors
    const request = await createRequest(client, clerk, { quantite: 30 })
    for (const body of [{}, { quantite: 0 }, { quantite: -5 }, { quantite: 2.5 }, { quantite: 100_001 }, { quantite: 'beaucoup' }, { quantite: null }]) {
      const response = await changeQuantity(client, clerk, request.id, body)
      response.assertStatus(422)
      assert.equal(response.body().error_code, 'VALIDATION_ERROR', JSON.stringify(body))
      assert.deepEqual(
        response.body().details.validation_errors.map((e: { field: string }) => e.field),
        ['quantite'],
        JSON.stringify(body)
      )
    }
    ;(await changeQuantity(client, clerk, request.id, { quantite: 100_000 })).assertStatus(200)
    assert.equal(await storedQuantity(request.id), 100_000)

    const unknown = await changeQuantity(client, clerk, 999_999, { quantite: 5 })
    unknown.assertStatus(404)
    assert.equal(unknown.body().error_code, 'NOT_FOUND')
    ;(await changeQuantity(client, clerk, 'abc', { quantite: 5 })).assertStatus(422)
  })

  test('a product discontinued since: more is refused (422) and nothing changes, less is fine', async ({ client, assert }) => {
    const { clerk } = actors
    const request = await createRequest(client, clerk, { quantite: 30 })
    await db.from('products').where('id', 2).update({ is_active: false })

    const more = await changeQuantity(client, clerk, request.id, { quantite: 60 })
    more.assertStatus(422)
    assert.containsSubset(more.body(), { error_code: 'BUSINESS_LOGIC_ERROR', details: { produit_id: 2 } })
    assert.equal(await storedQuantity(request.id), 30)

    ;(await changeQuantity(client, clerk, request.id, { quantite: 10 })).assertStatus(200)
    assert.equal(await storedQuantity(request.id), 10)
  })
})
