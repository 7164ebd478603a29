import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, test } from 'node:test'

import { createApiClient } from '../../app/lib/api/client.server.ts'
import type { WebSession } from '../../app/lib/auth/session.server.ts'
import { translate, translator } from '../../app/lib/i18n/index.ts'
import { inFlightFromWire, inFlightLink, inFlightMessage, inFlightRefusal } from '../../app/lib/in-flight.ts'
import { runStockAction, type StockActionResult } from '../../app/lib/stock.server.ts'

// The 409 POST /replenishments answers while the store already awaits the product.
const refusal = {
  error_code: 'REPLENISHMENT_IN_FLIGHT',
  details: { replenishment_id: 57, statut: 'validee', quantite: 40, demande_le: '2026-11-24T14:02:11.000Z', magasin_id: 1, produit_id: 2 },
}

describe('a request in flight (one per store and product)', () => {
  test('read from a stock line’s demande_en_cours', () => {
    assert.deepEqual(inFlightFromWire({ id: 9, quantite: 12, statut: 'expediee' }), { id: 9, quantity: 12, status: 'expediee' })
    assert.equal(inFlightFromWire(null), null)
    assert.equal(inFlightFromWire(undefined), null)
    assert.equal(inFlightFromWire({ id: 9, quantite: 12, statut: 'perdue' }), null, 'an unknown state is no request to show')
    assert.equal(inFlightFromWire({ id: '9', quantite: 12, statut: 'en_attente' }), null)
  })

  test('read from the 409 REPLENISHMENT_IN_FLIGHT, and from no other refusal', () => {
    assert.deepEqual(inFlightRefusal(refusal), { id: 57, quantity: 40, status: 'validee' })
    assert.equal(inFlightRefusal({ error_code: 'IDEMPOTENCY_CONFLICT', details: { replenishment_id: 57 } }), null)
    assert.equal(inFlightRefusal({ error_code: 'REPLENISHMENT_IN_FLIGHT', details: null }), null)
  })

  test('the message names the request, its quantity and its state, in the reader’s language', () => {
    const request = { id: 57, quantity: 1200, status: 'validee' } as const
    const fr = inFlightMessage(request, translator('fr'))
    assert.equal(
      translate('fr', fr.key, fr.params).replace(/[\u00a0\u202f]/g, ' '),
      'Une demande est déjà en cours pour ce produit : n° 57, 1 200 unités (Validée). Une nouvelle demande sera possible une fois celle-ci livrée, refusée ou annulée.'
    )
    const en = inFlightMessage(request, translator('en'))
    assert.equal(
      translate('en', en.key, en.params).replace(/[\u00a0\u202f]/g, ' '),
      'A request for this product is already in progress: #57, 1 200 units (Approved). A new one can be made once it is received, rejected or cancelled.'
    )
  })

  test('a manager opens the request’s page; a clerk (403 there) the store page’s requests for the product, filters kept', () => {
    const request = { id: 57, quantity: 40, status: 'en_attente' } as const
    const storePage = { pathname: '/magasins/1/stock', search: '?q=lait&page=2&dpage=3' }
    assert.equal(inFlightLink(request, { manager: true, storePage, productId: 2 }), '/reapprovisionnements/57')
    assert.equal(inFlightLink(request, { manager: false, storePage, productId: 2 }), '/magasins/1/stock?q=lait&page=2&dproduit=2#demande-57')
    assert.equal(inFlightLink(request, { manager: false, storePage: { pathname: '/magasins/1/stock', search: '' }, productId: 2 }), '/magasins/1/stock?dproduit=2#demande-57')
  })
})

// A real HTTP server stands in for the API and refuses the request: what the store page's action makes of it.
describe('the store page’s request form, refused because a request is in flight', () => {
  test('answers 409 with the message and the request (the page links it), the quantity as typed', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(409, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: 409, error: 'Conflict', message: 'in flight', path: '/api/v1/replenishments', timestamp: '', ...refusal }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
      const form = new FormData()
      for (const [name, value] of Object.entries({ intent: 'request', produit_id: '2', quantite: '25' })) form.set(name, value)
      const answer = (await runStockAction({ api, session: {} as WebSession, form, t: translator('en') }, 1, '/magasins/1/stock')) as unknown as {
        data: StockActionResult
        init: { status: number }
      }
      assert.equal(answer.init.status, 409)
      assert.deepEqual(answer.data, {
        intent: 'request',
        productId: 2,
        values: { quantite: '25' },
        inFlight: { id: 57, quantity: 40, status: 'validee' },
        error: { key: 'replenishments.alreadyInFlight', params: { id: 57, quantity: '40', status: 'Approved' } },
      })
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
