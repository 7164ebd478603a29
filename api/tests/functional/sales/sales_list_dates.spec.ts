import { test } from '@japa/runner'
import { businessDay } from '#core/business_time'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { clerkAtRegister, openRegister } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'

test.group('GET /api/v1/sales?date_debut=&date_fin=', (group) => {
  const pos = eachTestRolledBack(group, () => clerkAtRegister(1, 0))
  const serverZone = process.env.TZ

  group.each.teardown(() => {
    if (serverZone === undefined) delete process.env.TZ
    else process.env.TZ = serverZone
  })

  test('the days are business days whatever time zone the server process runs in', async ({ client, assert }) => {
    const { clerk, registerId } = pos
    await openRegister(client, clerk.token, registerId)
    const created = await client
      .post('/api/v1/sales')
      .header('authorization', `Bearer ${clerk.token}`)
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '5.00' }] })
    created.assertStatus(201)
    const token = await tokenWith(['read'])
    const today = businessDay()

    // A host east of UTC: midnight there is the previous day in UTC.
    for (const zone of ['Europe/Paris', 'Asia/Tokyo', 'America/Toronto', 'UTC']) {
      process.env.TZ = zone
      for (const qs of [
        { date_debut: today, date_fin: today },
        { start_date: today, end_date: today },
      ]) {
        const response = await client.get('/api/v1/sales').qs(qs).header('x-api-token', token)
        response.assertStatus(200)
        const ids = response.body().items.map((s: { id: number }) => s.id)
        assert.include(ids, created.body().id, `${zone} ${JSON.stringify(qs)}`)
      }
    }
  })
})

test.group('GET /api/v1/sales with an end before the start', (group) => {
  eachTestRolledBack(group, async () => ({}))

  test('is a 422 on date_fin, as on the reports and /stock/movements, not an empty page', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    for (const qs of [
      { date_debut: '2026-12-06', date_fin: '2026-12-01' },
      { start_date: '2026-12-06', end_date: '2026-12-01' },
    ]) {
      const response = await client.get('/api/v1/sales').qs(qs).header('x-api-token', token)
      response.assertStatus(422)
      assert.containsSubset(response.body().details.validation_errors, [{ field: 'date_fin', type: 'afterOrEqual' }])
    }
    const sameDay = await client.get('/api/v1/sales').qs({ date_debut: '2026-12-01', date_fin: '2026-12-01' }).header('x-api-token', token)
    sameDay.assertStatus(200)
  })
})

test.group('GET /api/v1/sales with a day that does not exist', (group) => {
  eachTestRolledBack(group, async () => ({}))

  test('is refused with the same rule and message as the reports and the stock movements', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'reports'])
    for (const day of ['2026-02-30', '0999-01-01', '2026-13-01', '26-01-01', '2024-01-01T00:00:00']) {
      const routes = [
        client.get('/api/v1/sales').qs({ date_debut: day }),
        client.get('/api/v1/reports/global-summary').qs({ start_date: day }),
        client.get('/api/v1/stock/movements').qs({ date_debut: day, entrepot: true }),
      ]
      const errors = []
      for (const request of routes) {
        const response = await request.header('x-api-token', token)
        response.assertStatus(422)
        errors.push(response.body().details.validation_errors[0])
      }
      const [sales, ...others] = errors
      // One message whatever is wrong with the day (its shape was "format is invalid", which said nothing of YYYY-MM-DD).
      assert.deepEqual([sales.message, sales.type], ['The date_debut field must be a real calendar date (YYYY-MM-DD)', 'calendarDate'], day)
      const rule = (e: { field: string; message: string; type: string }) => ({ message: e.message.replace(e.field, '{field}'), type: e.type })
      for (const other of others) assert.deepEqual(rule(other), rule(sales), day)
    }
  })
})
