import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import { CONSISTENCY_CHECKS, sqlFor } from '#reporting/integrity/consistency_checks'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { THREE_LINE_BASKET, clerkAtRegister, openRegister } from '#tests/helpers/pos'

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

    // The drawer expects what it was handed: 8.20 + 1.40, and its report says why the tenders differ from the total.
    const x = await client.get(`/api/v1/registers/${pos.registerId}/sessions/current`).header('authorization', `Bearer ${pos.clerk.token}`)
    assert.containsSubset(x.body().rapport, {
      ventes: { nombre: 3, total: '10.98', arrondi_especes: '0.00' },
      paiements: [
        { mode: 'carte', montant: '1.38' },
        { mode: 'especes', montant: '9.60' },
      ],
      especes_attendues: '9.60',
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

    // An integration that sends the exact total in cash keeps working: 1.38 rounds up to 1.40, 1.38 is enough.
    const exact = await sell(client, [{ code: 'ALI001', quantite: 1 }], [{ mode: 'especes', montant: '1.38' }])
    exact.assertStatus(201)
    assert.containsSubset(exact.body(), { montant_paye: '1.38', monnaie_rendue: '0.00', arrondi_especes: '0.00' })
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

    const x = await client.get(`/api/v1/registers/${pos.registerId}/sessions/current`).header('authorization', `Bearer ${pos.clerk.token}`)
    assert.containsSubset(x.body().rapport, { retours: { total: '8.22', especes: '8.20', arrondi_especes: '-0.02' }, especes_attendues: '100.00' })

    for (const id of ['e', 'i', 'j']) {
      const check = CONSISTENCY_CHECKS.find((candidate) => candidate.id === id)!
      const mismatches = await db.rawQuery(sqlFor(check, BUSINESS_TIMEZONE))
      assert.deepEqual(mismatches.rows, [], `check ${id}`)
    }
  })
})
