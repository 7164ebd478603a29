import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import type { ApiClient } from '../../app/lib/api/client.server.ts'
import type { WebSession } from '../../app/lib/auth/session.server.ts'

// The payment answers with a session cookie: the session module reads its secret from the environment.
process.env.SESSION_SECRET = 'un-secret-de-session-pour-les-tests-unitaires-0002'

type PosModule = typeof import('../../app/lib/pos/pos.server.ts')
type StoresModule = typeof import('../../app/lib/stores.server.ts')
type SessionModule = typeof import('../../app/lib/auth/session.server.ts')
let pos: PosModule
let stores: StoresModule
let sessions: SessionModule

// A real HTTP server stands in for the API: store 1 is outside Québec and collects one 13 % tax,
// so a preview still using Québec's TPS + TVQ shows another total than the API charges.
let server: Server
let api: ApiClient
const sales: unknown[] = []
const STORE = { id: 1, nom: 'Magasin Ottawa', adresse: null, telephone: null, email: null }
const TAXES = [{ code: 'TVH', libelle: 'TVH (13 %)', taux: '13.000', numero_enregistrement: null }]
const clerk = { id: 3, username: 'caissier1', fullName: 'Caissier', role: 'clerk' as const, storeId: 1 }

before(async () => {
  pos = await import('../../app/lib/pos/pos.server.ts')
  stores = await import('../../app/lib/stores.server.ts')
  sessions = await import('../../app/lib/auth/session.server.ts')
  const { createApiClient } = await import('../../app/lib/api/client.server.ts')
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const json = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      const path = new URL(req.url ?? '/', 'http://api.test').pathname
      if (req.method === 'POST' && path === '/api/v1/sales') {
        sales.push(JSON.parse(body))
        return json(201, { id: 42 })
      }
      switch (path) {
        case '/api/v1/stores':
          return json(200, { items: [STORE], total: 1, page: 1, size: 100 })
        case '/api/v1/stores/1':
          return json(200, { ...STORE, taxes: TAXES })
        case '/api/v1/stores/1/registers':
          return json(200, { items: [{ id: 1, numero: 1, nom: 'Caisse 1', magasin_id: 1, actif: true }], total: 1, page: 1, size: 100 })
        case '/api/v1/stores/1/stock':
          return json(200, { items: [], total: 0, page: 1, size: 10 })
        case '/api/v1/products/7':
          return json(200, { id: 7, code: 'ALI001', nom: 'Pain', description: null, prix: '10.00', quantite_stock: 0, categorie_id: 1, code_barre: null, actif: true })
        default:
          return json(404, { timestamp: '', status: 404, error: 'Not Found', message: 'none', path, error_code: 'NOT_FOUND', details: null })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function sessionWithCart(): Promise<WebSession> {
  const session = await sessions.getSession(new Request('http://web.test/'))
  session.set('carts', { '1': '7:2' })
  return session
}

describe('the POS preview taxes at the register’s store’s own rates', () => {
  test('the cart shows the store’s taxes and the total the API will charge', async () => {
    // A manager's store list comes without taxes: it must not stand in for the store's detail.
    await stores.listStores(api)
    const view = await pos.loadPos({ api, user: clerk, session: await sessionWithCart() }, 1, new URL('http://web.test/caisses/1/vente'))
    assert.equal(view.register.storeName, 'Magasin Ottawa')
    assert.deepEqual(view.cart.totals.taxes, [{ code: 'TVH', label: 'TVH (13 %)', ratePpm: 130_000, amountCents: 260 }])
    assert.equal(view.cart.totals.totalCents, 2260)
  })

  test('"pay by card" charges the card that same total', async () => {
    const form = new FormData()
    form.set('intent', 'pay-card')
    form.set('cle', 'web-test-0001')
    form.set('panier', '7:2=2260')
    const response = await pos.runPosAction({ api, user: clerk, session: await sessionWithCart(), form }, 1)
    assert.equal((response as Response).status, 302)
    assert.deepEqual(sales.at(-1), {
      caisse_id: 1,
      lignes: [{ produit_id: 7, quantite: 2 }],
      paiements: [{ mode: 'carte', montant: '22.60' }],
    })
  })

  test('a payment posted for another cart than the session holds (another tab changed it) charges nothing', async () => {
    const before = sales.length
    for (const panier of ['7:1=1130', '7:2=2000', '']) {
      const form = new FormData()
      form.set('intent', 'pay-card')
      form.set('cle', 'web-test-0002')
      form.set('panier', panier)
      form.set('js', '1')
      const answer = await pos.runPosAction({ api, user: clerk, session: await sessionWithCart(), form }, 1)
      assert.ok(!(answer instanceof Response), `${panier}: refused, not redirected to a receipt`)
      assert.equal(answer.init?.status, 409)
      assert.deepEqual(answer.data.error, { key: 'pos.cartChanged', params: { amount: '22,60\u00a0$' } })
    }
    assert.equal(sales.length, before, 'no sale was sent to the API')
  })

  test('without JavaScript a refusal answers with a redirect to the register, the refusal carried in the session', async () => {
    const session = await sessionWithCart()
    const form = new FormData()
    form.set('intent', 'pay')
    form.set('cle', 'web-test-0003')
    form.set('panier', '7:2=2260')
    form.set('especes', '5')
    const response = await pos.runPosAction({ api, user: clerk, session, form }, 1)
    assert.ok(response instanceof Response)
    assert.equal(response.status, 302)
    assert.equal(response.headers.get('Location'), '/caisses/1/vente')
    const next = await sessions.getSession(new Request('http://web.test/', { headers: { Cookie: response.headers.get('Set-Cookie') ?? '' } }))
    const carried = next.get('refusal') as { path: string; result: { intent: string; fieldErrors?: object; values?: object } }
    assert.equal(carried.path, '/caisses/1/vente')
    assert.equal(carried.result.intent, 'pay')
    assert.ok(carried.result.fieldErrors, 'the field errors travel with it')
    assert.deepEqual(carried.result.values, { carte: '', especes: '5' })
  })
})

