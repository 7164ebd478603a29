import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { THREE_LINE_BASKET, clerkAtRegister, registersOf, sellBasket, openRegister, storeQuantity, managerXReport } from '#tests/helpers/pos'

test.group('Returns against a sale', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('a refund goes back the way the sale was paid; a manager may choose another way', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sell = async (paiements: object[]) => {
      const response = await client
        .post('/api/v1/sales')
        .header('authorization', `Bearer ${clerk.token}`)
        .json({ caisse_id: registerId, lignes: THREE_LINE_BASKET, paiements })
      response.assertStatus(201)
      return response.body()
    }
    const giveBack = (token: string, saleId: number, body: object) =>
      client.post(`/api/v1/sales/${saleId}/returns`).header('authorization', `Bearer ${token}`).json({ motif: 'Retour', ...body })

    // 8.22 paid with 5.00 by card and 10.00 in cash (6.78 back): cash kept 3.22, card 5.00.
    const split = await sell([{ mode: 'carte', montant: '5.00' }, { mode: 'especes', montant: '10.00' }])
    const [pain, , pates] = split.lignes
    // 3.27 does not fit in the 3.22 of cash kept: "original" takes the card…
    const pasta = await giveBack(clerk.token, split.id, { lignes: [{ ligne_id: pates.id, quantite: 3 }] })
    pasta.assertStatus(201)
    assert.equal(pasta.body().mode_remboursement, 'carte')
    // …and 2.76 more, over the card's 1.73 left, goes to the cash kept.
    const bread = await giveBack(clerk.token, split.id, { lignes: [{ ligne_id: pain.id, quantite: 2 }], mode_remboursement: 'original' })
    bread.assertStatus(201)
    assert.equal(bread.body().mode_remboursement, 'especes')

    // Paid by card only: a clerk cannot refund it in cash; a manager can.
    const byCard = await sell([{ mode: 'carte', montant: '8.22' }])
    const toCash = await client
      .post(`/api/v1/sales/${byCard.id}/cancel`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ mode_remboursement: 'especes' })
    toCash.assertStatus(422)
    assert.containsSubset(toCash.body(), {
      error_code: 'BUSINESS_LOGIC_ERROR',
      details: { mode_remboursement: 'especes', refund_cents: 822, refundable_cents: { carte: 822 } },
    })
    const manager = await signedIn('manager')
    const cancelled = await client
      .post(`/api/v1/sales/${byCard.id}/cancel`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ mode_remboursement: 'especes' })
    cancelled.assertStatus(201)
    assert.equal(cancelled.body().mode_remboursement, 'especes')
    assert.equal(cancelled.body().vente.montant_rembourse, '8.22')
  })

  test('partial, second partial, over-return refused, then cancellation of the rest', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    const [pain, jus, pates] = sale.lignes
    const breadBefore = await storeQuantity(1, 'ALI001')

    const first = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: pain.id, quantite: 1 }], motif: 'Pain rassis' })
    first.assertStatus(201)
    assert.containsSubset(first.body(), {
      sous_total: '1.20',
      total_taxes: '0.18',
      total: '1.38',
      mode_remboursement: 'especes',
      vente: { statut: 'partiellement_retournee', montant_rembourse: '1.38' },
    })
    assert.equal(await storeQuantity(1, 'ALI001'), breadBefore + 1)

    // Paid in cash: a clerk cannot send it back to a card.
    const toCard = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: pates.id, quantite: 3 }], motif: 'Erreur de produit', mode_remboursement: 'carte' })
    toCard.assertStatus(422)
    assert.containsSubset(toCard.body(), {
      error_code: 'BUSINESS_LOGIC_ERROR',
      details: { mode_remboursement: 'carte', refund_cents: 327, refundable_cents: { especes: 684 } },
    })

    const second = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: pates.id, quantite: 3 }], motif: 'Erreur de produit', mode_remboursement: 'especes' })
    second.assertStatus(201)
    assert.equal(second.body().total, '3.27')
    assert.equal(second.body().mode_remboursement, 'especes')

    const tooMany = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: pain.id, quantite: 2 }], motif: 'Trop' })
    tooMany.assertStatus(409)
    assert.equal(tooMany.body().error_code, 'RETURN_EXCEEDS_SOLD')
    assert.containsSubset(tooMany.body().details, { sold: 2, already_returned: 1, requested: 2 })

    const cancel = await client
      .post(`/api/v1/sales/${sale.id}/cancel`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({})
    cancel.assertStatus(201)
    assert.equal(cancel.body().total, '3.57')
    assert.equal(cancel.body().vente.statut, 'retournee')
    // Every cent charged comes back, no more: 1.38 + 3.27 + 3.57 = 8.22
    assert.equal(cancel.body().vente.montant_rembourse, '8.22')
    assert.equal(cancel.body().vente.total, '8.22')

    const again = await client.post(`/api/v1/sales/${sale.id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({})
    again.assertStatus(409)
    assert.equal(again.body().error_code, 'NOTHING_TO_RETURN')

    const kept = await client.get(`/api/v1/sales/${sale.id}`).header('authorization', `Bearer ${clerk.token}`)
    kept.assertStatus(200)
    assert.equal(kept.body().lignes.find((l: { id: number }) => l.id === jus.id).quantite_retournee, 1)
    assert.lengthOf(kept.body().retours, 3)

    const rollups = await db.from('daily_sales_rollups').where('store_id', 1).sum('refunded_cents as refunded').sum('quantity_returned as qty').first()
    assert.equal(Number(rollups?.refunded), 715)
    assert.equal(Number(rollups?.qty), 6)
    const register = await db.from('daily_register_rollups').where('register_id', registerId).firstOrFail()
    assert.equal(register.returns_count, 3)
    assert.equal(register.refunded_total_cents, 822)
  })

  test('damaged goods (remis_en_stock: false) are refunded and stay out of the stock; the ledger shows them back, then written off', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    const [pain] = sale.lignes
    const breadBefore = await storeQuantity(1, 'ALI001')

    const damaged = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: pain.id, quantite: 1 }], motif: 'Pain moisi', remis_en_stock: false })
    damaged.assertStatus(201)
    assert.containsSubset(damaged.body(), { total: '1.38', remis_en_stock: false, vente: { statut: 'partiellement_retournee' } })
    assert.equal(await storeQuantity(1, 'ALI001'), breadBefore, 'nothing back on the shelf')
    const ledger = await db
      .from('stock_movements')
      .where({ reference_type: 'return', reference_id: damaged.body().id })
      .orderBy('id')
      .select('kind', 'quantity_delta', 'reason')
    assert.deepEqual(
      ledger.map((m) => [m.kind, m.quantity_delta]),
      [
        ['return', 1],
        ['adjustment', -1],
      ]
    )
    assert.match(ledger[1].reason, /abîmés/)

    // The rest, cancelled the usual way, goes back to stock; "remis_en_stock": "non" is no boolean.
    const wrong = await client.post(`/api/v1/sales/${sale.id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({ remis_en_stock: 'non' })
    wrong.assertStatus(422)
    const rest = await client.post(`/api/v1/sales/${sale.id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({})
    rest.assertStatus(201)
    assert.equal(rest.body().remis_en_stock, true)
    assert.equal(await storeQuantity(1, 'ALI001'), breadBefore + 1)
  })

  test('one return takes some items back to stock and writes damaged ones off, line by line', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    const pates = sale.lignes.find((l: { code: string }) => l.code === 'ALI005')
    const jus = sale.lignes.find((l: { code: string }) => l.code === 'BOI002')
    const [pastaBefore, juiceBefore] = [await storeQuantity(1, 'ALI005'), await storeQuantity(1, 'BOI002')]
    const post = (body: object) =>
      client.post(`/api/v1/sales/${sale.id}/returns`).header('authorization', `Bearer ${clerk.token}`).json(body)

    // 3 pasta sold: 2 whole and 2 torn is one more than was sold, whatever becomes of them.
    const tooMany = await post({
      lignes: [
        { ligne_id: pates.id, quantite: 2 },
        { ligne_id: pates.id, quantite: 2, remis_en_stock: false },
      ],
      motif: 'Trop',
    })
    tooMany.assertStatus(409)
    assert.containsSubset(tooMany.body().details, { line_id: pates.id, sold: 3, requested: 4 })

    const mixed = await post({
      lignes: [
        { ligne_id: pates.id, quantite: 2 },
        { ligne_id: pates.id, quantite: 1, remis_en_stock: false },
        { ligne_id: jus.id, quantite: 1, remis_en_stock: false },
      ],
      motif: 'Un paquet déchiré, jus renversé',
    })
    mixed.assertStatus(201)
    const body = mixed.body()
    assert.isFalse(body.remis_en_stock, 'not every item went back')
    assert.deepEqual(
      body.lignes.map((l: { code: string; quantite: number; remis_en_stock: boolean }) => [l.code, l.quantite, l.remis_en_stock]),
      [
        ['ALI005', 2, true],
        ['ALI005', 1, false],
        ['BOI002', 1, false],
      ]
    )
    assert.equal(await storeQuantity(1, 'ALI005'), pastaBefore + 2)
    assert.equal(await storeQuantity(1, 'BOI002'), juiceBefore)
    const writeOff = await db
      .from('stock_movements')
      .where({ reference_type: 'return', reference_id: body.id, kind: 'adjustment' })
      .join('products', 'products.id', 'stock_movements.product_id')
      .orderBy('products.code')
      .select('products.code', 'quantity_delta')
    assert.deepEqual(writeOff.map((m) => [m.code, m.quantity_delta]), [['ALI005', -1], ['BOI002', -1]])
    // Both parts of the pasta line count against what was sold.
    const saleAfter = await client.get(`/api/v1/sales/${sale.id}`).header('authorization', `Bearer ${clerk.token}`)
    assert.equal(saleAfter.body().lignes.find((l: { code: string }) => l.code === 'ALI005').quantite_retournee, 3)

    // A line's own choice overrides the body's: everything damaged but the bread, which goes back.
    const rest = await post({
      lignes: [{ ligne_id: sale.lignes[0].id, quantite: 2, remis_en_stock: true }],
      motif: 'Pain intact',
      remis_en_stock: false,
    })
    rest.assertStatus(201)
    assert.isTrue(rest.body().remis_en_stock)
    assert.equal(rest.body().vente.statut, 'retournee')
  })

  test('a return at another register of the store pays its cash from that drawer, and counts there', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const [, nextRegister] = await registersOf(1)
    const session = await openRegister(client, clerk.token, registerId, '100.00')
    const sale = await sellBasket(client, clerk.token, registerId) // 10.00 cash for 8.22, due 8.20: 108.20 in the drawer
    const closing = await client
      .post(`/api/v1/register-sessions/${session}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '108.20' })
    closing.assertStatus(200)
    const post = (body: object) =>
      client.post(`/api/v1/sales/${sale.id}/returns`).header('authorization', `Bearer ${clerk.token}`).json(body)
    const bread = { lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Pain rassis', mode_remboursement: 'especes' }

    // At the next register, still closed: its drawer cannot pay (the sale's register being closed does not matter).
    const closed = await post({ ...bread, caisse_id: nextRegister })
    closed.assertStatus(409)
    assert.containsSubset(closed.body(), { error_code: 'REGISTER_CLOSED', details: { register_id: nextRegister } })

    await openRegister(client, clerk.token, nextRegister, '50.00')
    const returned = await post({ ...bread, caisse_id: nextRegister })
    returned.assertStatus(201)
    assert.containsSubset(returned.body(), { caisse_id: nextRegister, total: '1.38', remboursements: [{ mode: 'especes', montant: '1.40' }] })
    const x = await managerXReport(client, nextRegister)
    assert.containsSubset(x.body().rapport, { especes_attendues: '48.60', retours: { nombre: 1, especes: '1.40' } })
    const rollup = await db.from('daily_register_rollups').where('register_id', nextRegister).sum('returns_count as count').first()
    assert.equal(Number(rollup.count), 1)

    // Not at a register of another store (the goods go back to the store that sold them), nor one that does not exist.
    const [otherStore] = await registersOf(2)
    const manager = await signedIn('manager')
    const elsewhere = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ ...bread, caisse_id: otherStore })
    elsewhere.assertStatus(422)
    assert.equal(elsewhere.body().details.validation_errors[0].field, 'caisse_id')
    const unknown = await post({ ...bread, caisse_id: 999999 })
    unknown.assertStatus(404)
    assert.containsSubset(unknown.body().details, { resource: 'Register', field: 'caisse_id' })
    // A clerk does not learn of another store's registers.
    const foreign = await post({ ...bread, caisse_id: otherStore })
    foreign.assertStatus(404)
    // A register taken out of service records no return, as it records no sale.
    const [, , retired] = await registersOf(1)
    await db.from('registers').where('id', retired).update({ is_active: false })
    const inactive = await post({ ...bread, caisse_id: retired })
    inactive.assertStatus(422)
    assert.equal(inactive.body().details.validation_errors[0].message, `Register ${retired} is inactive`)

    // Cancelling the rest at the next register: its drawer pays that too.
    const cancelled = await client
      .post(`/api/v1/sales/${sale.id}/cancel`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ mode_remboursement: 'especes', caisse_id: nextRegister })
    cancelled.assertStatus(201)
    assert.equal(cancelled.body().caisse_id, nextRegister)
    const after = await managerXReport(client, nextRegister)
    // The sale kept 8.20 in cash (to the nickel) and gives back what it kept: 1.40, then 6.80.
    assert.containsSubset(after.body().rapport, { especes_attendues: '41.80', retours: { nombre: 2, especes: '8.20' } })
  })

  test('a line that is not part of the sale is a validation error', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    const response = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }, { ligne_id: 999999, quantite: 1 }], motif: 'Inconnu' })
    response.assertStatus(422)
    // The line is named as sent, as other body errors are; nothing was taken back.
    assert.deepEqual(response.body().details.validation_errors, [
      { field: 'lignes.1.ligne_id', message: 'Line 999999 is not a line of this sale', type: 'exists' },
    ])
  })

  test('after 24 hours only a manager can take goods back', async ({ client }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    await db.from('sales').where('id', sale.id).update({ created_at: db.raw("now() - interval '25 hours'") })
    const byClerk = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Tard' })
    byClerk.assertStatus(403)
    const manager = await signedIn('manager')
    const byManager = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${manager.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Tard' })
    byManager.assertStatus(201)
  })

  test("a clerk of another store cannot see or return the sale", async ({ client }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const sale = await sellBasket(client, clerk.token, registerId)
    const other = await signedIn('clerk', 2)
    const response = await client
      .post(`/api/v1/sales/${sale.id}/returns`)
      .header('authorization', `Bearer ${other.token}`)
      .json({ lignes: [{ ligne_id: sale.lignes[0].id, quantite: 1 }], motif: 'Pas à moi' })
    response.assertStatus(404)
  })
})
