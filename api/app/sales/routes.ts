import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documented } from '#core/openapi/registry'
import { pageOf, registerSchemas } from '#core/openapi/schemas'
import { registerExamples } from '#core/openapi/examples'
import { errorResponse, missingScope, otherStore, validationError } from '#core/openapi/errors'
import { idempotencyKey, replayed, location } from '#core/openapi/headers'
import { ApiError } from '#core/api_error'
import { salesSchemas } from '#sales/openapi_schemas'
import { salesBodyExamples, salesExamples, salesResponseExamples } from '#sales/openapi_examples'
import { createSaleBody, listSalesQuery, saleIdParams } from '#sales/validators/sale_validators'
import { cancelSaleBody, createReturnBody, listReturnsQuery, returnIdParams } from '#sales/validators/return_validators'
import {
  closeSessionBody,
  currentSessionQuery,
  listSessionsQuery,
  openSessionBody,
  registerIdParams,
  sessionIdParams,
} from '#sales/validators/session_validators'

const SalesController = () => import('#sales/controllers/sales_controller')
const ReturnsController = () => import('#sales/controllers/returns_controller')
const RegisterSessionsController = () => import('#sales/controllers/register_sessions_controller')

registerSchemas(salesSchemas)
registerExamples(salesExamples)

/* The errors these routes answer with, as the actions raise them (they become the documented examples). */
const saleNotFound = errorResponse('No such sale (or not in your store)', ApiError.notFound('Sale', 42))
const sessionNotFound = errorResponse('No such session', ApiError.notFound('Register session', 42))
const registerClosed = (message: string) => ApiError.conflict('REGISTER_CLOSED', message, { register_id: 2 })
const keyReused = (resource: string, details: Record<string, unknown>) =>
  ApiError.conflict('IDEMPOTENCY_CONFLICT', `This Idempotency-Key was already used for ${resource}`, {
    idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    ...details,
  })
const forbidden = (...errors: Error[]) =>
  errorResponse('The token lacks the write scope, or the action is not yours to do', missingScope(['write']), otherStore, ...errors)
const returnErrors = {
  404: errorResponse(
    'No such sale (or not in your store), or no such register (caisse_id; or not in your store)',
    ApiError.notFound('Sale', 42),
    ApiError.notFound('Register', 42, 'caisse_id')
  ),
  422: errorResponse(
    'Invalid field, a line not of this sale, a register (caisse_id) of another store or inactive, or a refund tender that cannot take the refund (max_cents is what it can still take)',
    validationError('lignes.0.ligne_id', 'Line 999 is not a line of this sale', 'exists'),
    validationError('caisse_id', 'The goods go back to the store that sold them: take this return at one of its registers', 'store'),
    ApiError.business(
      'This tender can refund at most 5.00 on this sale: choose original to split the refund over the sale’s tenders',
      { mode_remboursement: 'carte', refund_cents: 684, max_cents: 500, refundable_cents: { carte: 500, especes: 184 } }
    ),
    ApiError.business(
      'The sale was not paid this way: refund it the way it was paid (original), or ask a manager',
      { mode_remboursement: 'autre', refund_cents: 684, max_cents: 0, refundable_cents: { carte: 500, especes: 184 } }
    )
  ),
  409: errorResponse(
    'More than sold, nothing left to return, a cash refund without an open session or above the cash in its drawer, or a reused Idempotency-Key',
    ApiError.conflict('RETURN_EXCEEDS_SOLD', 'The quantity returned is more than what is left of the quantity sold', {
      line_id: 5523,
      sold: 3,
      already_returned: 0,
      requested: 4,
    }),
    ApiError.conflict('NOTHING_TO_RETURN', 'Every item of this sale has already been returned'),
    registerClosed('A cash refund needs an open session on the register it is paid at (caisse_id, else the sale’s)'),
    ApiError.conflict(
      'INSUFFICIENT_CASH',
      'The drawer holds 5.00 in cash, less than the 8.22 to refund in cash: refund to another tender, or at a register whose drawer holds the cash (caisse_id)',
      { register_id: 2, session_id: 311, cash_refund_cents: 822, drawer_cash_cents: 500 }
    ),
    keyReused('another return', {})
  ),
}
const returnWindow = ApiError.forbidden('A return more than 24 h after the sale is a manager’s to make', { window_hours: 24 })

