import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { setLevel, warehouseLocation } from '#tests/helpers/database'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { act, clerkAndManager, createRequest, snapshot } from '#tests/functional/inventory/replenishment_helpers'

test.group('Replenishment state machine', (group) => {
  const actors = eachTestRolledBack(group, clerkAndManager)

  test('en_attente → validee → expediee → livree moves the goods once, warehouse to store', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const before = await snapshot()
    const request = await createRequest(client, clerk)

    const approvals = async () => {
      const line = (await client.get('/metrics')).text().split('\n').find((l) => l.startsWith('comptoir_replenishment_transitions_total{') && l.includes('action="approve"'))
      return line ? Number(line.split(' ').pop()) : 0
    }
    const approvalsBefore = await approvals()
    const approved = await act(client, manager, request.id, 'approve')
    approved.assertStatus(200)
    assert.equal((await approvals()) - approvalsBefore, 1)
    assert.containsSubset(approved.body(), { statut: 'validee', validee_par: manager.user.id, actions_possibles: ['ship', 'cancel'] })
    assert.isString(approved.body().validee_le)
    let now = await snapshot()
    assert.deepEqual(now.warehouse, { ledger: before.warehouse.ledger - 30, level: before.warehouse.level - 30 })
    assert.deepEqual(now.store, before.store)
    const out = await client
      .get('/api/v1/stock/movements')
      .qs({ reference: `demande_reappro:${request.id}` })
      .header('x-api-token', manager.token)
    assert.deepEqual(
      out.body().items.map((m: { type: string; quantite: number; emplacement: { type: string } }) => [m.type, m.quantite, m.emplacement.type]),
      [['reappro_sortie', -30, 'entrepot']]
    )

    const shipped = await act(client, manager, request.id, 'ship')
    shipped.assertStatus(200)
    assert.containsSubset(shipped.body(), { statut: 'expediee', expediee_par: manager.user.id, actions_possibles: ['receive'] })
    assert.deepEqual(await snapshot(), now)

    const received = await act(client, clerk, request.id, 'receive')
    received.assertStatus(200)
    assert.containsSubset(received.body(), { statut: 'livree', livree_par: clerk.user.id, actions_possibles: [] })
    now = await snapshot()
    assert.deepEqual(now.store, { ledger: before.store.ledger + 30, level: before.store.level + 30 })
    assert.deepEqual(now.warehouse, { ledger: before.warehouse.ledger - 30, level: before.warehouse.level - 30 })

    const stored = await db.from('replenishment_requests').where('id', request.id).firstOrFail()
    assert.isNotNull(stored.approved_at)
    assert.isNotNull(stored.shipped_at)
    assert.isNotNull(stored.received_at)
  })

  test('invalid transitions are 409 INVALID_TRANSITION and move nothing', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, clerk)
    const shipPending = await act(client, manager, request.id, 'ship')
    shipPending.assertStatus(409)
    assert.equal(shipPending.body().error_code, 'INVALID_TRANSITION')
    assert.containsSubset(shipPending.body().details, { from: 'en_attente', action: 'ship' })
    ;(await act(client, manager, request.id, 'receive')).assertStatus(409)

    ;(await act(client, manager, request.id, 'approve')).assertStatus(200)
    const afterApproval = await snapshot()
    const again = await act(client, manager, request.id, 'approve')
    again.assertStatus(409)
    assert.containsSubset(again.body().details, { from: 'validee', action: 'approve' })
    ;(await act(client, manager, request.id, 'reject', { motif: 'trop tard' })).assertStatus(409)
    ;(await act(client, manager, request.id, 'receive')).assertStatus(409)
    assert.deepEqual(await snapshot(), afterApproval)
    // Received: the store may ask for the product again (one request in flight at a time).
    ;(await act(client, manager, request.id, 'ship')).assertStatus(200)
    ;(await act(client, clerk, request.id, 'receive')).assertStatus(200)

    const rejected = await createRequest(client, clerk)
    ;(await act(client, manager, rejected.id, 'reject', { motif: 'Stock réservé aux fêtes' })).assertStatus(200)
    const before = await snapshot()
    const receiveRejected = await act(client, clerk, rejected.id, 'receive')
    receiveRejected.assertStatus(409)
    assert.containsSubset(receiveRejected.body().details, { from: 'refusee', action: 'receive' })
    ;(await act(client, manager, rejected.id, 'approve')).assertStatus(409)
    ;(await act(client, manager, rejected.id, 'cancel')).assertStatus(409)
    assert.deepEqual(await snapshot(), before)

    const shipped = await createRequest(client, clerk)
    ;(await act(client, manager, shipped.id, 'approve')).assertStatus(200)
    ;(await act(client, manager, shipped.id, 'ship')).assertStatus(200)
    const inTransit = await snapshot()
    const cancelShipped = await act(client, manager, shipped.id, 'cancel')
    cancelShipped.assertStatus(409)
    assert.containsSubset(cancelShipped.body().details, { from: 'expediee', action: 'cancel' })
    assert.deepEqual(await snapshot(), inTransit)
  })

  test('approval with too little warehouse stock is a 409 and the request stays en_attente', async ({ client, assert }) => {
    const { clerk, manager } = actors
    await setLevel(await warehouseLocation(), 2, 10)
    const request = await createRequest(client, clerk, { quantite: 11 })
    const before = await snapshot()
    const response = await act(client, manager, request.id, 'approve')
    response.assertStatus(409)
    assert.equal(response.body().error_code, 'INSUFFICIENT_STOCK')
    assert.deepEqual(await snapshot(), before)
    const stored = await db.from('replenishment_requests').where('id', request.id).firstOrFail()
    assert.equal(stored.status, 'pending')
    assert.isNull(stored.approved_at)
  })

  test('a product taken off sale after the request was made is neither reserved nor shipped: reject or cancel it', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const pending = await createRequest(client, clerk)
    const approved = await createRequest(client, manager, { magasin_id: 2, quantite: 5 })
    ;(await act(client, manager, approved.id, 'approve')).assertStatus(200)
    await db.from('products').where('id', 2).update({ is_active: false })
    const before = await snapshot()

    const approval = await act(client, manager, pending.id, 'approve')
    approval.assertStatus(422)
    assert.include(approval.body().message, 'discontinued')
    assert.containsSubset(approval.body().details, { replenishment_id: pending.id, produit_id: 2, action_possible: 'reject' })
    const shipping = await act(client, manager, approved.id, 'ship')
    shipping.assertStatus(422)
    assert.containsSubset(shipping.body().details, { replenishment_id: approved.id, action_possible: 'cancel' })
    assert.deepEqual(await snapshot(), before, 'nothing moved')
    assert.deepEqual(
      (await db.from('replenishment_requests').whereIn('id', [pending.id, approved.id]).orderBy('id')).map((row) => row.status),
      ['pending', 'approved']
    )
    // The ways out still work; cancelling the approval puts the 5 back.
    ;(await act(client, manager, pending.id, 'reject', { motif: 'Produit retiré de la vente' })).assertStatus(200)
    ;(await act(client, manager, approved.id, 'cancel')).assertStatus(200)
    assert.equal((await snapshot()).warehouse.level, before.warehouse.level + 5)
  })

  test('reject needs a reason and records it', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, clerk)
    ;(await act(client, manager, request.id, 'reject')).assertStatus(422)
    ;(await act(client, manager, request.id, 'reject', { motif: '' })).assertStatus(422)
    const rejected = await act(client, manager, request.id, 'reject', { motif: 'Produit en fin de série' })
    rejected.assertStatus(200)
    assert.containsSubset(rejected.body(), { statut: 'refusee', motif_refus: 'Produit en fin de série', refusee_par: manager.user.id })
  })

  test('cancel: the requester or a manager while pending; a manager after approval puts the goods back', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const colleague = await signedIn('clerk', 1)
    const mine = await createRequest(client, clerk)
    ;(await act(client, colleague, mine.id, 'cancel')).assertStatus(403)
    const cancelled = await act(client, clerk, mine.id, 'cancel')
    cancelled.assertStatus(200)
    assert.containsSubset(cancelled.body(), { statut: 'annulee', annulee_par: clerk.user.id })

    const approvedRequest = await createRequest(client, clerk)
    const before = await snapshot()
    ;(await act(client, manager, approvedRequest.id, 'approve')).assertStatus(200)
    ;(await act(client, clerk, approvedRequest.id, 'cancel')).assertStatus(403)
    const undone = await act(client, manager, approvedRequest.id, 'cancel')
    undone.assertStatus(200)
    assert.equal(undone.body().statut, 'annulee')
    assert.deepEqual(await snapshot(), before)
    const movements = await client
      .get('/api/v1/stock/movements')
      .qs({ reference: `demande_reappro:${approvedRequest.id}`, sort: 'id,asc' })
      .header('x-api-token', manager.token)
    assert.deepEqual(
      movements.body().items.map((m: { type: string; quantite: number; emplacement: { type: string } }) => [m.type, m.quantite, m.emplacement.type]),
      [
        ['reappro_sortie', -30, 'entrepot'],
        ['reappro_entree', 30, 'entrepot'],
      ]
    )
  })

  test('roles: approve/ship/reject need a manager; receive needs the store', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, clerk)
    const before = await snapshot()
    const clerkApproves = await act(client, clerk, request.id, 'approve')
    clerkApproves.assertStatus(403)
    assert.equal(clerkApproves.body().error_code, 'AUTHORIZATION_ERROR')
    ;(await act(client, clerk, request.id, 'reject', { motif: 'non' })).assertStatus(403)
    assert.deepEqual(await snapshot(), before)

    ;(await act(client, await tokenWith(['write']), request.id, 'approve')).assertStatus(200)
    ;(await act(client, clerk, request.id, 'ship')).assertStatus(403)
    ;(await act(client, manager, request.id, 'ship')).assertStatus(200)
    const otherStoreClerk = await signedIn('clerk', 2)
    const afterShip = await snapshot()
    ;(await act(client, otherStoreClerk, request.id, 'receive')).assertStatus(403)
    assert.deepEqual(await snapshot(), afterShip)
    ;(await act(client, manager, request.id, 'receive')).assertStatus(200)
  })

  test('auth, params and body validation on transitions', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, clerk)
    ;(await client.post(`/api/v1/replenishments/${request.id}/approve`)).assertStatus(401)
    ;(await act(client, await tokenWith(['read']), request.id, 'approve')).assertStatus(403)
    ;(await act(client, manager, 'abc', 'approve')).assertStatus(422)
    ;(await act(client, manager, 0, 'approve')).assertStatus(404)
    ;(await act(client, manager, 999999, 'approve')).assertStatus(404)
    // approve takes only the quantity it was shown; other transitions take nothing.
    ;(await act(client, manager, request.id, 'approve', { motif: 'x' })).assertStatus(422)
    ;(await act(client, manager, request.id, 'cancel', { quantite: 5 })).assertStatus(422)
    const stored = await db.from('replenishment_requests').where('id', request.id).firstOrFail()
    assert.equal(stored.status, 'pending')
  })
})
