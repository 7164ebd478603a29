import assert from 'node:assert/strict'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import { ApiError, ApiUnreachableError, createApiClient, ok, okOrNull } from '../../app/lib/api/client.server.ts'
import { adjustmentShortMessage, apiErrorMessage } from '../../app/lib/api/errors.ts'
import { translate } from '../../app/lib/i18n/index.ts'

// A real HTTP server stands in for the API: the typed client is exercised over the wire.
let server: Server
let baseUrl: string
let lastHeaders: IncomingHttpHeaders = {}
let lastBody = ''

const notFound = {
  timestamp: '2025-11-24T12:00:00.000Z',
  status: 404,
  error: 'Not Found',
  message: 'Store with identifier 99 not found',
  path: '/api/v1/stores/99',
  error_code: 'NOT_FOUND',
  details: { resource: 'Store', identifier: 99 },
}

before(async () => {
  server = createServer((req, res) => {
    lastHeaders = req.headers
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      lastBody = body
      const json = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      switch (req.url) {
        case '/api/v1/stores/1':
          return json(200, { id: 1, nom: 'Magasin Centre-Ville', adresse: null, telephone: null, email: null })
        case '/api/v1/stores/99':
          return json(404, notFound)
        case '/api/v1/stores/2':
          return json(401, { ...notFound, status: 401, error_code: 'AUTHENTICATION_ERROR', message: 'Token expired' })
        case '/api/v1/sales':
          return json(201, { id: 42 })
        case '/api/v1/stores/3':
          res.writeHead(502, { 'content-type': 'text/html' })
          return res.end('<html>Bad Gateway</html>')
        case '/api/v1/stores/4':
          res.writeHead(200, { 'content-type': 'application/json' })
          return res.end('pas du json')
        case '/api/v1/stores/5':
          setTimeout(() => json(200, {}), 500)
          return
        default:
          return json(404, notFound)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(() => {
  server.closeAllConnections()
  server.close()
})

describe('typed API client (openapi-fetch)', () => {
  test('returns the body and forwards the request id, the user’s token and the browser’s address', async () => {
    const api = createApiClient({ baseUrl: `${baseUrl}/`, token: 'cpt_jeton', requestId: 'req-42', clientIp: '10.1.2.3' })
    const store = await ok(api.GET('/api/v1/stores/{id}', { params: { path: { id: 1 } } }))
    assert.equal(store.nom, 'Magasin Centre-Ville')
    assert.equal(lastHeaders['x-request-id'], 'req-42')
    assert.equal(lastHeaders.authorization, 'Bearer cpt_jeton')
    // The API's limits on failed password changes count per browser, not for this server as a whole.
    assert.equal(lastHeaders['x-forwarded-for'], '10.1.2.3')
  })

  test('sends no Authorization header without a token, and JSON bodies with extra headers', async () => {
    const api = createApiClient({ baseUrl, requestId: 'r' })
    await ok(
      api.POST('/api/v1/sales', {
        body: { caisse_id: 1, lignes: [{ produit_id: 7, quantite: 2 }], paiements: [{ mode: 'especes', montant: '5.00' }] },
        headers: { 'Idempotency-Key': 'web-123456789' },
      })
    )
    assert.equal(lastHeaders.authorization, undefined)
    assert.equal(lastHeaders['idempotency-key'], 'web-123456789')
    assert.deepEqual(JSON.parse(lastBody).lignes, [{ produit_id: 7, quantite: 2 }])
  })

  test('throws ApiError with the envelope; okOrNull turns a 404 into null', async () => {
    const api = createApiClient({ baseUrl, requestId: 'r' })
    await assert.rejects(ok(api.GET('/api/v1/stores/{id}', { params: { path: { id: 99 } } })), (error: unknown) => {
      assert.ok(error instanceof ApiError)
      assert.equal(error.status, 404)
      assert.equal(error.code, 'NOT_FOUND')
      assert.deepEqual(error.envelope, notFound)
      return true
    })
    assert.equal(await okOrNull(api.GET('/api/v1/stores/{id}', { params: { path: { id: 99 } } })), null)
  })

  test('a 401 to a signed-in request throws what onUnauthorized gives (the sign-out redirect)', async () => {
    const redirect = new Response(null, { status: 302, headers: { Location: '/connexion?expire=1' } })
    const api = createApiClient({ baseUrl, token: 'cpt_expire', requestId: 'r', onUnauthorized: () => redirect })
    await assert.rejects(api.GET('/api/v1/stores/{id}', { params: { path: { id: 2 } } }), (thrown: unknown) => thrown === redirect)
  })

  test('wraps answers that are not the API’s (a proxy page, a non-JSON body)', async () => {
    const api = createApiClient({ baseUrl, requestId: 'r' })
    await assert.rejects(ok(api.GET('/api/v1/stores/{id}', { params: { path: { id: 3 } } })), (error: unknown) => {
      assert.ok(error instanceof ApiError)
      assert.equal(error.status, 502)
      assert.equal(error.code, 'UNEXPECTED_RESPONSE')
      return true
    })
    await assert.rejects(ok(api.GET('/api/v1/stores/{id}', { params: { path: { id: 4 } } })), ApiError)
  })

  test('no answer at all is ApiUnreachableError (refused, or too slow)', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    const refused = createApiClient({ baseUrl: `http://127.0.0.1:${port}`, requestId: 'r' })
    await assert.rejects(ok(refused.GET('/api/v1/stores')), (error: unknown) => {
      assert.ok(error instanceof ApiUnreachableError)
      assert.match(error.message, /ECONNREFUSED/)
      return true
    })
    const slow = createApiClient({ baseUrl, requestId: 'r', timeoutMs: 50 })
    await assert.rejects(ok(slow.GET('/api/v1/stores/{id}', { params: { path: { id: 5 } } })), (error: unknown) => {
      assert.ok(error instanceof ApiUnreachableError)
      assert.match(error.message, /délai/)
      return true
    })
  })
})

describe('API errors become messages a clerk can act on', () => {
  const envelope = (error_code: string, details: unknown = null, message = 'x', status = 409) => ({
    timestamp: '',
    status,
    error: '',
    message,
    path: '',
    error_code,
    details,
  })

  test('insufficient stock names the product and what is left', () => {
    const message = apiErrorMessage(
      envelope('INSUFFICIENT_STOCK', { items: [{ product_id: 2, product: 'Lait', requested: 5, available: 3 }] })
    )
    assert.deepEqual(message, { key: 'api.insufficientStockOne', params: { product: 'Lait', requested: '5', available: '3' } })
    assert.equal(translate('fr', message.key, message.params), 'Stock insuffisant pour Lait : 5 demandés, 3 disponibles.')
    const none = apiErrorMessage(envelope('INSUFFICIENT_STOCK', { items: [{ product_id: 2, product: 'Lait', requested: 1, available: 0 }] }))
    assert.equal(translate('fr', none.key, none.params), 'Stock insuffisant pour Lait : 1 demandé, 0 disponible.')
    const several = apiErrorMessage(
      envelope('INSUFFICIENT_STOCK', {
        items: [
          { product_id: 2, product: 'Lait', requested: 1500, available: 1200 },
          { product_id: 3, requested: 2 },
        ],
      })
    )
    assert.deepEqual(several, { key: 'api.insufficientStockItems', params: { items: 'Lait (1\u00a0500 / 1\u00a0200), #3 (2 / 0)' } })
  })

  test('a stock adjustment the level cannot take is said as an adjustment, not as a request (« 1 000 demandés »)', () => {
    const short = envelope('INSUFFICIENT_STOCK', { items: [{ product_id: 10, product: 'Savon', requested: 1000, available: 83 }] })
    const message = adjustmentShortMessage(short, -1000)
    assert.ok(message)
    assert.equal(translate('fr', message.key, message.params), "Ajustement impossible : Savon n'a que 83 en stock (variation \u22121\u00a0000).")
    assert.equal(translate('en', message.key, message.params), 'Adjustment not possible: Savon has only 83 in stock (change \u22121\u00a0000).')
    assert.equal(adjustmentShortMessage(envelope('INSUFFICIENT_STOCK', { items: [] }), -5), null, 'no product said: the generic message')
    assert.equal(adjustmentShortMessage(envelope('RESOURCE_IN_USE'), -5), null)
  })

  test('a refund another way than the sale was paid, or over what a tender can take; a sale too large to hold', () => {
    assert.deepEqual(
      apiErrorMessage(envelope('BUSINESS_LOGIC_ERROR', { mode_remboursement: 'especes', refund_cents: 822, refundable_cents: { carte: 822 } }, 'x', 422)),
      { key: 'api.refundNotLikeSale' }
    )
    assert.deepEqual(
      apiErrorMessage(envelope('BUSINESS_LOGIC_ERROR', { mode_remboursement: 'carte', refund_cents: 380, max_cents: 0, refundable_cents: { especes: 380 } }, 'x', 422)),
      { key: 'api.refundNotLikeSale' }
    )
    // A tender the sale used, with less left than the refund: its maximum is named.
    assert.deepEqual(
      apiErrorMessage(
        envelope('BUSINESS_LOGIC_ERROR', { mode_remboursement: 'carte', refund_cents: 380, max_cents: 200, refundable_cents: { carte: 200, especes: 180 } }, 'x', 422)
      ),
      { key: 'api.refundOverTender', params: { max: '2,00 $' } }
    )
    // A tender the sale used that has already given everything back: not "the sale was not paid this way".
    assert.deepEqual(
      apiErrorMessage(
        envelope('BUSINESS_LOGIC_ERROR', { mode_remboursement: 'carte', refund_cents: 380, max_cents: 0, refundable_cents: { carte: 0, especes: 180 } }, 'x', 422)
      ),
      { key: 'api.refundTenderSpent' }
    )
    assert.deepEqual(
      apiErrorMessage(envelope('BUSINESS_LOGIC_ERROR', { total_cents: 3_449_249_996, paid_cents: 4_000_000_000, max_cents: 2_000_000_000 }, 'x', 422)),
      { key: 'api.saleTooLarge', params: { max: '20\u00a0000\u00a0000,00\u00a0$' } }
    )
  })

  test('a request for a deactivated product says so, not "refused by a business rule"', () => {
    // What create_replenishment.ts answers for a product that is no longer active.
    const refusal = envelope('BUSINESS_LOGIC_ERROR', { produit_id: 64 }, 'Product 64 is discontinued and cannot be replenished', 422)
    assert.deepEqual(apiErrorMessage(refusal), { key: 'api.productDiscontinued' })
    assert.deepEqual(apiErrorMessage(envelope('BUSINESS_LOGIC_ERROR', {}, 'x', 422)), { key: 'api.businessRule' })
  })

  test('approving or shipping a request whose product was deactivated since names the way out', () => {
    const details = (wayOut: string) => ({ replenishment_id: 3, produit_id: 2, action_possible: wayOut })
    assert.deepEqual(apiErrorMessage(envelope('BUSINESS_LOGIC_ERROR', details('reject'), 'x', 422)), { key: 'api.productDiscontinuedReject' })
    assert.deepEqual(apiErrorMessage(envelope('BUSINESS_LOGIC_ERROR', details('cancel'), 'x', 422)), { key: 'api.productDiscontinuedCancel' })
  })

  test('a closed register, a rate limit with its wait, a short payment, a quantity changed before approval', () => {
    assert.deepEqual(apiErrorMessage(envelope('REGISTER_CLOSED')), { key: 'api.registerClosed' })
    assert.deepEqual(apiErrorMessage(envelope('QUANTITY_CHANGED', { quantite: 80, quantite_vue: 30 })), { key: 'api.quantityChanged' })
    assert.deepEqual(apiErrorMessage(envelope('RATE_LIMIT_EXCEEDED', { retry_after: 61 }, 'x', 429)), {
      key: 'api.rateLimitedWait',
      params: { minutes: 2 },
    })
    assert.deepEqual(apiErrorMessage(envelope('BUSINESS_LOGIC_ERROR', { total_cents: 689, missing_cents: 189 }, 'x', 422)), {
      key: 'api.paymentShort',
      params: { total: '6,89\u00a0$', missing: '1,89\u00a0$' },
    })
  })

  test('a cash refund above the drawer says how much the drawer holds and what to do', () => {
    // What return_drawer.ts answers when the drawer lacks the cash.
    const refusal = envelope('INSUFFICIENT_CASH', { register_id: 2, session_id: 9, cash_refund_cents: 822, drawer_cash_cents: 500 }, 'x', 409)
    assert.deepEqual(apiErrorMessage(refusal), {
      key: 'api.insufficientCash',
      params: { drawer: '5,00\u00a0$', refund: '8,22\u00a0$' },
    })
    assert.deepEqual(apiErrorMessage(envelope('INSUFFICIENT_CASH', {}, 'x', 409)), { key: 'api.rejected' })
    // What it answers a clerk, who counts the drawer blind (ADR 0026): the refund, not the drawer.
    const toClerk = envelope('INSUFFICIENT_CASH', { register_id: 2, session_id: 9, cash_refund_cents: 822 }, 'x', 409)
    assert.deepEqual(apiErrorMessage(toClerk), { key: 'api.insufficientCashBlind', params: { refund: '8,22 $' } })
  })

  test('a clerk’s return after the window says a manager must do it, not "no rights"', () => {
    // What create_return.ts answers: 403 AUTHORIZATION_ERROR with the window in its details.
    assert.deepEqual(apiErrorMessage(envelope('AUTHORIZATION_ERROR', { window_hours: 24 }, 'x', 403)), {
      key: 'api.returnWindow',
      params: { hours: 24 },
    })
    assert.deepEqual(apiErrorMessage(envelope('AUTHORIZATION_ERROR', null, 'x', 403)), { key: 'api.authorization' })
    assert.deepEqual(apiErrorMessage(envelope('AUTHORIZATION_ERROR', { window_hours: '24' }, 'x', 403)), { key: 'api.authorization' })
  })

  test('unknown codes never leak the API’s own text', () => {
    assert.deepEqual(apiErrorMessage(envelope('SOMETHING_NEW', null, 'internal detail', 400)), { key: 'api.rejected' })
    assert.deepEqual(apiErrorMessage(envelope('SOMETHING_NEW', null, 'internal detail', 500)), { key: 'api.serverError' })
  })
})