router
  .group(() => {
    documented(router.get('/sales', [SalesController, 'index']), {
      summary: 'List sales (newest first)',
      description:
        'A clerk only sees their store. Dates are business days (APP_TIMEZONE), inclusive. ' +
        'search matches any part of the receipt number (numero_recu), in any case; numero_recu is the exact receipt number.',
      tags: ['Sales'],
      auth: ['read'],
      query: listSalesQuery,
      responses: { 200: { description: 'A page of sales', schema: pageOf('SaleListItem') } },
    })
    documented(router.get('/sales/:id', [SalesController, 'show']), {
      summary: 'One sale with lines, taxes, payments and returns',
      description:
        'montant_rembourse is what returns gave back, taxes included; remboursements_par_mode splits it by tender (what to ' +
        'reverse on the card, what left the drawer in cash), summed over every return of the sale. The example is a sale ' +
        'paid 5.00 by card and 10.00 in cash (6.78 back), then returned in full: 1.38 in cash, then 5.00 card + 1.84 cash.',
      tags: ['Sales'],
      auth: ['read'],
      params: saleIdParams,
      responses: { 200: { description: 'The sale', schema: 'Sale', example: salesResponseExamples.returnedSale }, 404: saleNotFound },
    })
    documented(router.get('/sales/:id/receipt', [SalesController, 'receipt']), {
      summary: 'Everything a printed receipt needs',
      description:
        'A reprint shows what was printed at the sale: each line keeps the product code and name it was sold under, and the sale ' +
        'keeps the store header (name, address, phone, e-mail) of that day, even if the product or the store was renamed since. ' +
          'After returns, montant_rembourse and remboursements_par_mode say what went back, per tender, as on GET /sales/{id}.',
      tags: ['Sales'],
      auth: ['read'],
      params: saleIdParams,
      responses: { 200: { description: 'Receipt', schema: 'Receipt' }, 404: saleNotFound },
    })
    documented(router.get('/returns', [ReturnsController, 'index']), {
      summary: 'The returns journal (newest first)',
      description:
        'Who took what back, when and why, with the sale’s receipt number. A clerk only sees their store. Dates are the ' +
        'returns’ business days (APP_TIMEZONE), inclusive. hors_delai_caissier marks those made after the clerks’ return ' +
        'period: by a manager, or authorised by one at a clerk’s register (par names the manager). vente_id lists one sale’s returns.',
      tags: ['Sales'],
      auth: ['read'],
      query: listReturnsQuery,
      responses: { 200: { description: 'A page of returns', schema: pageOf('ReturnListItem') } },
    })
    documented(router.get('/returns/:id', [ReturnsController, 'show']), {
      summary: 'One return',
      tags: ['Sales'],
      auth: ['read'],
      params: returnIdParams,
      responses: {
        200: { description: 'The return', schema: 'Return' },
        404: errorResponse('No such return (or not in your store)', ApiError.notFound('Return', 42)),
      },
    })
    documented(router.get('/registers/:id/sessions', [RegisterSessionsController, 'index']), {
      summary: 'The drawer sessions of a register, newest first (its history of X and Z reports)',
      description:
        'Each session without its report (GET /register-sessions/{id} gives it); a closed one says what was expected in ' +
        'the drawer, what was counted and the difference (null while open). statut=fermee keeps the closed ones; ' +
        'date_debut and date_fin (business days, both included) keep the sessions opened on those days. ' +
        'A clerk reads their own store’s registers only (403 otherwise).',
      tags: ['Register sessions'],
      auth: ['read'],
      params: registerIdParams,
      query: listSessionsQuery,
      responses: {
        200: { description: 'A page of sessions', schema: pageOf('RegisterSessionListItem') },
        404: errorResponse('No such register', ApiError.notFound('Register', 42)),
      },
    })
    documented(router.get('/registers/:id/sessions/current', [RegisterSessionsController, 'current']), {
      summary: 'The open drawer session of a register (X report)',
      description:
        'The X report reads every sale of the session; `rapport=false` answers without it (`rapport` is then absent), ' +
        'for a point of sale that only needs to know the drawer is open.',
      tags: ['Register sessions'],
      auth: ['read'],
      params: registerIdParams,
      query: currentSessionQuery,
      responses: {
        200: { description: 'Open session', schema: 'RegisterSession' },
        404: errorResponse(
          'No such register, or it has no open session',
          ApiError.notFound('Open register session for register', 42)
        ),
      },
    })
    documented(router.get('/register-sessions/:id', [RegisterSessionsController, 'show']), {
      summary: 'A drawer session with its X (open) or Z (closed) report',
      tags: ['Register sessions'],
      auth: ['read'],
      params: sessionIdParams,
      responses: { 200: { description: 'Session', schema: 'RegisterSession' }, 404: sessionNotFound },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['read'] }))

router
  .group(() => {
    documented(router.post('/sales', [SalesController, 'store']), {
      summary: 'Record a sale (idempotent with an Idempotency-Key header)',
      description:
        'Prices come from the catalogue and taxes from the store; stock is decremented atomically (409 INSUFFICIENT_STOCK ' +
        'when short). The register needs an open session (409 REGISTER_CLOSED). Send a unique Idempotency-Key header: a retry ' +
        'with the same key and body returns the first sale (200, Idempotent-Replayed: true); the same key with another body is a 409.',
      tags: ['Sales'],
      auth: ['write'],
      body: createSaleBody,
      bodyExample: salesBodyExamples.createSale,
      headers: [idempotencyKey('sale')],
      responses: {
        403: forbidden(),
        201: { description: 'Sale recorded', schema: 'Sale', headers: location('/api/v1/sales/{id}') },
        200: replayed('Replay of an earlier request with the same Idempotency-Key', 'Sale'),
        409: errorResponse(
          'Insufficient stock, register closed, or Idempotency-Key reused with another body',
          ApiError.conflict('INSUFFICIENT_STOCK', 'Not enough stock for Pain', {
            emplacement: { type: 'magasin', magasin_id: 1, nom: 'Magasin Centre-Ville' },
            items: [{ product: 'Pain', available: 1, requested: 2, product_id: 1 }],
          }),
          registerClosed('The register is not open: open a register session before selling'),
          keyReused('a different sale', { sale_id: 1842 })
        ),
        422: errorResponse(
          'Invalid field, unknown product or register, or payments that do not settle the total',
          validationError('lignes.1.code', 'Product ZZZ999 does not exist', 'exists'),
          ApiError.business('Payments do not cover the total of the sale', { total_cents: 822, paid_cents: 500, missing_cents: 322 }),
          ApiError.business('Only cash can be overpaid (change is given in cash)', { total_cents: 822, paid_cents: 1000 })
        ),
      },
    })
    documented(router.post('/sales/:id/returns', [ReturnsController, 'store']), {
      summary: 'Return some or all lines of a sale',
      description:
        'Quantities are bounded by what was sold minus earlier returns. Clerks (and integrations) within RETURN_WINDOW_HOURS ' +
        '(24 h) of the sale; managers always. The sale is never deleted. No tender gets back more than it paid (cash net of ' +
        'change) less earlier refunds. mode_remboursement "original" (the default) refunds to the first of cash, card, other ' +
        'that can take the whole refund, else splits it: card, then other, then cash (mode_remboursement "mixte"; ' +
        'remboursements lists each part). A named tender that cannot take the whole refund is a 422 BUSINESS_LOGIC_ERROR ' +
        'with max_cents (what it can still take), refund_cents and refundable_cents per tender; managers and admins may ' +
        'still refund in cash or autre beyond them (never to a card). remis_en_stock false (on the body: every line; on a line: ' +
        'that line) refunds damaged goods without putting them back in the stock; the same ligne_id may come twice, part ' +
        'whole and part damaged. caisse_id: the register the return is made at (one of the sale’s store, active), whose ' +
        'drawer pays a cash refund and where the return counts; default the sale’s register.',
      tags: ['Sales'],
      auth: ['write'],
      params: saleIdParams,
      body: createReturnBody,
      bodyExample: salesBodyExamples.createReturn,
      headers: [idempotencyKey('return')],
      responses: {
        201: { description: 'Return recorded', schema: 'Return', headers: location('/api/v1/returns/{id}') },
        200: replayed('Replay (same Idempotency-Key)', 'Return'),
        403: forbidden(returnWindow),
        ...returnErrors,
      },
    })
    documented(router.post('/sales/:id/cancel', [ReturnsController, 'cancel']), {
      summary: 'Cancel a sale: a return of everything not yet returned',
      description:
        'The same rules as a return (window, refund tenders, Idempotency-Key). remis_en_stock false: every item is damaged. ' +
        'caisse_id: the register the cancellation is made at (one of the sale’s store, active); default the sale’s register.',
      tags: ['Sales'],
      auth: ['write'],
      params: saleIdParams,
      body: cancelSaleBody,
      bodyExample: salesBodyExamples.cancelSale,
      headers: [idempotencyKey('cancellation')],
      responses: {
        201: {
          description: 'Return recorded',
          schema: 'Return',
          example: salesResponseExamples.cancellation,
          headers: location('/api/v1/returns/{id}'),
        },
        200: replayed('Replay (same Idempotency-Key)', 'Return'),
        403: forbidden(returnWindow),
        ...returnErrors,
      },
    })
    documented(router.post('/registers/:id/sessions', [RegisterSessionsController, 'open']), {
      summary: 'Open the drawer of a register with a cash float',
      tags: ['Register sessions'],
      auth: ['write'],
      params: registerIdParams,
      body: openSessionBody,
      bodyExample: salesBodyExamples.openSession,
      responses: {
        201: {
          description: 'Session opened',
          schema: 'RegisterSession',
          example: salesResponseExamples.openedSession,
          headers: location('/api/v1/register-sessions/{id}'),
        },
        403: forbidden(ApiError.forbidden('A register session is opened by a signed-in user, not an integration token')),
        404: errorResponse('No such register', ApiError.notFound('Register', 42)),
        409: errorResponse(
          'The register already has an open session',
          ApiError.conflict('REGISTER_ALREADY_OPEN', 'This register already has an open session', { register_id: 2, session_id: 311 })
        ),
      },
    })
    documented(router.post('/register-sessions/:id/close', [RegisterSessionsController, 'close']), {
      summary: 'Close a drawer session with the counted cash (Z report)',
      tags: ['Register sessions'],
      auth: ['write'],
      params: sessionIdParams,
      body: closeSessionBody,
      bodyExample: salesBodyExamples.closeSession,
      responses: {
        200: { description: 'Session closed, with expected cash and variance', schema: 'RegisterSession', example: salesResponseExamples.closedSession },
        403: forbidden(ApiError.forbidden('A register session is closed by a signed-in user')),
        404: sessionNotFound,
        409: errorResponse(
          'Already closed',
          ApiError.conflict('INVALID_TRANSITION', 'This register session is already closed', { from: 'fermee', action: 'close' })
        ),
      },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['write'] }))
