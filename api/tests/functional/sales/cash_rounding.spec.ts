import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import { CONSISTENCY_CHECKS, sqlFor } from '#reporting/integrity/consistency_checks'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { THREE_LINE_BASKET, clerkAtRegister, openRegister, managerXReport } from '#tests/helpers/pos'
import { signedIn } from '#tests/helpers/actors'
import { locationOfStore, setLevel } from '#tests/helpers/database'

/*
 * Cash settles to the nickel (ADR 0023). The three-line basket is 8.22; one bread (ALI001) is 1.38.
 */
test.group('Cash rounded to the nickel', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  const sell = (client: ApiClient, lignes: object[], paiements: object[]) =>
    client.post('/api/v1/sales').header('authorization', `Bearer ${pos.clerk.token}`).json({ caisse_id: pos.registerId, lignes, paiements })

  test('a cash total is due rounded: 8.22 is settled by 8.20, 1.38 by 1.40; a card pays to the cent', async ({ client, assert }) => {
    await openRegister(client, pos.clerk.token, pos.registerId, '0.00')
    const down = await sell(client, THREE_LINE_BASKET, [{ mode: 'especes', montant: '8.20' }])
    down.assertStatus(201)
    assert.containsSubset(down.body(), { total: '8.22', montant_paye: '8.20', monnaie_rendue: '0.00', arrondi_especes: '-0.02' })

    const up = await sell(client, [{ code: 'ALI001', quantite: 1 }], [{ mode: 'especes', montant: '2.00' }])
    up.assertStatus(201)
    assert.containsSubset(up.body(), { total: '1.38', montant_paye: '2.00', monnaie_rendue: '0.60', arrondi_especes: '0.02' })

    const card = await sell(client, [{ code: 'ALI001', quantite: 1 }], [{ mode: 'carte', montant: '1.38' }])
    card.assertStatus(201)
    assert.containsSubset(card.body(), { monnaie_rendue: '0.00', arrondi_especes: '0.00' })
    const nickels = await sell(client, [{ code: 'ALI001', quantite: 1 }], [{ mode: 'especes', montant: '1.40' }])
    assert.containsSubset(nickels.body(), { monnaie_rendue: '0.00', arrondi_especes: '0.02' })

    // The drawer expects what it was handed, 8.20 + 1.40 + 1.40, and its report says why the tenders exceed the total.
    const x = await managerXReport(client, pos.registerId)
    assert.containsSubset(x.body().rapport, {
      ventes: { nombre: 4, total: '12.36', arrondi_especes: '0.02' },
      paiements: [
        { mode: 'carte', montant: '1.38' },
        { mode: 'especes', montant: '11.00' },
      ],
      especes_attendues: '11.00',
    })
  })

  test('what the card leaves is due in cash rounded; less than that, or than the exact amount, is refused', async ({ client, assert }) => {
    await openRegister(client, pos.clerk.token, pos.registerId)
    const split = await sell(client, THREE_LINE_BASKET, [
      { mode: 'carte', montant: '5.00' },
      { mode: 'especes', montant: '3.20' },
    ])
    split.assertStatus(201)
    assert.containsSubset(split.body(), { montant_paye: '8.20', monnaie_rendue: '0.00', arrondi_especes: '-0.02' })

    const short = await sell(client, THREE_LINE_BASKET, [{ mode: 'especes', montant: '8.15' }])
    short.assertStatus(422)
    assert.containsSubset(short.body().details, { total_cents: 822, paid_cents: 815, missing_cents: 5, cash_due_cents: 820 })

    // The exact total (cent coins, or an integration that sends the total) is kept as handed, rounding up or down.
    const exact = await sell(client, [{ code: 'ALI001', quantite: 1 }], [{ mode: 'especes', montant: '1.38' }])
    exact.assertStatus(201)
    assert.containsSubset(exact.body(), { montant_paye: '1.38', monnaie_rendue: '0.00', arrondi_especes: '0.00' })
    const exactDown = await sell(client, THREE_LINE_BASKET, [{ mode: 'especes', montant: '8.22' }])
    exactDown.assertStatus(201)
    assert.containsSubset(exactDown.body(), { montant_paye: '8.22', monnaie_rendue: '0.00', arrondi_especes: '0.00' })

    // By card, the exact remainder is missing; the details say what cash would settle it.
    const card = await sell(client, THREE_LINE_BASKET, [{ mode: 'carte', montant: '5.00' }])
    card.assertStatus(422)
    assert.containsSubset(card.body().details, { missing_cents: 322, cash_due_cents: 320 })
  })

  test('refunds hand cash back rounded; the sales, returns and tender rollups still pass stock:verify', async ({ client, assert }) => {
    await openRegister(client, pos.clerk.token, pos.registerId)
    const sale = await sell(client, THREE_LINE_BASKET, [{ mode: 'especes', montant: '10.00' }])
    sale.assertStatus(201)
    const giveBack = (lignes: object[]) =>
      client.post(`/api/v1/sales/${sale.body().id}/returns`).header('authorization', `Bearer ${pos.clerk.token}`).json({ lignes, motif: 'Retour' })
    const [pain, jus, pates] = sale.body().lignes
    // 2.19 of juice: 2.20 back.
    const first = await giveBack([{ ligne_id: jus.id, quantite: 1 }])
    assert.containsSubset(first.body(), { total: '2.19', arrondi_especes: '0.01', remboursements: [{ mode: 'especes', montant: '2.20' }] })
    // The rest, 6.03, completes the sale: its drawer gives back what it still holds of the 8.20 it kept.
    const rest = await giveBack([
      { ligne_id: pain.id, quantite: 2 },
      { ligne_id: pates.id, quantite: 3 },
    ])
    assert.containsSubset(rest.body(), { total: '6.03', arrondi_especes: '-0.03', remboursements: [{ mode: 'especes', montant: '6.00' }] })

    const x = await managerXReport(client, pos.registerId)
    assert.containsSubset(x.body().rapport, { retours: { total: '8.22', especes: '8.20', arrondi_especes: '-0.02' }, especes_attendues: '100.00' })

    for (const id of ['e', 'i', 'j', 'k']) {
      const check = CONSISTENCY_CHECKS.find((candidate) => candidate.id === id)!
      const mismatches = await db.rawQuery(sqlFor(check, BUSINESS_TIMEZONE))
      assert.deepEqual(mismatches.rows, [], `check ${id}`)
    }
  })

  /** A product of store 1 at `price`, with stock. */
  async function product(client: ApiClient, price: string) {
    const manager = await signedIn('manager')
    const created = await client
      .post('/api/v1/products')
      .header('authorization', `Bearer ${manager.token}`)
      .json({ nom: `Bonbon à ${price}`, prix: price, categorie_id: 1 })
    created.assertStatus(201)
    await setLevel(await locationOfStore(1), created.body().id, 50)
    return created.body().id as number
  }

  test('refunds too small to hand back alone are handed back with a later one: the sale gives back what it took', async ({ client, assert }) => {
    await openRegister(client, pos.clerk.token, pos.registerId)
    const candy = await product(client, '0.02')
    // 2 × 0.02 (no tax at that price) paid with a nickel: 0.04 is 0.05 in cash.
    const sale = await sell(client, [{ produit_id: candy, quantite: 2 }], [{ mode: 'especes', montant: '0.05' }])
    sale.assertStatus(201)
    assert.containsSubset(sale.body(), { total: '0.04', monnaie_rendue: '0.00', arrondi_especes: '0.01' })
    const returnOne = () =>
      client
        .post(`/api/v1/sales/${sale.body().id}/returns`)
        .header('authorization', `Bearer ${pos.clerk.token}`)
        .json({ lignes: [{ ligne_id: sale.body().lignes[0].id, quantite: 1 }], motif: 'Retour' })
    const first = await returnOne()
    assert.containsSubset(first.body(), { total: '0.02', arrondi_especes: '-0.02', remboursements: [] })
    const last = await returnOne()
    assert.containsSubset(last.body(), { total: '0.02', arrondi_especes: '0.03', remboursements: [{ mode: 'especes', montant: '0.05' }] })
    const check = CONSISTENCY_CHECKS.find((candidate) => candidate.id === 'k')!
    const mismatches = async () => (await db.rawQuery(sqlFor(check, BUSINESS_TIMEZONE))).rows
    assert.deepEqual(await mismatches(), [])

    // stock:verify's check (k) sees a nickel handed back by the wrong return, though the sale's total is right.
    await db.from('return_refunds').where('return_id', last.body().id).update({ return_id: first.body().id })
    await db.from('returns').where('id', first.body().id).update({ cash_rounding_cents: 3 })
    await db.from('returns').where('id', last.body().id).update({ cash_rounding_cents: -2 })
    assert.deepEqual(
      (await mismatches()).map((row: { return_id: string }) => Number(row.return_id)),
      [first.body().id]
    )
  })

  test('after a manager refunded part of a cash sale as « autre », the last cash return settles what the drawer kept', async ({ client, assert }) => {
    await openRegister(client, pos.clerk.token, pos.registerId)
    const candy = await product(client, '0.02')
    const sale = await sell(client, [{ produit_id: candy, quantite: 2 }], [{ mode: 'especes', montant: '0.05' }])
    sale.assertStatus(201)
    const manager = await signedIn('manager')
    const line = { lignes: [{ ligne_id: sale.body().lignes[0].id, quantite: 1 }], motif: 'Retour' }
    const credit = await client
      .post(`/api/v1/sales/${sale.body().id}/returns`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ ...line, mode_remboursement: 'autre' })
    assert.containsSubset(credit.body(), { total: '0.02', remboursements: [{ mode: 'autre', montant: '0.02' }] })
    // The credit used up 0.02 of the sale's cash: what the drawer kept of it, 0.05 − 0.02, to the nickel, goes back.
    const rest = await client.post(`/api/v1/sales/${sale.body().id}/returns`).header('authorization', `Bearer ${pos.clerk.token}`).json(line)
    assert.containsSubset(rest.body(), { total: '0.02', remboursements: [{ mode: 'especes', montant: '0.05' }], vente: { statut: 'retournee' } })
    const check = CONSISTENCY_CHECKS.find((candidate) => candidate.id === 'k')!
    assert.deepEqual((await db.rawQuery(sqlFor(check, BUSINESS_TIMEZONE))).rows, [])
  })

  test("a manager's « autre » that uses up a sale's cash settles its rounding: the sale gives back what the drawer kept", async ({ client, assert }) => {
    await openRegister(client, pos.clerk.token, pos.registerId)
    const manager = await signedIn('manager')
    const returnLine = (saleId: number, ligne: { id: number }, token: string, mode?: string) =>
      client
        .post(`/api/v1/sales/${saleId}/returns`)
        .header('authorization', `Bearer ${token}`)
        .json({ lignes: [{ ligne_id: ligne.id, quantite: 1 }], motif: 'Retour', ...(mode ? { mode_remboursement: mode } : {}) })
    const givenBack = (...refunds: { body(): { remboursements: { montant: string }[] } }[]) =>
      refunds.flatMap((refund) => refund.body().remboursements).reduce((sum, part) => sum + Math.round(Number(part.montant) * 100), 0)

    // Bread (1.38) and a 0.04 candy: 1.42, the drawer keeps 1.40. The candy back in cash is a nickel (0.01 more
    // than it cost); the bread as « autre » is then 1.35, not 1.38, which gave back 1.43 for 1.40.
    const four = await product(client, '0.04')
    const first = await sell(client, [{ code: 'ALI001', quantite: 1 }, { produit_id: four, quantite: 1 }], [{ mode: 'especes', montant: '1.45' }])
    first.assertStatus(201)
    assert.containsSubset(first.body(), { total: '1.42', monnaie_rendue: '0.05', arrondi_especes: '-0.02' })
    const [bread, candy] = first.body().lignes
    const candyBack = await returnLine(first.body().id, candy, pos.clerk.token)
    assert.containsSubset(candyBack.body(), { total: '0.04', remboursements: [{ mode: 'especes', montant: '0.05' }] })
    const breadBack = await returnLine(first.body().id, bread, manager.token, 'autre')
    breadBack.assertStatus(201)
    assert.containsSubset(breadBack.body(), { total: '1.38', arrondi_especes: '-0.03', remboursements: [{ mode: 'autre', montant: '1.35' }] })
    assert.equal(givenBack(candyBack, breadBack), 140)

    // The other way: 1.28 paid 1.30; the 0.01 candy gives back nothing in cash; the milk as « autre » is 1.30, not 1.27.
    const one = await product(client, '0.01')
    const second = await sell(client, [{ code: 'ALI002', quantite: 1 }, { produit_id: one, quantite: 1 }], [{ mode: 'especes', montant: '1.30' }])
    second.assertStatus(201)
    assert.containsSubset(second.body(), { total: '1.28', monnaie_rendue: '0.00', arrondi_especes: '0.02' })
    const [milk, cent] = second.body().lignes
    const centBack = await returnLine(second.body().id, cent, pos.clerk.token)
    assert.containsSubset(centBack.body(), { total: '0.01', remboursements: [] })
    const milkBack = await returnLine(second.body().id, milk, manager.token, 'autre')
    assert.containsSubset(milkBack.body(), { total: '1.27', arrondi_especes: '0.03', remboursements: [{ mode: 'autre', montant: '1.30' }] })
    assert.equal(givenBack(centBack, milkBack), 130)

    for (const id of ['e', 'i', 'j', 'k', 'l']) {
      const check = CONSISTENCY_CHECKS.find((candidate) => candidate.id === id)!
      assert.deepEqual((await db.rawQuery(sqlFor(check, BUSINESS_TIMEZONE))).rows, [], `check ${id}`)
    }
    // stock:verify's check (l) sees a sale returned in full that gave back 3 ¢ less than it took (or 4 ¢ more).
    await db.from('return_refunds').where('return_id', breadBack.body().id).update({ amount_cents: 132 })
    await db.from('returns').where('id', breadBack.body().id).update({ cash_rounding_cents: -6 })
    const l = CONSISTENCY_CHECKS.find((candidate) => candidate.id === 'l')!
    assert.deepEqual(
      (await db.rawQuery(sqlFor(l, BUSINESS_TIMEZONE))).rows.map((row: { sale_id: number; given_back_cents: string }) => [row.sale_id, Number(row.given_back_cents)]),
      [[first.body().id, 137]]
    )
  })

  test("a manager's cash refunds of a card sale round on their running total, not each on its own", async ({ client, assert }) => {
    await openRegister(client, pos.clerk.token, pos.registerId)
    const candy = await product(client, '0.03')
    const sale = await sell(client, [{ produit_id: candy, quantite: 3 }], [{ mode: 'carte', montant: '0.10' }])
    sale.assertStatus(201)
    assert.equal(sale.body().total, '0.10')
    const manager = await signedIn('manager')
    const handed: string[] = []
    const exact: string[] = []
    for (let i = 0; i < 3; i++) {
      const refund = await client
        .post(`/api/v1/sales/${sale.body().id}/returns`)
        .header('authorization', `Bearer ${manager.token}`)
        .json({ lignes: [{ ligne_id: sale.body().lignes[0].id, quantite: 1 }], motif: 'Carte expirée', mode_remboursement: 'especes' })
      refund.assertStatus(201)
      exact.push(refund.body().total)
      handed.push(refund.body().remboursements.map((part: { montant: string }) => part.montant).join('') || '0.00')
    }
    // 0.03, 0.04 (the TVQ cent falls on the second) and 0.03 of exact refunds: 0.05 (0.03 rounded), nothing
    // (0.07 in all is still 0.05), 0.05 (0.10 in all): 0.10 for 0.10, where rounding each alone gave 0.15.
    assert.deepEqual(exact, ['0.03', '0.04', '0.03'])
    assert.deepEqual(handed, ['0.05', '0.00', '0.05'])
    const check = CONSISTENCY_CHECKS.find((candidate) => candidate.id === 'k')!
    assert.deepEqual((await db.rawQuery(sqlFor(check, BUSINESS_TIMEZONE))).rows, [])
  })

  test('sales and returns made before the nickel rule are checked by the exact rule they were made with', async ({ assert }) => {
    // 8.22 paid 10.00 with 1.78 back, then 1.38 refunded in exact cash: right then, wrong by today's rule.
    const [sale] = await db
      .table('sales')
      .insert({
        receipt_number: 'S1-R1-LEGACY01',
        store_id: 1,
        register_id: pos.registerId,
        subtotal_cents: 822,
        tax_cents: 0,
        total_cents: 822,
        paid_cents: 1000,
        change_cents: 178,
        cash_to_nickel: false,
      })
      .returning('id')
    const bread = await db.from('products').where('code', 'ALI001').select('id').firstOrFail()
    await db.table('sale_lines').insert({ sale_id: sale.id, line_number: 1, product_id: bread.id, quantity: 1, unit_price_cents: 822, line_total_cents: 822 })
    await db.table('payments').insert({ sale_id: sale.id, method: 'cash', amount_cents: 1000 })
    const [refund] = await db
      .table('returns')
      .insert({
        sale_id: sale.id,
        register_id: pos.registerId,
        reason: 'Retour',
        refund_method: 'cash',
        subtotal_cents: 138,
        tax_cents: 0,
        total_cents: 138,
        cash_to_nickel: false,
      })
      .returning('id')
    await db.table('return_refunds').insert({ return_id: refund.id, method: 'cash', amount_cents: 138 })
    const mismatches = async (id: string) =>
      (await db.rawQuery(sqlFor(CONSISTENCY_CHECKS.find((candidate) => candidate.id === id)!, BUSINESS_TIMEZONE))).rows
    assert.deepEqual(await mismatches('e'), [])
    assert.deepEqual(await mismatches('k'), [])
    // The same rows filed under today's rule are wrong: the checks do look at them.
    await db.from('sales').where('id', sale.id).update({ cash_to_nickel: true })
    await db.from('returns').where('id', refund.id).update({ cash_to_nickel: true })
    assert.lengthOf(await mismatches('e'), 1)
    assert.lengthOf(await mismatches('k'), 1)
  })
})
