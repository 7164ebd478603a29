import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { locationOfStore, resetDatabase, setLevel } from '#tests/helpers/database'
import { untilBlockedOnLock } from '#tests/helpers/waiting'
import { THREE_LINE_BASKET, clerkAtRegister, openRegister, productId, registersOf, storeQuantity, managerXReport } from '#tests/helpers/pos'

/** Pain 1.20 + Liquide vaisselle 2.10: 3.30 before tax, 3.80 with it. */
const TWO_ITEMS = [
  { code: 'ALI001', quantite: 1 },
  { code: 'MEN001', quantite: 1 },
]

async function sell(client: ApiClient, token: string, registerId: number, lignes: object[], paiements: object[]) {
  const response = await client
    .post('/api/v1/sales')
    .header('authorization', `Bearer ${token}`)
    .json({ caisse_id: registerId, lignes, paiements })
  response.assertStatus(201)
  return response.body()
}

/** What each tender got back over all the returns of a sale, from the stored parts. */
async function refundedByTender(saleId: number) {
  const rows = await db
    .from('return_refunds')
    .join('returns', 'returns.id', 'return_refunds.return_id')
    .where('returns.sale_id', saleId)
    .groupBy('return_refunds.method')
    .select('return_refunds.method')
    .sum('return_refunds.amount_cents as cents')
  return Object.fromEntries(rows.map((r) => [r.method, Number(r.cents)]))
}

