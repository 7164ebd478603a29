import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import { CONSISTENCY_CHECKS, sqlFor } from '#reporting/integrity/consistency_checks'
import { signedIn } from '#tests/helpers/actors'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { dayBefore, today, twoOpenStores } from './helpers.js'

const cents = (wire: string) => Math.round(Number(wire) * 100)

interface TenderRow {
  mode: string
  encaisse: string
  rembourse: string
  net: string
}

/*
 * Store 1: sale A (10.81) paid 5.00 by card and 10.00 in cash (change back), sale B
 * exact cash, then sale A taken back whole (its refund splits: the card's
 * 5.00, the rest from the drawer). Store 2: sale C by card. Every figure
 * below is worked out from what the API answered for those sales.
 */
async function tenderDay(client: ApiClient) {
  const { clerk1, clerk2, register1, register2 } = await twoOpenStores(client)
  const sell = async (token: string, registerId: number, paiements: { mode: string; montant: string }[]) => {
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 2 }, { code: 'HYG001', quantite: 2 }], paiements })
    response.assertStatus(201)
    return response.body()
  }
  const saleA = await sell(clerk1.token, register1, [
    { mode: 'carte', montant: '5.00' },
    { mode: 'especes', montant: '10.00' },
  ])
  const total = saleA.total as string
  const saleB = await sell(clerk1.token, register1, [{ mode: 'especes', montant: total }])
  const saleC = await sell(clerk2.token, register2, [{ mode: 'carte', montant: total }])
  const refund = await client
    .post(`/api/v1/sales/${saleA.id}/returns`)
    .header('authorization', `Bearer ${clerk1.token}`)
    .json({ lignes: saleA.lignes.map((l: { id: number; quantite: number }) => ({ ligne_id: l.id, quantite: l.quantite })), motif: 'Annulation' })
  refund.assertStatus(201)
  return { total: cents(total), saleA, saleB, saleC, refund: refund.body() }
}

