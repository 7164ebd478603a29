import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, test } from 'node:test'

import { createApiClient, type ApiClient } from '../../app/lib/api/client.server.ts'
import { sellableFirst, stockListFiltered, stockListFilters, stockListQuery } from '../../app/lib/stock.ts'
import { loadStock, stockFilters } from '../../app/lib/stock.server.ts'
import { warehouseFilters } from '../../app/lib/warehouse.ts'
import { loadWarehouse } from '../../app/lib/warehouse.server.ts'

const url = (query: string) => new URL(`http://comptoir.test/page?${query}`)

describe('a stock list’s filters (a store’s and the warehouse’s read the same parameters)', () => {
  test('search, state, order and page', () => {
    assert.deepEqual(stockListFilters(url('q=%20lait%20&statut=faible&tri=nom&page=2')), { search: 'lait', status: 'faible', sort: 'nom', page: 2 })
    assert.deepEqual(stockListFilters(url('q=&statut=bas&tri=prix&page=x')), { search: '', status: null, sort: 'code', page: 1 })
    assert.equal(stockListFilters(url(`q=${'a'.repeat(80)}`)).search.length, 64)
  })

  test('the store’s page adds the requests list’s own page (?dpage=) and product (?dproduit=)', () => {
    assert.deepEqual(stockFilters(url('statut=rupture&page=2&dpage=3')), {
      search: '',
      status: 'rupture',
      sort: 'code',
      page: 2,
      requestsPage: 3,
      requestsProduct: null,
    })
    assert.equal(stockFilters(url('dpage=0')).requestsPage, 1)
    assert.equal(stockFilters(url('dproduit=7')).requestsProduct, 7)
    for (const odd of ['dproduit=0', 'dproduit=x', 'dproduit=-3', 'dproduit=']) assert.equal(stockFilters(url(odd)).requestsProduct, null, odd)
  })

  test('"Tout afficher" once the text or the state narrows the list (not the order)', () => {
    assert.equal(stockListFiltered({ search: '', status: null }), false)
    assert.equal(stockListFiltered(stockListFilters(url('tri=quantite&page=4'))), false)
    assert.equal(stockListFiltered({ search: 'lait', status: null }), true)
    assert.equal(stockListFiltered({ search: '', status: 'critique' }), true)
  })

  test('the API query: empty filters are left out, the order is ascending', () => {
    assert.deepEqual(stockListQuery(stockListFilters(url('')), 25), { size: 25, page: 1, sort: 'code,asc' })
    assert.deepEqual(stockListQuery(stockListFilters(url('q=pain&statut=normal&tri=statut&page=3')), 10), {
      size: 10,
      page: 3,
      sort: 'statut,asc',
      search: 'pain',
      statut: 'normal',
    })
  })
})

// A real HTTP server stands in for the API: what the loaders ask, and what they make of the answer.
let server: Server
let api: ApiClient
let asked: URL[] = []

const inFlight = { id: 9, quantite: 12, statut: 'en_attente', demande_le: '2026-03-02T14:00:00.000Z' }
const level = { produit_id: 2, code: 'ALI002', nom: 'Lait', quantite: 4, seuil_reappro: 10, statut: 'critique', demande_en_cours: inFlight }
const request = {
  id: 9,
  magasin_id: 1,
  magasin: { id: 1, nom: 'Magasin Centre-Ville' },
  produit_id: 2,
  produit: { id: 2, code: 'ALI002', nom: 'Lait' },
  quantite: 12,
  statut: 'en_attente',
  demande_le: '2026-03-02T14:00:00.000Z',
  demande_par: 7,
  actions_possibles: ['cancel'],
}
const requester = { id: 7, username: 'caissier1', fullName: 'Caissier 1', role: 'clerk', storeId: 1, mustChangePassword: false } as const