test.group('Refunds split across the sale tenders', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('2.00 by card + 5.00 cash (3.20 back): card alone is refused with its maximum; original splits 2.00 + 1.80', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId, '100.00')
    const sale = await sell(client, clerk.token, registerId, TWO_ITEMS, [
      { mode: 'carte', montant: '2.00' },
      { mode: 'especes', montant: '5.00' },
    ])
    assert.equal(sale.total, '3.80')
    assert.equal(sale.monnaie_rendue, '3.20')
    const breadBefore = await storeQuantity(1, 'ALI001')

    // The card was charged 2.00: 3.80 cannot go back to it, for a clerk or a manager.
    for (const actor of [clerk, await signedIn('manager')]) {
      const toCard = await client
        .post(`/api/v1/sales/${sale.id}/cancel`)
        .header('authorization', `Bearer ${actor.token}`)
        .json({ mode_remboursement: 'carte' })
      toCard.assertStatus(422)
      assert.containsSubset(toCard.body(), {
        error_code: 'BUSINESS_LOGIC_ERROR',
        details: { mode_remboursement: 'carte', refund_cents: 380, max_cents: 200, refundable_cents: { carte: 200, especes: 180 } },
      })
      assert.match(toCard.body().message, /2\.00/)
    }
    // Refused: nothing moved.
    assert.equal(await storeQuantity(1, 'ALI001'), breadBefore)
    assert.equal((await db.from('sales').where('id', sale.id).firstOrFail()).refunded_cents, 0)

    const cancelled = await client
      .post(`/api/v1/sales/${sale.id}/cancel`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ mode_remboursement: 'original' })
    cancelled.assertStatus(201)
    assert.containsSubset(cancelled.body(), {
      total: '3.80',
      mode_remboursement: 'mixte',
      remboursements: [
        { mode: 'carte', montant: '2.00' },
        { mode: 'especes', montant: '1.80' },
      ],
      vente: { statut: 'retournee', montant_rembourse: '3.80' },
    })
    const shown = await client.get(`/api/v1/returns/${cancelled.body().id}`).header('authorization', `Bearer ${clerk.token}`)
    assert.deepEqual(shown.body().remboursements, cancelled.body().remboursements)
    assert.deepEqual(await refundedByTender(sale.id), { card: 200, cash: 180 })
    // The sale itself says what went back to each tender, beside the total it always showed.
    const detail = await client.get(`/api/v1/sales/${sale.id}`).header('authorization', `Bearer ${clerk.token}`)
    detail.assertStatus(200)
    assert.equal(detail.body().montant_rembourse, '3.80')
    assert.deepEqual(detail.body().remboursements_par_mode, [
      { mode: 'carte', montant: '2.00' },
      { mode: 'especes', montant: '1.80' },
    ])

    // The drawer took 1.80 net and gave 1.80 back: it expects its float, not 3.80 less.
    const x = await managerXReport(client, registerId)
    assert.containsSubset(x.body().rapport, {
      retours: {
        nombre: 1,
        total: '3.80',
        especes: '1.80',
        par_mode: [
          { mode: 'carte', montant: '2.00' },
          { mode: 'especes', montant: '1.80' },
        ],
      },
      especes_attendues: '100.00',
    })
    const closed = await client
      .post(`/api/v1/register-sessions/${x.body().id}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '100.00' })
    closed.assertStatus(200)
    assert.containsSubset(closed.body().rapport, { type: 'Z', especes_attendues: '100.00', ecart: '0.00' })
  })

  test('several partial returns never give a tender more than it kept; a named tender that fits is used as asked', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    // 8.22 paid 5.00 by card and 10.00 in cash: 3.22 left for cash, due 3.20 (ADR 0023), 6.80 back. Card 5.00, cash kept 3.20.
    const sale = await sell(client, clerk.token, registerId, THREE_LINE_BASKET, [
      { mode: 'carte', montant: '5.00' },
      { mode: 'especes', montant: '10.00' },
    ])
    assert.deepEqual(sale.remboursements_par_mode, [], 'nothing refunded yet')
    const [pain, jus, pates] = sale.lignes
    const giveBack = (body: object) =>
      client.post(`/api/v1/sales/${sale.id}/returns`).header('authorization', `Bearer ${clerk.token}`).json({ motif: 'Retour', ...body })

    // 2.76 of bread, asked in cash: the cash's 3.22 can take it; the drawer hands back 2.75.
    const bread = await giveBack({ lignes: [{ ligne_id: pain.id, quantite: 2 }], mode_remboursement: 'especes' })
    bread.assertStatus(201)
    assert.containsSubset(bread.body(), {
      total: '2.76',
      arrondi_especes: '-0.01',
      mode_remboursement: 'especes',
      remboursements: [{ mode: 'especes', montant: '2.75' }],
    })
    // 3.27 of pasta in cash: only 0.46 of cash is left (on exact amounts). Refused, naming it.
    const pastaCash = await giveBack({ lignes: [{ ligne_id: pates.id, quantite: 3 }], mode_remboursement: 'especes' })
    pastaCash.assertStatus(422)
    assert.containsSubset(pastaCash.body().details, { refund_cents: 327, max_cents: 46, refundable_cents: { carte: 500, especes: 46 } })
    const pasta = await giveBack({ lignes: [{ ligne_id: pates.id, quantite: 3 }] })
    pasta.assertStatus(201)
    assert.containsSubset(pasta.body(), { mode_remboursement: 'carte', remboursements: [{ mode: 'carte', montant: '3.27' }] })
    // The rest, 2.19: card 1.73 left, cash 0.46 left. Split; it completes the sale, so the drawer
    // hands back what it still holds of it: 3.20 kept − 2.75 = 0.45.
    const rest = await giveBack({ lignes: [{ ligne_id: jus.id, quantite: 1 }] })
    rest.assertStatus(201)
    assert.containsSubset(rest.body(), {
      total: '2.19',
      arrondi_especes: '-0.01',
      mode_remboursement: 'mixte',
      remboursements: [
        { mode: 'carte', montant: '1.73' },
        { mode: 'especes', montant: '0.45' },
      ],
      vente: { statut: 'retournee', montant_rembourse: '8.22' },
    })
    assert.deepEqual(await refundedByTender(sale.id), { card: 500, cash: 320 })
    // Three returns (cash, card, then split), summed per tender on the sale: the card's 5.00, the 3.20 of cash kept.
    const detail = await client.get(`/api/v1/sales/${sale.id}`).header('authorization', `Bearer ${clerk.token}`)
    assert.deepEqual(detail.body().remboursements_par_mode, [
      { mode: 'carte', montant: '5.00' },
      { mode: 'especes', montant: '3.20' },
    ])
    assert.equal(detail.body().montant_rembourse, '8.22')
    // The drawer's X report agrees, part for part: it kept 3.20 of the sale and gave back 3.20.
    const x = await managerXReport(client, registerId)
    assert.containsSubset(x.body().rapport, {
      ventes: { total: '8.22', arrondi_especes: '-0.02' },
      paiements: [
        { mode: 'carte', montant: '5.00' },
        { mode: 'especes', montant: '3.20' },
      ],
      retours: { nombre: 3, total: '8.22', especes: '3.20', arrondi_especes: '-0.02', par_mode: detail.body().remboursements_par_mode },
      especes_attendues: '100.00',
    })
  })

  test('a manager may still refund a card sale in cash (expired card); the card then has that much less to take', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const manager = await signedIn('manager')
    const sale = await sell(client, clerk.token, registerId, THREE_LINE_BASKET, [{ mode: 'carte', montant: '8.22' }])
    const [pain, jus] = sale.lignes
    const inCash = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ lignes: [{ ligne_id: pain.id, quantite: 2 }], motif: 'Carte expirée', mode_remboursement: 'especes' })
    inCash.assertStatus(201)
    // Cash handed back rounds to the nickel even beyond the sale's tenders.
    assert.containsSubset(inCash.body(), { mode_remboursement: 'especes', arrondi_especes: '-0.01', remboursements: [{ mode: 'especes', montant: '2.75' }] })
    // 8.22 − 2.76 = 5.46 is what the card may still get back.
    const juice = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: jus.id, quantite: 1 }], motif: 'Retour', mode_remboursement: 'especes' })
    juice.assertStatus(422)
    assert.containsSubset(juice.body().details, { max_cents: 0, refundable_cents: { carte: 546 } })
    const rest = await client.post(`/api/v1/sales/${sale.id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({})
    rest.assertStatus(201)
    assert.containsSubset(rest.body(), { total: '5.46', remboursements: [{ mode: 'carte', montant: '5.46' }] })
    assert.deepEqual(await refundedByTender(sale.id), { cash: 275, card: 546 })
    // Cash the sale never took still left the drawer: the sale shows it apart from the card's part.
    const detail = await client.get(`/api/v1/sales/${sale.id}`).header('authorization', `Bearer ${clerk.token}`)
    assert.deepEqual(detail.body().remboursements_par_mode, [
      { mode: 'carte', montant: '5.46' },
      { mode: 'especes', montant: '2.75' },
    ])
  })
})