test.group('GET /api/v1/reports/payments-by-tender', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['reports'])
    return rollback
  })
  const get = (client: ApiClient, query: Record<string, string | number> = {}) =>
    client.get('/api/v1/reports/payments-by-tender').qs(query).header('x-api-token', token)

  test('each tender: what it took (cash net of change), what returns gave back, the net', async ({ client, assert }) => {
    const day = await tenderDay(client)
    const report = (await get(client)).body()
    assert.equal(report.date_debut, `${today().slice(0, 8)}01`)
    assert.equal(report.date_fin, today())
    assert.isNull(report.magasin_id)

    const refundParts = Object.fromEntries(day.refund.remboursements.map((p: { mode: string; montant: string }) => [p.mode, cents(p.montant)]))
    assert.equal(refundParts.carte, 500, 'the card gets back what it paid')
    const card = 500 + day.total
    // Cash settles to the nickel (ADR 0023): 10.81 − 5.00 by card leaves 5.81, kept as 5.80; B's exact 10.81 is kept as handed.
    assert.equal(day.total, 1081)
    assert.deepEqual([day.saleA.arrondi_especes, day.saleB.arrondi_especes], ['-0.01', '0.00'])
    const cash = day.total - 500 - 1 + day.total
    // The return completes sale A: its drawer hands back the 5.80 it kept, not the exact 5.81.
    assert.equal(refundParts.especes, 580)
    const expected: TenderRow[] = [
      { mode: 'especes', encaisse: cash, rembourse: refundParts.especes, net: cash - refundParts.especes },
      { mode: 'carte', encaisse: card, rembourse: 500, net: card - 500 },
      { mode: 'autre', encaisse: 0, rembourse: 0, net: 0 },
    ].map((row) => ({ mode: row.mode, encaisse: (row.encaisse / 100).toFixed(2), rembourse: (row.rembourse / 100).toFixed(2), net: (row.net / 100).toFixed(2) }))
    assert.deepEqual(report.totaux, expected)

    // Per day and store: store 1 took cash and card and refunded both; store 2 took card only.
    assert.deepEqual(
      report.par_jour.map((r: TenderRow & { jour: string; magasin_id: number }) => [r.jour, r.magasin_id, r.mode, r.encaisse, r.rembourse]),
      [
        [today(), 1, 'especes', (cash / 100).toFixed(2), (refundParts.especes / 100).toFixed(2)],
        [today(), 1, 'carte', '5.00', '5.00'],
        [today(), 2, 'carte', (day.total / 100).toFixed(2), '0.00'],
      ]
    )
    assert.equal(report.par_jour[0].magasin_nom, 'Magasin Centre-Ville')
  })

  test('a manager refunds a cash sale to another tender; the rollup written live matches the payments', async ({ client, assert }) => {
    const day = await tenderDay(client)
    const manager = await signedIn('manager')
    const line = day.saleB.lignes[0]
    const refund = await client
      .post(`/api/v1/sales/${day.saleB.id}/returns`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ lignes: [{ ligne_id: line.id, quantite: 1 }], motif: 'Avoir en magasin', mode_remboursement: 'autre' })
    refund.assertStatus(201)
    const credit = cents(refund.body().total)
    const other = (await get(client)).body().totaux.find((row: TenderRow) => row.mode === 'autre')
    assert.deepEqual(other, { mode: 'autre', encaisse: '0.00', rembourse: (credit / 100).toFixed(2), net: (-credit / 100).toFixed(2) })

    // stock:verify's check (j) over what the sales and returns above wrote through the API.
    const check = CONSISTENCY_CHECKS.find((candidate) => candidate.id === 'j')!
    const mismatches = await db.rawQuery(sqlFor(check, BUSINESS_TIMEZONE))
    assert.deepEqual(mismatches.rows, [])
    assert.isAbove(Number((await db.from('daily_tender_rollups').count('* as n').first()).n), 0)
  })

  test('the nets add up to what the sales report says was taken less refunded, and the cash roundings', async ({ client, assert }) => {
    const day = await tenderDay(client)
    const tenders = (await get(client)).body()
    const sales = (await client.get('/api/v1/reports/sales').header('x-api-token', token)).body()
    const net = tenders.totaux.reduce((sum: number, row: TenderRow) => sum + cents(row.net), 0)
    // A kept 0.01 less than its total (ADR 0023), B its exact total, and A's return gave back what A kept:
    // the sales' roundings (−0.01) less the return's (−0.01) net to nothing.
    const rounding = cents(day.saleA.arrondi_especes) + cents(day.saleB.arrondi_especes) - cents(day.refund.arrondi_especes)
    assert.equal(rounding, 0)
    assert.equal(cents(tenders.total.arrondi_especes), rounding)
    assert.equal(net, cents(sales.totaux.total_ttc) - cents(sales.totaux.remboursements_ttc) + rounding)
    assert.equal(cents(tenders.total.net), net)
    assert.equal(cents(tenders.total.encaisse), cents(sales.totaux.total_ttc) - 1)
    assert.equal(cents(tenders.total.rembourse), cents(sales.totaux.remboursements_ttc) - 1)
  })

  test('one store, another period, CSV', async ({ client, assert }) => {
    const day = await tenderDay(client)
    const store2 = (await get(client, { magasin_id: 2 })).body()
    assert.equal(store2.magasin_id, 2)
    assert.deepEqual(store2.totaux.map((r: TenderRow) => [r.mode, r.net]), [
      ['especes', '0.00'],
      ['carte', (day.total / 100).toFixed(2)],
      ['autre', '0.00'],
    ])
    assert.isTrue(store2.par_jour.every((r: { magasin_id: number }) => r.magasin_id === 2))

    const yesterday = dayBefore(today())
    const before = (await get(client, { date_debut: yesterday, date_fin: yesterday })).body()
    assert.deepEqual(before.par_jour, [])
    assert.isTrue(before.totaux.every((r: TenderRow) => r.encaisse === '0.00' && r.rembourse === '0.00'))

    const csv = await get(client, { format: 'csv' })
    csv.assertStatus(200)
    assert.match(csv.header('content-type') ?? '', /^text\/csv/)
    const lines = csv.text().trim().split('\r\n')
    assert.equal(lines[0], 'jour,magasin_id,magasin_nom,mode,encaisse,rembourse,net')
    assert.equal(lines.length, 4)
    assert.equal(lines[3], `${today()},2,Magasin Banlieue,carte,${(day.total / 100).toFixed(2)},0.00,${(day.total / 100).toFixed(2)}`)
  })

  test('a clerk session with the reports scope reads its own store only', async ({ client, assert }) => {
    await tenderDay(client)
    const clerk = await sessionTokenFor('clerk', { storeId: 2, scopes: ['read', 'reports'] })
    const own = await client.get('/api/v1/reports/payments-by-tender').header('x-api-token', clerk.token)
    own.assertStatus(200)
    assert.isTrue(own.body().par_jour.every((r: { magasin_id: number }) => r.magasin_id === 2))
    assert.isNotEmpty(own.body().par_jour)
    const other = await client.get('/api/v1/reports/payments-by-tender').qs({ magasin_id: 1 }).header('x-api-token', clerk.token)
    other.assertStatus(403)
  })
})
