import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documented, type SchemaSource } from '#core/openapi/registry'
import { pageOf, registerSchemas } from '#core/openapi/schemas'
import { inventorySchemas } from '#inventory/openapi_schemas'
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

const error = (description: string) => ({ description, schema: 'ErrorEnvelope' })
const notFound = error('Unknown store, product or request')
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
      responses: { 200: { description: 'A page of movements', schema: pageOf('StockMovement') } },
    })
    documented(router.get('/stock/alerts', [StockController, 'alerts']), {
      summary: 'Levels at or below their reorder point (stores and warehouse)',
      description: `Most severe first. sort over statut, quantite, seuil_reappro, nom, produit_id. ${clerkScope}`,
      tags: ['Stock'],
      auth: ['read'],
      query: alertsQuery,
      responses: { 200: { description: 'A page of levels in alert', schema: pageOf('StockLevel') } },
    })
    documented(router.get('/stock/alerts/count', [StockController, 'alertCount']), {
      summary: 'Number of levels in alert, by severity',
      description: clerkScope,
      tags: ['Stock'],
      auth: ['read'],
      query: alertsCountQuery,
      responses: { 200: { description: 'Counts', schema: 'StockAlertCount' } },
    })
    documented(router.get('/replenishments', [ReplenishmentsController, 'index']), {
      summary: 'Replenishment requests (store ← central warehouse), newest first',
      description: `statut: en_attente, validee, expediee, livree, refusee, annulee. ${clerkScope}`,
      tags: ['Replenishment'],
      auth: ['read'],
      query: listReplenishmentsQuery,
      responses: { 200: { description: 'A page of requests', schema: pageOf('Replenishment') } },
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
      summary: 'One replenishment request',
      tags: ['Replenishment'],
      auth: ['read'],
      params: idParams,
      responses: { 200: { description: 'The request', schema: 'Replenishment' }, 404: notFound },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['read'] }))

const managerOnly = 'Role manager or admin (integration tokens: the write scope).'
const conflictStock = error('INSUFFICIENT_STOCK: the level would go below zero (nothing is written)')

function transition(action: string, summary: string, description: string, body: SchemaSource = noFieldsBody) {
  return documented(router.post(`/replenishments/:id/${action}`, [ReplenishmentsController, action as 'approve']), {
    summary,
    description,
    tags: ['Replenishment'],
    auth: ['write'],
    params: idParams,
    body,
    responses: {
      200: { description: 'The request in its new state', schema: 'Replenishment' },
      404: notFound,
      409: error('INVALID_TRANSITION (details: from, action) or INSUFFICIENT_STOCK; nothing moves'),
    },
  })
}

router
  .group(() => {
    documented(router.post('/stock/adjustments', [StockWritesController, 'adjust']), {
      summary: 'Adjust a level (signed quantity or counted quantity)',
      description:
        `${managerOnly} Give magasin_id or entrepot: true, and quantite (signed, ≠ 0) or nouvelle_quantite (counted on the shelf). ` +
        'A count equal to the level writes nothing (204).',
      tags: ['Stock'],
      auth: ['write'],
      body: adjustmentBody,
      bodyExample: { magasin_id: 1, produit_id: 1, quantite: -2, motif: 'Casse' },
      responses: {
        201: { description: 'The movement written', schema: 'StockMovement' },
        204: { description: 'The counted quantity equals the level; nothing written' },
        404: notFound,
        409: conflictStock,
      },
    })
    documented(router.patch('/stock/levels', [StockWritesController, 'setReorderPoint']), {
      summary: 'Set the reorder point of a (location, product)',
      description: `${managerOnly} Give magasin_id or entrepot: true.`,
      tags: ['Stock'],
      auth: ['write'],
      body: reorderPointBody,
      bodyExample: { entrepot: true, produit_id: 1, seuil_reappro: 150 },
      responses: { 200: { description: 'The level', schema: 'StockLevel' }, 404: notFound },
    })
    documented(router.post('/warehouse/receipts', [StockWritesController, 'receive']), {
      summary: 'Goods received at the central warehouse (one movement per line)',
      description: managerOnly,
      tags: ['Stock'],
      auth: ['write'],
      body: receiptBody,
      bodyExample: { fournisseur: 'Boulangerie Leclerc', reference: 'BL-2026-0042', lignes: [{ produit_id: 1, quantite: 200 }] },
      responses: { 201: { description: 'The movements written', schema: 'StockReceipt' }, 404: notFound },
    })
    documented(router.post('/replenishments', [ReplenishmentsController, 'store']), {
      summary: 'Request goods for a store (state en_attente)',
      description: 'magasin_id is required. A clerk requests for their own store only.',
      tags: ['Replenishment'],
      auth: ['write'],
      body: createReplenishmentBody,
      bodyExample: { magasin_id: 1, produit_id: 1, quantite: 40, note: 'Week-end de Pâques' },
      responses: { 201: { description: 'The request', schema: 'Replenishment' }, 404: notFound },
    })
    transition('approve', 'Approve: en_attente → validee', `${managerOnly} Takes the goods out of the central warehouse now (reserved).`)
    transition('ship', 'Ship: validee → expediee', managerOnly)
    transition('receive', 'Receive: expediee → livree', "The store's clerk or a manager. Adds the goods to the store's stock.")
    transition('reject', 'Reject: en_attente → refusee', `${managerOnly} motif is required.`, rejectReplenishmentBody)
    transition(
      'cancel',
      'Cancel: en_attente or validee → annulee',
      'A pending request: its requester or a manager. An approved one: a manager; the goods go back into the warehouse.'
    )
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['write'] }))
