import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { contract } from '#tests/helpers/openapi_contract'
import { signedIn } from '#tests/helpers/actors'
import { call, dayBefore, knownSales, REPORT_ROUTES, today } from '#tests/functional/reporting/helpers'

/** `/stores/1/performance?x` → `GET /api/v1/reports/stores/{id}/performance` */
function operationKey(route: (typeof REPORT_ROUTES)[number]) {
  const path = route.path.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/{id}')
  return `${route.method.toUpperCase()} /api/v1/reports${path}`
}

/* Every report's JSON, over known sales and over no sales at all, against the OpenAPI document. */
test.group('OpenAPI contract: reports', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every report answers what its schema says, with and without sales', async ({ client, assert }) => {
    const doc = await contract(client)
    const { token } = await signedIn('manager')
    for (const route of REPORT_ROUTES) doc.assertResponse(await call(client, route, token), operationKey(route), 200)

    await knownSales(client)
    for (const route of REPORT_ROUTES) doc.assertResponse(await call(client, route, token), operationKey(route), 200)
    const grouped = ['jour', 'semaine', 'mois', 'magasin', 'produit']
    for (const grouper_par of grouped) {
      const custom = await client
        .post('/api/v1/reports/custom')
        .header('x-api-token', token)
        .json({ date_debut: dayBefore(today(), 30), date_fin: today(), produit_ids: [1, 5], grouper_par })
      doc.assertResponse(custom, 'POST /api/v1/reports/custom', 200)
    }
    assert.lengthOf(REPORT_ROUTES, 18)
  })

  test('report errors: unknown store, bad period', async ({ client }) => {
    const doc = await contract(client)
    const { token } = await signedIn('manager')
    const unknown = await client.get('/api/v1/reports/stores/999/performance').header('x-api-token', token)
    doc.assertResponse(unknown, 'GET /api/v1/reports/stores/{id}/performance', 404)
    const inverted = await client.get('/api/v1/reports/kpis').qs({ date_debut: '2026-02-01', date_fin: '2026-01-01' }).header('x-api-token', token)
    doc.assertResponse(inverted, 'GET /api/v1/reports/kpis', 422)
  })
})
