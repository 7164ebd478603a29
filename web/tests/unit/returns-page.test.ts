import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import { createApiClient, type ApiClient } from '../../app/lib/api/client.server.ts'
import type { SessionUser } from '../../app/lib/auth/roles.ts'
import type { WebSession } from '../../app/lib/auth/session.server.ts'
import { loadReturnsPage } from '../../app/lib/returns.server.ts'

// A real HTTP server stands in for the API: store 1 with its register 1, and two sales, one per store.
const store = { id: 1, nom: 'Magasin Centre-Ville', adresse: null, telephone: null, actif: true }
const register = { id: 1, magasin_id: 1, numero: 1, nom: 'Caisse 1', actif: true }
const nextRegister = { id: 2, magasin_id: 1, numero: 2, nom: 'Caisse 2', actif: true }
const saleOf = (id: number, storeId: number, registerId = storeId) => ({
  id,
  numero_recu: `S${storeId}-R1-000000${id}`,
  magasin_id: storeId,
  caisse_id: registerId,
  retour_caissier_jusqua: '2999-01-01T00:00:00.000Z',
  statut: 'terminee',
  total: '1.38',
  montant_rembourse: '0.00',
  cree_le: '2026-12-07T15:00:00.000Z',
  lignes: [{ id: 500 + id, code: 'ALI001', nom: 'Pain', quantite: 1, quantite_retournee: 0, prix_unitaire: '1.20' }],
  paiements: [],
  retours: [],
  remboursements_par_mode: [],
})
const page = (items: unknown[]) => ({ items, page: 1, size: 100, total: items.length })

let server: Server
let api: ApiClient

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://api').pathname.replace(/\/$/, '')
    const answers: Record<string, unknown> = {
      '/api/v1/stores': page([store]),
      '/api/v1/stores/1': store,
      '/api/v1/stores/2': { ...store, id: 2, nom: 'Magasin Banlieue' },
      '/api/v1/stores/1/registers': page([register, nextRegister]),
      '/api/v1/sales': page([]),
      '/api/v1/sales/41': saleOf(41, 1),
      '/api/v1/sales/42': saleOf(42, 2),
      '/api/v1/sales/43': saleOf(43, 1, 2),
    }
    const body = answers[path]
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body ?? { status: 404, error_code: 'NOT_FOUND', message: 'not found' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

const manager: SessionUser = { id: 2, username: 'gerant', fullName: 'Gérant', role: 'manager', storeId: null, mustChangePassword: false }
const load = (query: string) =>
  loadReturnsPage({ api, user: manager, session: {} as WebSession }, 1, new URL(`http://web/caisses/1/retours${query}`))

describe('the returns page of a register', () => {
  test('opens a sale of its store; says when this drawer is closed', async () => {
    const view = await load('?vente=41')
    assert.equal(view.sale?.receiptNumber, 'S1-R1-00000041')
    assert.equal(view.searchMiss, false)
    assert.equal(view.soldAt, null)
    assert.equal(view.drawerOpen, false, 'no session open on register 1')
  })

  test('names the register that sold it when it is another of the store’s (its cash refund leaves this drawer)', async () => {
    assert.equal((await load('?vente=43')).soldAt, 'Caisse 2')
  })

  test('says where another store’s sale is taken back, instead of offering a return the API refuses', async () => {
    const view = await load('?vente=42')
    assert.equal(view.sale, null)
    assert.equal(view.searchMiss, true)
    assert.deepEqual(view.searchElsewhere, { storeId: 2, storeName: 'Magasin Banlieue' })
    assert.equal(view.search, 'S2-R1-00000042')
  })
})
