import type { ApiClient } from '@japa/api-client'
import { businessDay } from '#core/business_time'
import { signedIn } from '#tests/helpers/actors'
import { openRegister, registersOf } from '#tests/helpers/pos'

/*
 * Known sales for the report tests, made the way a store makes them
 * (POST /sales at an open register, a return through POST /sales/:id/returns)
 * inside the test's rolled-back transaction:
 *
 *   store 1  sale A  ALI001 × 2 (1.20) + BOI002 × 1 (1.90)   = 4.30
 *            sale B  ALI005 × 3 (0.95)                        = 2.85
 *            return  ALI001 × 1 from sale A                   − 1.20
 *   store 2  sale C  ALI001 × 1 (1.20) + HYG001 × 2 (3.50)    = 8.20
 *
 * Net revenue 14.15 over 3 sales (gross 15.35, refunds 1.20); store 1 nets
 * 5.95 over 2 sales, an average of 2.975 that must round up to 2.98.
 */

export const today = () => businessDay()

export function dayBefore(day: string, days = 1) {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - days)
  return date.toISOString().slice(0, 10)
}

export async function sell(
  client: ApiClient,
  token: string,
  registerId: number,
  lignes: { code: string; quantite: number }[],
  montant = '100.00'
) {
  const response = await client
    .post('/api/v1/sales')
    .header('authorization', `Bearer ${token}`)
    .json({ caisse_id: registerId, lignes, paiements: [{ mode: 'especes', montant }] })
  response.assertStatus(201)
  return response.body()
}

/** The clerks of stores 1 and 2, each at the first register of their store, its drawer open. */
export async function twoOpenStores(client: ApiClient) {
  const clerk1 = await signedIn('clerk', 1)
  const clerk2 = await signedIn('clerk', 2)
  const [register1] = await registersOf(1)
  const [register2] = await registersOf(2)
  await openRegister(client, clerk1.token, register1)
  await openRegister(client, clerk2.token, register2)
  return { clerk1, clerk2, register1, register2 }
}

export async function knownSales(client: ApiClient) {
  const { clerk1, clerk2, register1, register2 } = await twoOpenStores(client)

  const saleA = await sell(client, clerk1.token, register1, [
    { code: 'ALI001', quantite: 2 },
    { code: 'BOI002', quantite: 1 },
  ])
  await sell(client, clerk1.token, register1, [{ code: 'ALI005', quantite: 3 }])
  await sell(client, clerk2.token, register2, [
    { code: 'ALI001', quantite: 1 },
    { code: 'HYG001', quantite: 2 },
  ])
  const bread = saleA.lignes.find((l: { code: string }) => l.code === 'ALI001')
  const refund = await client
    .post(`/api/v1/sales/${saleA.id}/returns`)
    .header('authorization', `Bearer ${clerk1.token}`)
    .json({ lignes: [{ ligne_id: bread.id, quantite: 1 }], motif: 'Pain rassis' })
  refund.assertStatus(201)
  return { clerk1, clerk2, register1, register2 }
}

/** Every report route with a valid query, for the auth and CSV sweeps. */
export const REPORT_ROUTES: { method: 'get' | 'post'; path: string; body?: object }[] = [
  { method: 'get', path: '/global-summary' },
  { method: 'get', path: '/store-performances' },
  { method: 'get', path: '/top-stores' },
  { method: 'get', path: '/underperforming-stores' },
  { method: 'get', path: '/top-products' },
  { method: 'get', path: '/products-by-revenue' },
  { method: 'get', path: '/products-by-volume' },
  { method: 'get', path: '/business-insights' },
  { method: 'get', path: '/stores/1/performance' },
  { method: 'get', path: '/stores/performance' },
  { method: 'get', path: '/sales-by-period?period=daily' },
  { method: 'get', path: '/inventory-status' },
  { method: 'get', path: '/revenue-trends' },
  { method: 'get', path: '/sales' },
  { method: 'get', path: '/inventory' },
  { method: 'get', path: '/kpis' },
  { method: 'get', path: '/payments-by-tender' },
  { method: 'post', path: '/custom', body: { date_debut: '2026-01-01', date_fin: '2026-01-31', grouper_par: 'magasin' } },
]

export function call(client: ApiClient, route: (typeof REPORT_ROUTES)[number], token?: string, suffix = '') {
  const url = `/api/v1/reports${route.path}${suffix ? (route.path.includes('?') ? '&' : '?') + suffix : ''}`
  const request = route.method === 'get' ? client.get(url) : client.post(url).json(route.body ?? {})
  return token ? request.header('x-api-token', token) : request
}
