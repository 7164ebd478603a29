import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documented } from '#core/openapi/registry'
import { pageOf, registerSchemas } from '#core/openapi/schemas'
import { salesSchemas } from '#sales/openapi_schemas'
import { createSaleBody, listSalesQuery, saleIdParams } from '#sales/validators/sale_validators'
import { cancelSaleBody, createReturnBody, returnIdParams } from '#sales/validators/return_validators'
import {
  closeSessionBody,
  openSessionBody,
  registerIdParams,
  sessionIdParams,
} from '#sales/validators/session_validators'

const SalesController = () => import('#sales/controllers/sales_controller')
const ReturnsController = () => import('#sales/controllers/returns_controller')
const RegisterSessionsController = () => import('#sales/controllers/register_sessions_controller')

registerSchemas(salesSchemas)

const envelope = (description: string) => ({ description, schema: 'ErrorEnvelope' })

router
  .group(() => {
    documented(router.get('/sales', [SalesController, 'index']), {
      summary: 'List sales (newest first)',
      description: 'A clerk only sees their store. Dates are business days (APP_TIMEZONE), inclusive.',
      tags: ['Sales'],
      auth: ['read'],
      query: listSalesQuery,
      responses: { 200: { description: 'A page of sales', schema: pageOf('SaleListItem') } },
    })
    documented(router.get('/sales/:id', [SalesController, 'show']), {
      summary: 'One sale with lines, taxes, payments and returns',
      tags: ['Sales'],
      auth: ['read'],
      params: saleIdParams,
      responses: { 200: { description: 'The sale', schema: 'Sale' }, 404: envelope('No such sale (or not in your store)') },
    })
    documented(router.get('/sales/:id/receipt', [SalesController, 'receipt']), {
      summary: 'Everything a printed receipt needs',
      tags: ['Sales'],
      auth: ['read'],
      params: saleIdParams,
      responses: { 200: { description: 'Receipt', schema: 'Receipt' }, 404: envelope('No such sale') },
    })
    documented(router.get('/returns/:id', [ReturnsController, 'show']), {
      summary: 'One return',
      tags: ['Sales'],
      auth: ['read'],
      params: returnIdParams,
      responses: { 200: { description: 'The return', schema: 'Return' }, 404: envelope('No such return') },
    })
    documented(router.get('/registers/:id/sessions/current', [RegisterSessionsController, 'current']), {
      summary: 'The open drawer session of a register (X report)',
      tags: ['Register sessions'],
      auth: ['read'],
      params: registerIdParams,
      responses: { 200: { description: 'Open session', schema: 'RegisterSession' }, 404: envelope('No open session') },
    })
    documented(router.get('/register-sessions/:id', [RegisterSessionsController, 'show']), {
      summary: 'A drawer session with its X (open) or Z (closed) report',
      tags: ['Register sessions'],
      auth: ['read'],
      params: sessionIdParams,
      responses: { 200: { description: 'Session', schema: 'RegisterSession' }, 404: envelope('No such session') },
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
      bodyExample: {
        caisse_id: 1,
        lignes: [{ code: 'ALI001', quantite: 2 }, { produit_id: 7, quantite: 1 }],
        paiements: [{ mode: 'carte', montant: '2.00' }, { mode: 'especes', montant: 10 }],
      },
      responses: {
        201: { description: 'Sale recorded', schema: 'Sale' },
        200: { description: 'Replay of an earlier request with the same Idempotency-Key', schema: 'Sale' },
        409: envelope('Insufficient stock, register closed, or Idempotency-Key reused with another body'),
      },
    })
    documented(router.post('/sales/:id/returns', [ReturnsController, 'store']), {
      summary: 'Return some or all lines of a sale',
      description:
        'Quantities are bounded by what was sold minus earlier returns. Clerks (and integrations) within RETURN_WINDOW_HOURS ' +
        '(24 h) of the sale; managers always. The sale is never deleted.',
      tags: ['Sales'],
      auth: ['write'],
      params: saleIdParams,
      body: createReturnBody,
      responses: {
        201: { description: 'Return recorded', schema: 'Return' },
        200: { description: 'Replay (same Idempotency-Key)', schema: 'Return' },
        404: envelope('No such sale'),
        409: envelope('More than sold, nothing left to return, or cash refund without an open session'),
      },
    })
    documented(router.post('/sales/:id/cancel', [ReturnsController, 'cancel']), {
      summary: 'Cancel a sale: a return of everything not yet returned',
      tags: ['Sales'],
      auth: ['write'],
      params: saleIdParams,
      body: cancelSaleBody,
      responses: { 201: { description: 'Return recorded', schema: 'Return' }, 404: envelope('No such sale'), 409: envelope('Already fully returned') },
    })
    documented(router.post('/registers/:id/sessions', [RegisterSessionsController, 'open']), {
      summary: 'Open the drawer of a register with a cash float',
      tags: ['Register sessions'],
      auth: ['write'],
      params: registerIdParams,
      body: openSessionBody,
      responses: {
        201: { description: 'Session opened', schema: 'RegisterSession' },
        409: envelope('The register already has an open session'),
      },
    })
    documented(router.post('/register-sessions/:id/close', [RegisterSessionsController, 'close']), {
      summary: 'Close a drawer session with the counted cash (Z report)',
      tags: ['Register sessions'],
      auth: ['write'],
      params: sessionIdParams,
      body: closeSessionBody,
      responses: {
        200: { description: 'Session closed, with expected cash and variance', schema: 'RegisterSession' },
        404: envelope('No such session'),
        409: envelope('Already closed'),
      },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['write'] }))
