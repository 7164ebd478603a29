import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { contract } from '#tests/helpers/openapi_contract'
import { clerkAtRegister, openRegister, sellBasket } from '#tests/helpers/pos'

interface HistoryItem {
  id: number
  statut: string
  fermee_le: string | null
  especes_attendues: string | null
  especes_comptees: string | null
  ecart: string | null
}

test.group('GET /api/v1/registers/{id}/sessions: a register’s drawer history', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('newest first; a closed session keeps what was expected, counted and the difference', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const bearer = `Bearer ${clerk.token}`
    const first = await openRegister(client, clerk.token, registerId, '100.00')
    await sellBasket(client, clerk.token, registerId)
    // 100.00 float + 8.20 cash kept (8.22 due to the nickel); counted 5 cents short.
    const closed = await client.post(`/api/v1/register-sessions/${first}/close`).header('authorization', bearer).json({ especes_comptees: '108.15' })
    closed.assertStatus(200)
    const second = await openRegister(client, clerk.token, registerId, '50.00')

    const validator = await contract(client)
    const history = await client.get(`/api/v1/registers/${registerId}/sessions`).header('authorization', bearer)
    validator.assertResponse(history, 'GET /api/v1/registers/{id}/sessions', 200)
    const items = history.body().items as HistoryItem[]
    assert.deepEqual(items.slice(0, 2).map((item) => [item.id, item.statut]), [
      [second, 'ouverte'],
      [first, 'fermee'],
    ])
    assert.containsSubset(items[0], { especes_attendues: null, especes_comptees: null, ecart: null, fermee_le: null })
    assert.containsSubset(items[1], { especes_attendues: '108.20', especes_comptees: '108.15', ecart: '-0.05' })
    assert.equal(items[1].fermee_le, closed.body().fermee_le)

    const onlyClosed = await client.get(`/api/v1/registers/${registerId}/sessions`).qs({ statut: 'fermee', size: 1 }).header('authorization', bearer)
    assert.containsSubset(onlyClosed.body(), { page: 1, size: 1 })
    assert.equal((onlyClosed.body().items as HistoryItem[])[0].id, first)
    assert.isTrue((await client.get(`/api/v1/registers/${registerId}/sessions`).qs({ statut: 'fermee', size: 100 }).header('authorization', bearer)).body().items.every((item: HistoryItem) => item.statut === 'fermee'))
  })

  test('date_debut and date_fin keep the sessions opened on those business days', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const bearer = `Bearer ${clerk.token}`
    const earlier = await openRegister(client, clerk.token, registerId, '10.00')
    await client.post(`/api/v1/register-sessions/${earlier}/close`).header('authorization', bearer).json({ especes_comptees: '10.00' })
    // Opened at 23:30 on 3 March in Montréal: 04:30 UTC on the 4th, still the 3rd's session.
    await db.from('register_sessions').where('id', earlier).update({ opened_at: '2026-03-04T04:30:00Z' })
    const today = await openRegister(client, clerk.token, registerId, '20.00')
    const list = (qs: Record<string, string>) => client.get(`/api/v1/registers/${registerId}/sessions`).qs(qs).header('authorization', bearer)

    const march3 = await list({ date_debut: '2026-03-03', date_fin: '2026-03-03' })
    assert.deepEqual(march3.body().items.map((item: HistoryItem) => item.id), [earlier])
    assert.equal(march3.body().total, 1)
    assert.lengthOf((await list({ date_debut: '2026-03-04', date_fin: '2026-03-04' })).body().items, 0)
    const since = (await list({ date_debut: '2026-03-03' })).body().items.map((item: HistoryItem) => item.id)
    assert.includeMembers(since, [earlier, today])
    const upsideDown = await list({ date_debut: '2026-03-04', date_fin: '2026-03-03' })
    upsideDown.assertStatus(422)
    assert.equal(upsideDown.body().details.validation_errors[0].field, 'date_fin')
    ;(await list({ date_debut: '2026-02-30' })).assertStatus(422)
  })

  test('another store’s register is a 403 for a clerk, a missing one a 404, a bad statut a 422', async ({ client, assert }) => {
    const { clerk } = pos
    const other = await db.from('registers').where('store_id', 2).orderBy('id').first()
    const forbidden = await client.get(`/api/v1/registers/${other.id}/sessions`).header('authorization', `Bearer ${clerk.token}`)
    forbidden.assertStatus(403)
    const manager = await signedIn('manager')
    assert.equal((await client.get(`/api/v1/registers/${other.id}/sessions`).header('authorization', `Bearer ${manager.token}`)).status(), 200)
    const missing = Number((await db.from('registers').max('id as max').first())?.max ?? 0) + 1000
    const unknown = await client.get(`/api/v1/registers/${missing}/sessions`).header('authorization', `Bearer ${manager.token}`)
    unknown.assertStatus(404)
    const bad = await client.get(`/api/v1/registers/${other.id}/sessions`).qs({ statut: 'fini' }).header('authorization', `Bearer ${manager.token}`)
    bad.assertStatus(422)
  })
})