before(async () => {
  server = createServer((req, res) => {
    const at = new URL(req.url ?? '/', 'http://api.test')
    asked.push(at)
    const items =
      at.pathname === '/api/v1/replenishments'
        ? [request]
        : at.pathname.startsWith('/api/v1/stores/')
          ? [
              { ...level, prix: '1.10', actif: true },
              { ...level, produit_id: 3, code: 'ALI003', nom: 'Beurre', prix: '4.50', actif: true, demande_en_cours: null },
            ]
          : at.pathname.endsWith('/stock')
            ? [{ ...level, prix: '1.10', actif: true }]
            : []
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ total: 31, page: Number(at.searchParams.get('page')), size: Number(at.searchParams.get('size')), items }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
})

beforeEach(() => {
  asked = []
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

const query = (at: URL | undefined) => Object.fromEntries(at?.searchParams ?? [])

describe('the stock pages’ loaders (URL → API → rows)', () => {
  test('the warehouse asks for the filtered page and shows its lines', async () => {
    const { stock, receiveProduct } = await loadWarehouse(api, warehouseFilters(url('q=lait&statut=critique&tri=quantite&page=2')))
    assert.equal(asked.length, 1, 'no product lookup without ?reception=')
    assert.equal(asked[0]?.pathname, '/api/v1/warehouse/stock')
    assert.deepEqual(query(asked[0]), { size: '25', page: '2', sort: 'quantite,asc', search: 'lait', statut: 'critique' })
    assert.deepEqual(stock, {
      page: 2,
      size: 25,
      total: 31,
      items: [{ productId: 2, code: 'ALI002', name: 'Lait', quantity: 4, reorderPoint: 10, status: 'critique' }],
    })
    assert.equal(receiveProduct, null)
  })

  test('a store’s page asks for its stock and its requests, each at its own page', async () => {
    const { stock, requests } = await loadStock(api, 1, stockFilters(url('statut=critique&dpage=2')), requester)
    const stockAsk = asked.find((at) => at.pathname === '/api/v1/stores/1/stock')
    const requestsAsk = asked.find((at) => at.pathname === '/api/v1/replenishments')
    assert.deepEqual(query(stockAsk), { size: '25', page: '1', sort: 'code,asc', statut: 'critique' })
    assert.deepEqual(query(requestsAsk), { magasin_id: '1', size: '10', page: '2' })

    const [line, other] = stock.items
    assert.deepEqual({ ...line, requestKey: undefined }, {
      productId: 2,
      code: 'ALI002',
      name: 'Lait',
      quantity: 4,
      reorderPoint: 10,
      status: 'critique',
      unitPriceCents: 110,
      active: true,
      suggested: 16,
      requestKey: undefined,
      inFlight: { id: 9, quantity: 12, status: 'en_attente' },
    })
    assert.equal(other?.inFlight, null, 'no request in flight: the row offers the form')
    assert.match(line?.requestKey ?? '', /^web-[0-9a-f-]{36}-2$/, 'one idempotency key per row')
    assert.deepEqual([stock.page, stock.size, stock.total], [1, 25, 31])
    assert.deepEqual(requests, {
      page: 2,
      size: 10,
      total: 31,
      items: [{ id: 9, product: 'Lait (ALI002)', quantity: 12, status: 'en_attente', requestedAt: '2026-03-02T14:00:00.000Z', rejectionReason: null, actions: ['cancel'] }],
    })
  })

  test('a colleague of the requester sees the request without its Cancel button (the API lets only the requester cancel)', async () => {
    const { requests } = await loadStock(api, 1, stockFilters(url('')), { ...requester, id: 8, username: 'caissier1b' })
    assert.deepEqual(requests.items[0]?.actions, [])
  })

  test('a clerk following a request in flight: the requests list asks for that product only', async () => {
    await loadStock(api, 1, stockFilters(url('q=lait&dproduit=2')), requester)
    const requestsAsk = asked.find((at) => at.pathname === '/api/v1/replenishments')
    assert.deepEqual(query(requestsAsk), { magasin_id: '1', size: '10', page: '1', produit_id: '2' })
  })
})

describe('the POS product list', () => {
  test('keeps the name order, out-of-stock products last', () => {
    const items = [
      { name: '<img> Jus', quantity: 0 },
      { name: 'Café', quantity: 4 },
      { name: 'Eau', quantity: -1 },
      { name: 'Lait', quantity: 28 },
    ]
    assert.deepEqual(
      sellableFirst(items).map((item) => item.name),
      ['Café', 'Lait', '<img> Jus', 'Eau']
    )
  })
})
