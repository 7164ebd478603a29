import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { contract } from '#tests/helpers/openapi_contract'
import { clerkAtRegister, openRegister, sellBasket } from '#tests/helpers/pos'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import { listReturns } from '#sales/queries/return_list'

interface JournalItem {
  id: number
  vente_id: number
  numero_recu: string
  magasin_id: number
  caisse_id: number
  motif: string
  total: string
  remis_en_stock: boolean
  par: { id: number; nom_complet: string } | null
  hors_delai_caissier: boolean
}

test.group('GET /api/v1/returns: the returns journal', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 2))

  test('newest first: who took what back, why, and whether a clerk could have', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const manager = await signedIn('manager')
    await openRegister(client, clerk.token, registerId, '100.00')
    const recent = await sellBasket(client, clerk.token, registerId)
    const old = await sellBasket(client, clerk.token, registerId)
    // Bought two days ago: past the clerks' 24 hours, the manager takes it back.
    await db.from('sales').where('id', old.id).update({ created_at: db.raw(`created_at - interval '48 hours'`) })
    const byClerk = await client
      .post(`/api/v1/sales/${recent.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: recent.lignes[0].id, quantite: 1 }], motif: 'Erreur de caisse' })
    byClerk.assertStatus(201)
    const byManager = await client
      .post(`/api/v1/sales/${old.id}/returns`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ lignes: [{ ligne_id: old.lignes[1].id, quantite: 1 }], motif: 'Bouteille fêlée', remis_en_stock: false, caisse_id: registerId })
    byManager.assertStatus(201)

    const validator = await contract(client)
    const journal = await client.get(`/api/v1/returns?caisse_id=${registerId}`).header('authorization', `Bearer ${manager.token}`)
    validator.assertResponse(journal, 'GET /api/v1/returns', 200)
    const items = journal.body().items as JournalItem[]
    assert.equal(journal.body().total, 2)
    assert.deepEqual(
      items.map((item) => [item.id, item.vente_id, item.numero_recu, item.motif, item.remis_en_stock, item.par?.nom_complet, item.hors_delai_caissier]),
      [
        [byManager.body().id, old.id, old.numero_recu, 'Bouteille fêlée', false, manager.user.fullName, true],
        [byClerk.body().id, recent.id, recent.numero_recu, 'Erreur de caisse', true, clerk.user.fullName, false],
      ]
    )
    assert.containsSubset(items[1], { magasin_id: 1, caisse_id: registerId, total: byClerk.body().total })
    // One sale's returns, found from the sale.
    const ofSale = await client.get(`/api/v1/returns?vente_id=${old.id}`).header('authorization', `Bearer ${manager.token}`)
    assert.deepEqual((ofSale.body().items as JournalItem[]).map((item) => item.id), [byManager.body().id])
  })

  test('a clerk sees their store’s returns only; filters by store, register and day; bad filters are refused', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId, '100.00')
    const sale = await sellBasket(client, clerk.token, registerId)
    const made = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Retour' })
    made.assertStatus(201)
    const ids = async (token: string, query: string) => {
      const answer = await client.get(`/api/v1/returns${query}`).header('authorization', `Bearer ${token}`)
      answer.assertStatus(200)
      return (answer.body().items as JournalItem[]).map((item) => item.id)
    }
    const otherClerk = await signedIn('clerk', 2)
    assert.include(await ids(clerk.token, ''), made.body().id)
    assert.notInclude(await ids(otherClerk.token, ''), made.body().id)
    ;(await client.get('/api/v1/returns?magasin_id=1').header('authorization', `Bearer ${otherClerk.token}`)).assertStatus(403)

    const manager = await signedIn('manager')
    assert.include(await ids(manager.token, '?magasin_id=1'), made.body().id)
    assert.notInclude(await ids(manager.token, '?magasin_id=2'), made.body().id)
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIMEZONE }).format(new Date(made.body().cree_le))
    assert.include(await ids(manager.token, `?date_debut=${day}&date_fin=${day}&caisse_id=${registerId}`), made.body().id)
    assert.notInclude(await ids(manager.token, `?date_debut=2020-01-01&date_fin=2020-01-31&caisse_id=${registerId}`), made.body().id)
    ;(await client.get('/api/v1/returns?date_debut=2026-13-01').header('authorization', `Bearer ${manager.token}`)).assertStatus(422)
    ;(await client.get('/api/v1/returns?caisse_id=abc').header('authorization', `Bearer ${manager.token}`)).assertStatus(422)
  })

  test('sort and search are refused, not ignored: the journal is always newest first', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    for (const query of ['sort=cree_le,asc', 'search=S1-R2']) {
      const answer = await client.get(`/api/v1/returns?${query}`).header('authorization', `Bearer ${manager.token}`)
      answer.assertStatus(422)
      assert.equal(answer.body().details.validation_errors[0].type, 'unknownField')
    }
    ;(await client.get('/api/v1/returns?limit=5&page=2').header('authorization', `Bearer ${manager.token}`)).assertStatus(200)
  })
})

test.group('GET /api/v1/returns: the page count', () => {
  test('counts the returns without reading the sales (a join on them scanned the whole history)', async ({ assert }) => {
    for (const filters of [{}, { storeId: 1 }, { storeId: 1, date_debut: '2026-11-01', date_fin: '2026-11-30' }]) {
      // What paginate() counts with: the list's query without its columns.
      const count = listReturns(filters).clone().clearSelect().clearOrder().count('* as total').toSQL()
      const plan = await db.rawQuery(`EXPLAIN ${count.sql}`, count.bindings as unknown[])
      const text = (plan.rows as Record<string, string>[]).map((row) => row['QUERY PLAN']).join('\n')
      assert.notMatch(text, /\bsales\b/, JSON.stringify(filters))
    }
  })
})
