import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, test } from 'node:test'

import { createApiClient, type ApiClient } from '../../app/lib/api/client.server.ts'
import { isFiltered, returnsJournalFilters } from '../../app/lib/returns-journal.ts'
import { loadReturnsJournal } from '../../app/lib/returns-journal.server.ts'

const read = (query: string) => returnsJournalFilters(new URL(`http://web.test/ventes/retours${query}`))

describe('the returns journal’s filters, read from the URL', () => {
  test('a bare URL filters nothing; the receipt’s link names one sale', () => {
    const bare = read('')
    assert.deepEqual(bare, { storeId: null, saleId: null, from: null, to: null, errors: {}, page: 1 })
    assert.equal(isFiltered(bare), false)
    const ofSale = read('?vente=42')
    assert.equal(ofSale.saleId, 42)
    assert.deepEqual(ofSale.errors, {})
    assert.equal(isFiltered(ofSale), true)
  })

  test('a « vente » that is not a sale number is said, and every sale’s returns are listed', () => {
    for (const odd of ['abc', '0', '-3', '12x', '9999999999']) {
      const filters = read(`?vente=${odd}`)
      assert.equal(filters.saleId, null, odd)
      assert.deepEqual(filters.errors, { vente: { key: 'returnsJournal.badSale' } }, odd)
      assert.equal(isFiltered(filters), true, `${odd}: « Effacer les filtres » is offered`)
    }
    assert.deepEqual(read('?vente=').errors, {}, 'an empty value is no filter')
  })
})

// A real HTTP server stands in for the API: what the loader asks, and which filters it says it applied.
let server: Server
let api: ApiClient
let asked: URL[] = []

const clerk = { id: 7, username: 'caissier1', fullName: 'Caissier 1', role: 'clerk', storeId: 1, mustChangePassword: false } as const
const manager = { id: 2, username: 'gerant', fullName: 'Gérant', role: 'manager', storeId: null, mustChangePassword: false } as const

before(async () => {
  server = createServer((req, res) => {
    const at = new URL(req.url ?? '/', 'http://api.test')
    asked.push(at)
    res.writeHead(200, { 'content-type': 'application/json' })
    if (at.pathname === '/api/v1/stores/1') return res.end(JSON.stringify({ id: 1, nom: 'Magasin Centre-Ville' }))
    if (at.pathname === '/api/v1/stores') {
      return res.end(JSON.stringify({ total: 2, page: 1, size: 100, items: [{ id: 1, nom: 'Magasin Centre-Ville' }, { id: 2, nom: 'Magasin Nord' }] }))
    }
    res.end(JSON.stringify({ total: 0, page: Number(at.searchParams.get('page')), size: Number(at.searchParams.get('size')), items: [] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
})

beforeEach(() => {
  asked = []
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

const returnsQuery = () => Object.fromEntries(asked.find((at) => at.pathname === '/api/v1/returns')?.searchParams ?? [])

describe('the returns journal’s loader', () => {
  test('a clerk’s ?magasin= filters nothing: their store’s returns, and the page is not shown as filtered', async () => {
    const { filters } = await loadReturnsJournal(api, read('?magasin=2'), clerk)
    assert.equal(returnsQuery().magasin_id, '1')
    assert.equal(filters.storeId, null)
    assert.deepEqual(filters.errors, {})
    assert.equal(isFiltered(filters), false)
  })

  test('a manager’s store filter is applied and kept; an unknown store is named on its field', async () => {
    const chosen = await loadReturnsJournal(api, read('?magasin=2&vente=5'), manager)
    assert.deepEqual({ magasin_id: returnsQuery().magasin_id, vente_id: returnsQuery().vente_id }, { magasin_id: '2', vente_id: '5' })
    assert.equal(chosen.filters.storeId, 2)
    asked = []
    const unknown = await loadReturnsJournal(api, read('?magasin=9'), manager)
    assert.equal(returnsQuery().magasin_id, undefined)
    assert.deepEqual(unknown.filters.errors, { magasin: { key: 'form.choice' } })
  })
})
