import { test } from '@japa/runner'
import type { Actor } from '#tests/helpers/actors'
import { tokenWith } from '#tests/helpers/tokens'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { act, clerkAndManager, createRequest } from '#tests/functional/inventory/replenishment_helpers'

interface Step {
  etape: string
  le: string
  par: { id: number; nom: string } | null
  motif: string | null
}

test.group('Who did what: request history and ledger names', (group) => {
  const actors = eachTestRolledBack(group, clerkAndManager)

  test('GET /replenishments/:id lists each transition with who (by name) and when, in order', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, clerk)
    const fresh = await client.get(`/api/v1/replenishments/${request.id}`).header('x-api-token', clerk.token)
    fresh.assertStatus(200)
    assert.deepEqual(
      fresh.body().historique.map((s: Step) => [s.etape, s.par?.nom, s.motif]),
      [['demandee', clerk.user.fullName, null]]
    )

    ;(await act(client, manager, request.id, 'approve')).assertStatus(200)
    ;(await act(client, manager, request.id, 'ship')).assertStatus(200)
    ;(await act(client, clerk, request.id, 'receive')).assertStatus(200)
    const done = await client.get(`/api/v1/replenishments/${request.id}`).header('x-api-token', manager.token)
    const history: Step[] = done.body().historique
    assert.deepEqual(
      history.map((s) => [s.etape, s.par]),
      [
        ['demandee', { id: clerk.user.id, nom: clerk.user.fullName }],
        ['validee', { id: manager.user.id, nom: manager.user.fullName }],
        ['expediee', { id: manager.user.id, nom: manager.user.fullName }],
        ['livree', { id: clerk.user.id, nom: clerk.user.fullName }],
      ]
    )
    assert.equal(history[1].le, done.body().validee_le)
    assert.equal(history[3].le, done.body().livree_le)
    const times = history.map((s) => Date.parse(s.le))
    assert.deepEqual(times, [...times].sort((a, b) => a - b))
  })

  test('a refusal carries its reason; an integration token shows as nobody (null)', async ({ client, assert }) => {
    const { manager } = actors
    const integration = await tokenWith(['read', 'write'])
    const request = await createRequest(client, { token: integration } as Actor)
    ;(await act(client, manager, request.id, 'reject', { motif: 'Budget épuisé' })).assertStatus(200)
    const shown = await client.get(`/api/v1/replenishments/${request.id}`).header('x-api-token', manager.token)
    assert.deepEqual(shown.body().historique.map((s: Step) => [s.etape, s.par, s.motif]), [
      ['demandee', null, null],
      ['refusee', { id: manager.user.id, nom: manager.user.fullName }, 'Budget épuisé'],
    ])
  })

  test('list rows stay as they were (no history there)', async ({ client, assert }) => {
    const { clerk, manager } = actors
    await createRequest(client, clerk)
    const list = await client.get('/api/v1/replenishments').header('x-api-token', manager.token)
    assert.notProperty(list.body().items[0], 'historique')
  })

  test('ledger rows name the person who wrote them (utilisateur), null for an integration token', async ({ client, assert }) => {
    const { manager } = actors
    const adjusted = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', manager.token)
      .json({ magasin_id: 1, produit_id: 1, quantite: -1, motif: 'Casse' })
    adjusted.assertStatus(201)
    assert.deepEqual(adjusted.body().utilisateur, { id: manager.user.id, nom: manager.user.fullName })
    const byToken = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', await tokenWith(['read', 'write']))
      .json({ magasin_id: 1, produit_id: 1, quantite: -1, motif: 'Casse' })
    assert.isNull(byToken.body().utilisateur)
    const ledger = await client.get('/api/v1/stock/movements').qs({ magasin_id: 1, type: 'ajustement', size: 2 }).header('x-api-token', manager.token)
    assert.deepEqual(
      ledger.body().items.map((m: { utilisateur: unknown; motif: string }) => [m.utilisateur, m.motif]),
      [
        [null, 'Casse'],
        [{ id: manager.user.id, nom: manager.user.fullName }, 'Casse'],
      ]
    )
  })
})