test.group('Refund split under concurrency (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  /** Five breads (6.90, 1.38 each to return) paid 3.00 by card and 5.00 in cash (1.10 back: 3.90 kept). */
  async function fiveBreads(client: ApiClient, assert: Assert, storeId: number) {
    const clerk = await signedIn('clerk', storeId)
    const registerId = (await registersOf(storeId))[0]
    await openRegister(client, clerk.token, registerId)
    await setLevel(await locationOfStore(storeId), await productId('ALI001'), 50)
    const sale = await sell(client, clerk.token, registerId, [{ code: 'ALI001', quantite: 5 }], [
      { mode: 'carte', montant: '3.00' },
      { mode: 'especes', montant: '5.00' },
    ])
    assert.equal(sale.total, '6.90')
    const returnOne = (mode: string) =>
      client
        .post(`/api/v1/sales/${sale.id}/returns`)
        .header('authorization', `Bearer ${clerk.token}`)
        .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Retour', mode_remboursement: mode })
    return { sale, returnOne }
  }

  test('a cash refund asked while its drawer is being closed waits, and is refused once it is closed (never lost from the count)', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 3)
    const registerId = (await registersOf(3))[0]
    const sessionId = await openRegister(client, clerk.token, registerId)
    await setLevel(await locationOfStore(3), await productId('ALI001'), 50)
    const sale = await sell(client, clerk.token, registerId, [{ code: 'ALI001', quantite: 1 }], [{ mode: 'especes', montant: '5.00' }])
    // The closing, as close_session does it: the session row locked, its figures read, then closed.
    const closing = await db.transaction()
    let refund
    try {
      await closing.rawQuery('SELECT id FROM register_sessions WHERE id = ? FOR UPDATE', [sessionId])
      refund = Promise.resolve(client.post(`/api/v1/sales/${sale.id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({}))
      await untilBlockedOnLock('%register_sessions%for share%')
      await closing
        .from('register_sessions')
        .where('id', sessionId)
        .update({ closed_by: clerk.user.id, closed_at: closing.raw('now()'), counted_cash_cents: 10_138, expected_cash_cents: 10_138 })
      await closing.commit()
    } finally {
      // A failed step must not leave the lock held: the group's reset would wait on it forever.
      if (!closing.isCompleted) await closing.rollback()
    }
    const response = await refund
    // It came after the count: the drawer it would take cash from is closed.
    response.assertStatus(409)
    assert.equal(response.body().error_code, 'REGISTER_CLOSED')
    const attached = await db.from('returns').where('register_session_id', sessionId).count('* as n').first()
    assert.equal(Number(attached?.n), 0)
  }).timeout(60_000)

  test('5 parallel one-bread returns asked to the card: only what 3.00 holds goes through', async ({ client, assert }) => {
    const { sale, returnOne } = await fiveBreads(client, assert, 4)
    const responses = await Promise.all(Array.from({ length: 5 }, () => returnOne('carte')))
    const statuses = responses.map((r) => r.status()).sort()
    assert.deepEqual(statuses, [201, 201, 422, 422, 422])
    assert.isTrue(responses.filter((r) => r.status() === 422).every((r) => r.body().details.max_cents === 24))
    assert.deepEqual(await refundedByTender(sale.id), { card: 276 })
  }).timeout(60_000)

  test('5 parallel one-bread returns, original: card and cash end at exactly what each kept', async ({ client, assert }) => {
    const { sale, returnOne } = await fiveBreads(client, assert, 5)
    const responses = await Promise.all(Array.from({ length: 5 }, () => returnOne('original')))
    assert.deepEqual(
      responses.map((r) => r.status()),
      [201, 201, 201, 201, 201]
    )
    assert.deepEqual(await refundedByTender(sale.id), { card: 300, cash: 390 })
    const row = await db.from('sales').where('id', sale.id).firstOrFail()
    assert.equal(row.refunded_cents, 690)
  }).timeout(60_000)
})

