import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { SPLIT_PAID_BASKET, clerkAtRegister, openRegister, productId, registersOf, storeQuantity } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'

const basket = SPLIT_PAID_BASKET

test.group('POST /api/v1/sales', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))

  test('records a 3-line sale with a split payment, exact taxes and change', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const before = await storeQuantity(1, 'ALI005')
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, ...basket })
    response.assertStatus(201)
    const sale = response.body()
    assert.containsSubset(sale, {
      magasin_id: 1,
      caisse_id: registerId,
      caissier_id: clerk.user.id,
      statut: 'terminee',
      sous_total: '7.15',
      total_taxes: '1.07',
      total: '8.22',
      montant_paye: '15.00',
      // 3.22 left for cash is due as 3.20: cash settles to the nickel (ADR 0023).
      monnaie_rendue: '6.80',
      arrondi_especes: '-0.02',
    })
    assert.deepEqual(
      sale.taxes.map((t: { code: string; montant: string; taux: string }) => [t.code, t.taux, t.montant]),
      [
        ['TPS', '5.000', '0.36'],
        ['TVQ', '9.975', '0.71'],
      ]
    )
    assert.deepEqual(
      sale.lignes.map((l: { code: string; quantite: number; prix_unitaire: string; total: string }) => [l.code, l.quantite, l.prix_unitaire, l.total]),
      [
        ['ALI001', 2, '1.20', '2.40'],
        ['BOI002', 1, '1.90', '1.90'],
        ['ALI005', 3, '0.95', '2.85'],
      ]
    )
    assert.equal(await storeQuantity(1, 'ALI005'), before - 3)
    const movements = await db.from('stock_movements').where({ reference_type: 'sale', reference_id: sale.id })
    assert.lengthOf(movements, 3)
    const rollup = await db.from('daily_register_rollups').where('register_id', registerId).firstOrFail()
    assert.equal(rollup.total_cents, 822)
    const productRollup = await db
      .from('daily_sales_rollups')
      .where({ store_id: 1, product_id: await productId('ALI005') })
      .firstOrFail()
    assert.equal(productRollup.quantity_sold, 3)
    assert.equal(productRollup.revenue_cents, 285)
  })

  test('rounds each tax half-up on the sale total (0.95 × 3 and 0.70)', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const pasta = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI005', quantite: 3 }], paiements: [{ mode: 'carte', montant: '3.27' }] })
    pasta.assertStatus(201)
    assert.deepEqual(pasta.body().taxes.map((t: { montant: string }) => t.montant), ['0.14', '0.28'])
    const water = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'BOI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '1' }] })
    water.assertStatus(201)
    assert.deepEqual(water.body().taxes.map((t: { montant: string }) => t.montant), ['0.04', '0.07'])
    assert.equal(water.body().total, '0.81')
    // 0.81 in cash is due as 0.80 (ADR 0023).
    assert.equal(water.body().monnaie_rendue, '0.20')
  })

  test('amounts the cents columns cannot hold are refused, naming the field or the limit, and write nothing', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const sell = (body: object) =>
      client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json({ caisse_id: registerId, ...body })

    const float = await client
      .post(`/api/v1/registers/${registerId}/sessions`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ fond_de_caisse: 100000000 })
    float.assertStatus(422)
    assert.deepEqual(float.body().details.validation_errors.map((e: { field: string }) => e.field), ['fond_de_caisse'])
    await openRegister(client, clerk.token, registerId)

    for (const montant of ['30000000', 30000000, '10000000.01']) {
      const tendered = await sell({ lignes: [{ code: 'ALI005', quantite: 1 }], paiements: [{ mode: 'especes', montant }] })
      tendered.assertStatus(422)
      assert.deepEqual(tendered.body().details.validation_errors.map((e: { field: string }) => e.field), ['paiements.0.montant'], String(montant))
      // The limit is said whether the amount came as a number or as a string.
      assert.equal(tendered.body().details.validation_errors[0].message, 'The montant field must not be greater than 10000000', String(montant))
    }
    for (const [montant, message] of [
      [0, 'The montant field must be greater than 0'],
      ['0.00', 'The montant field must be greater than 0'],
      [-5, 'The montant field must be greater than 0'],
      ['1.005', 'The montant field must have at most two decimals'],
      ['douze', 'The montant field must be an amount such as "12.50"'],
    ] as const) {
      const refused = await sell({ lignes: [{ code: 'ALI005', quantite: 1 }], paiements: [{ mode: 'especes', montant }] })
      refused.assertStatus(422)
      assert.deepEqual(refused.body().details.validation_errors, [{ field: 'paiements.0.montant', message, type: 'money' }], JSON.stringify(refused.body().details.validation_errors))
    }

    // Three of a 9 999 999,99 $ product: each price is valid, the sale is not.
    await db.from('products').where('code', 'ALI005').update({ price_cents: 999_999_999 })
    const before = await storeQuantity(1, 'ALI005')
    const huge = await sell({
      lignes: [{ code: 'ALI005', quantite: 3 }],
      paiements: [1, 2, 3, 4].map(() => ({ mode: 'carte', montant: '10000000.00' })),
    })
    huge.assertStatus(422)
    assert.containsSubset(huge.body(), { error_code: 'BUSINESS_LOGIC_ERROR', details: { max_cents: 2_000_000_000 } })
    assert.isAbove(huge.body().details.total_cents, 2_000_000_000)
    assert.equal(await storeQuantity(1, 'ALI005'), before)
  })

  test('prices come from the catalogue, never from the client', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const priced = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1, prix_unitaire: '0.01' }], paiements: [{ mode: 'carte', montant: '0.01' }] })
    priced.assertStatus(422)
    assert.deepEqual(
      priced.body().details.validation_errors.map((e: { field: string }) => e.field),
      ['lignes.0.prix_unitaire']
    )
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: '1.38' }] })
    response.assertStatus(201)
    assert.equal(response.body().lignes[0].prix_unitaire, '1.20')
  })

  test('a register without an open session cannot sell', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, ...basket })
    response.assertStatus(409)
    assert.equal(response.body().error_code, 'REGISTER_CLOSED')
  })

  test('insufficient stock is a 409 and nothing is written', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const available = await storeQuantity(1, 'ALI001')
    const salesBefore = await db.from('sales').count('* as n').first()
    const exact = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({
        caisse_id: registerId,
        lignes: [{ code: 'BOI002', quantite: 1 }, { code: 'ALI001', quantite: available + 1 }],
        paiements: [{ mode: 'especes', montant: '2000' }],
      })
    exact.assertStatus(409)
    assert.equal(exact.body().error_code, 'INSUFFICIENT_STOCK')
    assert.match(exact.body().message, /Not enough stock for Pain/)
    assert.equal(exact.body().details.items[0].available, available)
    // Where, as the stock routes say it (the internal location id is no route's parameter).
    assert.deepEqual(exact.body().details.emplacement, { type: 'magasin', magasin_id: 1, nom: 'Magasin Centre-Ville' })
    assert.equal(await storeQuantity(1, 'ALI001'), available)
    const salesAfter = await db.from('sales').count('* as n').first()
    assert.equal(salesAfter?.n, salesBefore?.n)
  })

  test('payments must cover the total; only cash may exceed it', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const short = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: '1.00' }] })
    short.assertStatus(422)
    assert.equal(short.body().details.missing_cents, 38)
    const cardOver = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: '5.00' }] })
    cardOver.assertStatus(422)
  })

  test('bad input is a 422 listing each field, never a 500', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const cases: unknown[] = [
      {},
      { caisse_id: registerId, lignes: [], paiements: [{ mode: 'carte', montant: 1 }] },
      { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 0 }], paiements: [{ mode: 'carte', montant: 1 }] },
      { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: -2 }], paiements: [{ mode: 'carte', montant: 1 }] },
      { caisse_id: registerId, lignes: [{ code: 'NOPE99', quantite: 1 }], paiements: [{ mode: 'carte', montant: 1 }] },
      { caisse_id: registerId, lignes: [{ code: 'ALI001', produit_id: 1, quantite: 1 }], paiements: [{ mode: 'carte', montant: 1 }] },
      { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'bitcoin', montant: 1 }] },
      { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: '1.005' }] },
      { caisse_id: 999999, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: 2 }] },
      { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'carte', montant: 2 }], remise: 50 },
      { caisse_id: 'abc', lignes: 'x', paiements: null },
    ]
    for (const body of cases) {
      const response = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json(body as object)
      assert.equal(response.status(), 422, JSON.stringify(body))
      assert.equal(response.body().error_code, 'VALIDATION_ERROR')
      assert.isAbove(response.body().details.validation_errors.length, 0)
    }
    const count = await db.from('sales').count('* as n').first()
    assert.equal(Number(count?.n), 0)
  })

  test('an unknown product is named by the line and the reference it was sent with', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({
        caisse_id: registerId,
        lignes: [{ code: 'ALI001', quantite: 1 }, { code: 'NOPE99', quantite: 1 }, { produit_id: 999999, quantite: 1 }, { code_barre: '000', quantite: 1 }],
        paiements: [{ mode: 'carte', montant: 10 }],
      })
    response.assertStatus(422)
    assert.deepEqual(
      response.body().details.validation_errors.map((e: { field: string }) => e.field),
      ['lignes.1.code', 'lignes.2.produit_id', 'lignes.3.code_barre']
    )
  })

  test('a code or a barcode sells its product whatever its case, as the register scans it', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    await db.from('products').where('code', 'BOI002').update({ barcode: 'BOI-0002X' })
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({
        caisse_id: registerId,
        lignes: [{ code: 'ali001', quantite: 1 }, { code_barre: 'boi-0002x', quantite: 1 }, { code: 'Ali001', quantite: 1 }],
        paiements: [{ mode: 'especes', montant: 10 }],
      })
    response.assertStatus(201)
    assert.deepEqual(
      response.body().lignes.map((l: { code: string }) => l.code),
      ['ALI001', 'BOI002', 'ALI001']
    )
  })

  test('a clerk cannot sell at another store, nor read its sales', async ({ client, assert }) => {
    const { clerk } = pos
    const otherRegister = (await registersOf(2))[0]
    const manager = await signedIn('manager')
    await openRegister(client, manager.token, otherRegister)
    const response = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: otherRegister, ...basket })
    response.assertStatus(403)
    const sale = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${manager.token}`)
      .json({ caisse_id: otherRegister, ...basket })
    sale.assertStatus(201)
    const peek = await client.get(`/api/v1/sales/${sale.body().id}`).header('authorization', `Bearer ${clerk.token}`)
    peek.assertStatus(404)
    const list = await client.get('/api/v1/sales').qs({ magasin_id: 2 }).header('authorization', `Bearer ${clerk.token}`)
    list.assertStatus(403)
    const own = await client.get('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`)
    assert.equal(own.body().total, 0)
  })

  test('needs a token with the write scope', async ({ client }) => {
    ;(await client.post('/api/v1/sales').json({})).assertStatus(401)
    const readOnly = await tokenWith(['read'])
    ;(await client.post('/api/v1/sales').header('x-api-token', readOnly).json({})).assertStatus(403)
  })

  test('lists, shows and prints the receipt of a sale', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const created = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json({ caisse_id: registerId, ...basket })
    const id = created.body().id
    const list = await client.get('/api/v1/sales').qs({ caisse_id: registerId }).header('authorization', `Bearer ${clerk.token}`)
    assert.equal(list.body().total, 1)
    assert.equal(list.body().items[0].numero_recu, created.body().numero_recu)
    const receipt = await client.get(`/api/v1/sales/${id}/receipt`).header('authorization', `Bearer ${clerk.token}`)
    receipt.assertStatus(200)
    assert.containsSubset(receipt.body(), {
      magasin: { nom: 'Magasin Centre-Ville', adresse: '123 Rue Principale' },
      caisse: { numero: 1, nom: 'Caisse 1' },
      caissier: clerk.user.fullName,
      total: '8.22',
      monnaie_rendue: '6.80',
      arrondi_especes: '-0.02',
    })
    assert.match(receipt.body().taxes[0].numero_enregistrement, /RT0001$/)
    ;(await client.get('/api/v1/sales/424242').header('authorization', `Bearer ${clerk.token}`)).assertStatus(404)
  })

  test('a receipt printed again shows what was sold and where, not today\'s names', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const created = await client.post('/api/v1/sales').header('authorization', `Bearer ${clerk.token}`).json({ caisse_id: registerId, ...basket })
    created.assertStatus(201)
    const bread = created.body().lignes.find((l: { code: string }) => l.code === 'ALI001')

    await db.from('products').where('code', 'ALI001').update({ name: 'Renommé après la vente', code: 'ALI001-NEW' })
    await db.from('stores').where('id', 1).update({ address: '1 Nouvelle Adresse' })

    const auth = `Bearer ${clerk.token}`
    const receipt = await client.get(`/api/v1/sales/${created.body().id}/receipt`).header('authorization', auth)
    assert.containsSubset(receipt.body(), { magasin: { nom: 'Magasin Centre-Ville', adresse: '123 Rue Principale' } })
    assert.containsSubset(receipt.body().lignes[0], { code: 'ALI001', nom: 'Pain' })
    const sale = await client.get(`/api/v1/sales/${created.body().id}`).header('authorization', auth)
    assert.containsSubset(sale.body().lignes[0], { code: 'ALI001', nom: 'Pain' })
    const returned = await client
      .post(`/api/v1/sales/${created.body().id}/returns`)
      .header('authorization', auth)
      .json({ lignes: [{ ligne_id: bread.id, quantite: 1 }], motif: 'Rassis' })
    returned.assertStatus(201)
    assert.containsSubset(returned.body().lignes[0], { code: 'ALI001', nom: 'Pain' })
  })
})
