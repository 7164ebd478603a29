import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { clerkAtRegister, openRegister } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'
import { listSales } from '#sales/queries/sale_list'

const sale = (registerId: number) => ({
  caisse_id: registerId,
  lignes: [{ code: 'ALI001', quantite: 1 }],
  paiements: [{ mode: 'especes', montant: '5.00' }],
})

test.group('GET /api/v1/sales?search=', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('search matches the receipt number (any part, any case); the total follows the filter', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const receipts: string[] = []
    for (let i = 0; i < 2; i++) {
      const created = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json(sale(registerId))
      created.assertStatus(201)
      receipts.push(created.body().numero_recu)
    }
    const token = await tokenWith(['read'])
    const list = async (qs: Record<string, unknown>) => {
      const response = await client.get('/api/v1/sales').qs(qs).header('x-api-token', token)
      response.assertStatus(200)
      return response.body()
    }
    const all = await list({})
    assert.isAtLeast(all.total, 2)

    const nothing = await list({ search: 'zzzzqq' })
    assert.containsSubset(nothing, { total: 0, items: [] })

    const exact = await list({ search: receipts[1] })
    assert.equal(exact.total, 1)
    assert.deepEqual(exact.items.map((s: { numero_recu: string }) => s.numero_recu), [receipts[1]])

    // The end of a receipt number (its sequence), typed in lower case.
    const tail = receipts[0].slice(-6).toLowerCase()
    const byTail = await list({ search: tail, size: 100 })
    assert.include(byTail.items.map((s: { numero_recu: string }) => s.numero_recu), receipts[0])
    assert.isTrue(byTail.items.every((s: { numero_recu: string }) => s.numero_recu.toLowerCase().includes(tail)))
    assert.equal(byTail.total, Number((await db.from('sales').whereILike('receipt_number', `%${tail}%`).count('* as n').first())?.n))

    // Pages of a search: total counts the matches, not every sale.
    const paged = await list({ search: receipts[0].split('-').slice(0, 2).join('-'), size: 1, page: 2 })
    assert.isAtLeast(paged.total, 2)
    assert.isBelow(paged.total, all.total + 1)
    assert.lengthOf(paged.items, 1)

    // % and _ are literal.
    assert.equal((await list({ search: '%' })).total, 0)
    assert.equal((await list({ search: '_' })).total, 0)
  })
})

test.group('GET /api/v1/sales?search= at scale', () => {
  // Timing belongs to benchmarks; what a test can hold is that the search's own
  // SQL is one the trigram index serves (with sequential scans priced out, the
  // plan falls back to one only when no index applies).
  test('the receipt search can use an index', async ({ assert }) => {
    const { sql, bindings } = listSales({ search: 'r1-0004' }).toSQL()
    const plan = await db.transaction(async (trx) => {
      await trx.rawQuery('SET LOCAL enable_seqscan = off')
      const result = await trx.rawQuery(`EXPLAIN ${sql}`, bindings as never[])
      return result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
    })
    assert.include(plan, 'sales_receipt_number_trgm', plan)
    assert.notInclude(plan, 'Seq Scan', plan)
  })
})
