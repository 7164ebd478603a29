import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { ledgerAndLevel, locationOfStore, resetDatabase, setLevel } from '#tests/helpers/database'
import { openRegister, productId, registersOf, managerXReport } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'

test.group('Sales under concurrency (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('100 parallel sales of 1 unit with 10 in stock: exactly 10 succeed, the rest get 409', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const registerId = (await registersOf(1))[0]
    await openRegister(client, clerk.token, registerId)
    const locationId = await locationOfStore(1)
    const eggs = await productId('ALI003')
    await setLevel(locationId, eggs, 10)

    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        client
          .post('/api/v1/sales')
          .header('authorization', `Bearer ${clerk.token}`)
          .json({ caisse_id: registerId, lignes: [{ produit_id: eggs, quantite: 1 }], paiements: [{ mode: 'carte', montant: '2.65' }] })
      )
    )
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 201).length, 10)
    assert.equal(statuses.filter((s) => s === 409).length, 90)
    assert.isTrue(responses.filter((r) => r.status() === 409).every((r) => /Not enough stock/.test(r.body().message)))
    assert.deepEqual(await ledgerAndLevel(locationId, eggs), { ledger: 0, level: 0 })
    const sold = await db.from('sale_lines').where('product_id', eggs).sum('quantity as total').first()
    assert.equal(Number(sold?.total), 10)
  }).timeout(120_000)

  test('20 parallel retries with one Idempotency-Key record one sale', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 2)
    const registerId = (await registersOf(2))[0]
    await openRegister(client, clerk.token, registerId)
    const locationId = await locationOfStore(2)
    const bread = await productId('ALI001')
    const before = await ledgerAndLevel(locationId, bread)

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        client
          .post('/api/v1/sales')
          .header('authorization', `Bearer ${clerk.token}`)
          .header('idempotency-key', 'retry-storm-0001')
          .json({ caisse_id: registerId, lignes: [{ produit_id: bread, quantite: 2 }], paiements: [{ mode: 'carte', montant: '2.76' }] })
      )
    )
    assert.isTrue(responses.every((r) => r.status() === 201 || r.status() === 200))
    assert.equal(responses.filter((r) => r.status() === 201).length, 1)
    assert.equal(new Set(responses.map((r) => r.body().id)).size, 1)
    const count = await db.from('sales').where('idempotency_key', 'retry-storm-0001').count('* as n').first()
    assert.equal(Number(count?.n), 1)
    const after = await ledgerAndLevel(locationId, bread)
    assert.deepEqual(after, { ledger: before.ledger - 2, level: before.level - 2 })
  }).timeout(120_000)

  test('20 parallel cancellations of one sale refund it once', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 3)
    const registerId = (await registersOf(3))[0]
    await openRegister(client, clerk.token, registerId)
    const sale = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'HYG001', quantite: 2 }], paiements: [{ mode: 'carte', montant: '8.05' }] })
    sale.assertStatus(201)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.post(`/api/v1/sales/${sale.body().id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({ mode_remboursement: 'carte' })
      )
    )
    assert.equal(responses.filter((r) => r.status() === 201).length, 1)
    assert.isTrue(responses.filter((r) => r.status() !== 201).every((r) => r.status() === 409))
    const refunded = await db.from('sales').where('id', sale.body().id).firstOrFail()
    assert.equal(refunded.refunded_cents, refunded.total_cents)
  }).timeout(120_000)

  test('10 parallel cash refunds from a drawer that holds the cash for 3: 3 are paid, the drawer never goes below 0', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 4)
    const registerId = (await registersOf(4))[0]
    const earlier = await openRegister(client, clerk.token, registerId, '0.00')
    const sales = []
    for (let i = 0; i < 10; i++) {
      const sale = await client
        .post('/api/v1/sales')
        .header('authorization', `Bearer ${clerk.token}`)
        .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 2 }], paiements: [{ mode: 'especes', montant: '2.76' }] })
      sale.assertStatus(201)
      sales.push(sale.body().id as number)
    }
    const close = await client
      .post(`/api/v1/register-sessions/${earlier}/close`)
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ especes_comptees: '27.60' })
    close.assertStatus(200)
    // Each sale kept its exact 2.76 (the exact amount is kept as handed, ADR 0023), and gives back what it kept.
    // A new drawer with 9.00: three refunds of 2.76 fit, the fourth would take it to -2.04.
    const sessionId = await openRegister(client, clerk.token, registerId, '9.00')
    const responses = await Promise.all(
      sales.map((id) => client.post(`/api/v1/sales/${id}/cancel`).header('authorization', `Bearer ${clerk.token}`).json({}))
    )
    assert.equal(responses.filter((r) => r.status() === 201).length, 3)
    const refused = responses.filter((r) => r.status() !== 201)
    assert.isTrue(refused.every((r) => r.status() === 409 && r.body().error_code === 'INSUFFICIENT_CASH'), JSON.stringify(refused.map((r) => r.body())))
    const x = await managerXReport(client, registerId)
    assert.equal(x.body().id, sessionId)
    assert.equal(x.body().rapport.especes_attendues, '0.72')
  }).timeout(120_000)

  test('5 parallel creations with one Idempotency-Key (a store, a category): one is made, the others replay it', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    for (const [path, body] of [
      ['/api/v1/stores', { nom: 'Magasin Concurrent' }],
      ['/api/v1/categories', { nom: 'Catégorie concurrente' }],
    ] as const) {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => client.post(path).header('x-api-token', token).header('idempotency-key', 'parallel-create-0001').json(body))
      )
      const statuses = responses.map((r) => r.status()).sort()
      assert.deepEqual(statuses, [200, 200, 200, 200, 201], `${path}: ${JSON.stringify(responses.map((r) => r.body()))}`)
      assert.equal(new Set(responses.map((r) => r.body().id)).size, 1)
    }
  }).timeout(120_000)
})
