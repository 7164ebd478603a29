import router from '@adonisjs/core/services/router'
import { ApiError } from '#core/api_error'
import { middleware } from '#start/kernel'
import { documented, type SchemaSource } from '#core/openapi/registry'
import { pageOf, registerSchemas } from '#core/openapi/schemas'
import { registerExamples } from '#core/openapi/examples'
import { errorResponse, missingScope, otherStore } from '#core/openapi/errors'
import { idempotencyKey, replayed, location } from '#core/openapi/headers'
import { inventorySchemas } from '#inventory/openapi_schemas'
import { inventoryBodyExamples, inventoryErrors, inventoryExamples, pendingRequestExample } from '#inventory/openapi_examples'
import { idParams } from '#inventory/validators/common'
import {
  adjustmentBody,
  alertsCountQuery,
  alertsQuery,
  movementsQuery,
  receiptBody,
  reorderPointBody,
  warehouseStockQuery,
} from '#inventory/validators/stock_validators'
import {
  approveReplenishmentBody,
  changeReplenishmentQuantityBody,
  createReplenishmentBody,
  listReplenishmentsQuery,
  noFieldsBody,
  rejectReplenishmentBody,
  suggestionsQuery,
} from '#inventory/validators/replenishment_validators'

const StockController = () => import('#inventory/controllers/stock_controller')
const StockWritesController = () => import('#inventory/controllers/stock_writes_controller')
const ReplenishmentsController = () => import('#inventory/controllers/replenishments_controller')

registerSchemas(inventorySchemas)
registerExamples(inventoryExamples)

const { locationNotFound, readForbidden, requestNotFound, writeForbidden } = inventoryErrors
const clerkScope = 'A clerk sees their own store only (another store or the warehouse: 403).'

router
  .group(() => {
    documented(router.get('/warehouse/stock', [StockController, 'warehouse']), {
      summary: 'Central warehouse stock, one row per product',
      description:
        'statut: rupture / critique / faible / normal. sort: `field,asc|desc` over produit_id, code, nom, quantite, seuil_reappro, statut (by severity).',
      tags: ['Stock'],
      auth: ['read'],
      query: warehouseStockQuery,
      responses: { 200: { description: 'A page of warehouse levels', schema: pageOf('WarehouseStockItem') } },
    })
    documented(router.get('/stock/movements', [StockController, 'movements']), {
      summary: 'The stock ledger, newest first',
      description:
        'Filters: magasin_id or entrepot=true, produit_id, type, date_debut/date_fin (business days, both included; aliases start_date/end_date), ' +
        `reference (\`demande_reappro:12\`, \`vente:42\`, or a type alone). ${clerkScope}`,
      tags: ['Stock'],
      auth: ['read'],
      query: movementsQuery,
      responses: {
        200: { description: 'A page of movements', schema: pageOf('StockMovement') },
        403: readForbidden,
      },
    })
    documented(router.get('/stock/alerts', [StockController, 'alerts']), {
      summary: 'Levels at or below their reorder point (stores and warehouse)',
      description: `Most severe first. sort over statut, quantite, seuil_reappro, nom, produit_id. ${clerkScope}`,
      tags: ['Stock'],
      auth: ['read'],
      query: alertsQuery,
      responses: {
        200: { description: 'A page of levels in alert', schema: pageOf('StockLevel') },
        403: readForbidden,
      },
    })
    documented(router.get('/stock/alerts/count', [StockController, 'alertCount']), {
      summary: 'Number of levels in alert, by severity',
      description: clerkScope,
      tags: ['Stock'],
      auth: ['read'],
      query: alertsCountQuery,
      responses: { 200: { description: 'Counts', schema: 'StockAlertCount' }, 403: readForbidden },
    })
    documented(router.get('/replenishments', [ReplenishmentsController, 'index']), {
      summary: 'Replenishment requests (store ← central warehouse), newest first',
      description: `statut: en_attente, validee, expediee, livree, refusee, annulee. ${clerkScope}`,
      tags: ['Replenishment'],
      auth: ['read'],
      query: listReplenishmentsQuery,
      responses: {
        200: { description: 'A page of requests', schema: pageOf('Replenishment') },
        403: readForbidden,
      },
    })
    documented(router.get('/replenishments/suggestions', [ReplenishmentsController, 'suggestions']), {
      summary: 'What each store should request now ("Réapprovisionnement urgent")',
      description:
        'Store levels at or below their reorder point or with ≤ 14 days of cover (sales of the last 30 days), ' +
        'with a quantity reaching 2 × reorder point + 14 days of sales minus requests in flight. Sorted by days of cover.',
      tags: ['Replenishment'],
      auth: ['read'],
      query: suggestionsQuery,
      responses: { 200: { description: 'A page of suggestions', schema: pageOf('ReplenishmentSuggestion') } },
    })
    documented(router.get('/replenishments/:id', [ReplenishmentsController, 'show']), {
      summary: 'One replenishment request, with its history',
      description: `historique: each transition with who (id and name) and when. ${clerkScope}`,
      tags: ['Replenishment'],
      auth: ['read'],
      params: idParams,
      responses: { 200: { description: 'The request', schema: 'ReplenishmentDetail' }, 403: readForbidden, 404: requestNotFound },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['read'] }))

const managerOnly = 'Role manager or admin (integration tokens: the write scope).'

function transition(
  action: string,
  summary: string,
  description: string,
  body: SchemaSource = noFieldsBody,
  bodyExample: unknown = inventoryBodyExamples.noFields,
  conflict = inventoryErrors.transitionConflict
) {
  return documented(router.post(`/replenishments/:id/${action}`, [ReplenishmentsController, action as 'approve']), {
    summary,
    description,
    tags: ['Replenishment'],
    auth: ['write'],
    params: idParams,
    body,
    bodyExample,
    responses: {
      200: { description: 'The request in its new state', schema: 'Replenishment' },
      403: writeForbidden,
      404: requestNotFound,
      409: conflict,
    },
  })
}

router
  .group(() => {
    documented(router.post('/stock/adjustments', [StockWritesController, 'adjust']), {
      summary: 'Adjust a level (signed quantity or counted quantity; idempotent with an Idempotency-Key header)',
      description:
        `${managerOnly} Give magasin_id or entrepot: true, and quantite (signed, ≠ 0) or nouvelle_quantite (counted on the shelf). ` +
        'A count equal to the level writes nothing (204). With an Idempotency-Key, a retry answers with the first ' +
        'adjustment (200, or 204 again, with Idempotent-Replayed: true) and changes the level once.',
      tags: ['Stock'],
      auth: ['write'],
      body: adjustmentBody,
      bodyExample: inventoryBodyExamples.adjustment,
      headers: [idempotencyKey('stock adjustment')],
      responses: {
        201: { description: 'The movement written', schema: 'StockMovement' },
        200: replayed('Replay of an earlier adjustment with the same Idempotency-Key', 'StockMovement'),
        204: { description: 'The counted quantity equals the level; nothing written' },
        403: writeForbidden,
        404: locationNotFound,
        409: inventoryErrors.stockKeyReused,
        422: inventoryErrors.invalidLocation,
      },
    })
    documented(router.patch('/stock/levels', [StockWritesController, 'setReorderPoint']), {
      summary: 'Set the reorder point of a (location, product)',
      description: `${managerOnly} Give magasin_id or entrepot: true.`,
      tags: ['Stock'],
      auth: ['write'],
      body: reorderPointBody,
      bodyExample: inventoryBodyExamples.reorderPoint,
      responses: {
        200: { description: 'The level', schema: 'StockLevel' },
        403: writeForbidden,
        404: locationNotFound,
        422: inventoryErrors.invalidLocation,
      },
    })
    documented(router.post('/warehouse/receipts', [StockWritesController, 'receive']), {
      summary: 'Goods received at the central warehouse (one movement per line; idempotent with an Idempotency-Key header)',
      description:
        `${managerOnly} With an Idempotency-Key, a retry answers with the first receipt ` +
        '(200, Idempotent-Replayed: true) and adds the goods once.',
      tags: ['Stock'],
      auth: ['write'],
      body: receiptBody,
      bodyExample: inventoryBodyExamples.receipt,
      headers: [idempotencyKey('warehouse receipt')],
      responses: {
        201: { description: 'The movements written', schema: 'StockReceipt' },
        200: replayed('Replay of an earlier receipt with the same Idempotency-Key', 'StockReceipt'),
        403: writeForbidden,
        404: errorResponse('Unknown product (details.field names its line)', ApiError.notFound('Product', 42, 'lignes.1.produit_id')),
        409: inventoryErrors.receiptKeyReused,
      },
    })
    documented(router.post('/replenishments', [ReplenishmentsController, 'store']), {
      summary: 'Request goods for a store (state en_attente; idempotent with an Idempotency-Key header)',
      description:
        'magasin_id is required. A clerk requests for their own store only. Send a unique Idempotency-Key header ' +
        '(8–100 characters of A-Z a-z 0-9 . _ : -): a retry with the same key and body returns the first request ' +
        '(200, Idempotent-Replayed: true) and creates nothing; the same key with another body is a 409 IDEMPOTENCY_CONFLICT. ' +
        'One request in flight per store and product: while one is en_attente, validee or expediee, another is a 409 ' +
        'REPLENISHMENT_IN_FLIGHT whose details name it (replenishment_id, statut, quantite); once it is livree, refusee or annulee, ' +
        'the store may ask again. GET /stores/{id}/stock shows it per product (demande_en_cours).',
      tags: ['Replenishment'],
      auth: ['write'],
      body: createReplenishmentBody,
      bodyExample: inventoryBodyExamples.replenishment,
      headers: [idempotencyKey('replenishment request')],
      responses: {
        201: {
          description: 'The request',
          schema: 'Replenishment',
          example: pendingRequestExample,
          headers: location('/api/v1/replenishments/{id}'),
        },
        200: { ...replayed('Replay of an earlier request with the same Idempotency-Key', 'Replenishment'), example: pendingRequestExample },
        403: errorResponse('The token lacks the write scope, or a clerk asks for another store', missingScope(['write']), otherStore),
        404: locationNotFound,
        409: inventoryErrors.keyReused,
      },
    })
    documented(router.patch('/replenishments/:id', [ReplenishmentsController, 'update']), {
      summary: 'Change the quantity of a pending request (en_attente)',
      description:
        'Body: `quantite` (1–100 000, as at creation), the only field that may change. Since a store has one request in ' +
        'flight per product, this is how it asks for more or less before approval. The store’s clerks (their own store ' +
        'only: another store is a 403), managers and admins, and integration tokens with the write scope. Once the request ' +
        'is no longer en_attente it is a 409 INVALID_TRANSITION (details.from names its state) and nothing changes: the ' +
        'request is locked as an approval does, so a change and an approval never cross. Each change is kept in the ' +
        'history of GET /replenishments/{id} (etape quantite_modifiee, with quantite_avant and quantite_apres); the same ' +
        'quantity again changes nothing. Raising the quantity of a product discontinued since is a 422 ' +
        'BUSINESS_LOGIC_ERROR (lowering it is fine). Approval takes the quantity the request has then, unless the ' +
        'approver sends the quantity they were shown and it differs (409).',
      tags: ['Replenishment'],
      auth: ['write'],
      params: idParams,
      body: changeReplenishmentQuantityBody,
      bodyExample: inventoryBodyExamples.changeQuantity,
      responses: {
        200: { description: 'The request with its new quantity', schema: 'Replenishment', example: { ...pendingRequestExample, quantite: 60 } },
        403: errorResponse('The token lacks the write scope, or a clerk acts on another store’s request', missingScope(['write']), otherStore),
        404: requestNotFound,
        409: inventoryErrors.quantityConflict,
      },
    })
    transition(
      'approve',
      'Approve: en_attente → validee',
      `${managerOnly} Takes the goods out of the central warehouse now (reserved). Send quantite, the quantity you were ` +
        'shown: the store may change it while the request is pending (PATCH), and a request that now asks for another ' +
        'quantity is a 409 QUANTITY_CHANGED (details.quantite, details.quantite_vue) instead of reserving what nobody read. Without it, the ' +
        'quantity at the time of approval is reserved.',
      approveReplenishmentBody,
      inventoryBodyExamples.approve,
      inventoryErrors.approveConflict
    )
    transition('ship', 'Ship: validee → expediee', managerOnly)
    transition('receive', 'Receive: expediee → livree', "The store's clerk or a manager. Adds the goods to the store's stock.")
    transition('reject', 'Reject: en_attente → refusee', `${managerOnly} motif is required.`, rejectReplenishmentBody, inventoryBodyExamples.reject)
    transition(
      'cancel',
      'Cancel: en_attente or validee → annulee',
      'A pending request: its requester or a manager. An approved one: a manager; the goods go back into the warehouse.'
    )
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['write'] }))
