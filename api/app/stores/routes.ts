import router from '@adonisjs/core/services/router'
import { idempotencyKey, location, replayed } from '#core/openapi/headers'
import { middleware } from '#start/kernel'
import { documented } from '#core/openapi/registry'
import { pageOf, registerSchemas } from '#core/openapi/schemas'
import { registerExamples } from '#core/openapi/examples'
import { storesBodyExamples, storesErrors, storesExamples } from '#stores/openapi_examples'
import {
  listStoresQuery,
  patchStoreBody,
  storeBody,
  storeContactInput,
  storeIdParams,
  storeNameParams,
} from '#stores/validators/store_validators'
import { createRegisterBody, listRegistersQuery, registerIdParams } from '#stores/validators/register_validators'
import { listStoreStockQuery } from '#stores/validators/store_stock_validators'
import { STOCK_STATUSES } from '#stores/queries/store_stock_query'
import { inFlightRequestSchema } from '#inventory/openapi_schemas'

const StoresController = () => import('#stores/controllers/stores_controller')
const RegistersController = () => import('#stores/controllers/registers_controller')
const StoreStockController = () => import('#stores/controllers/store_stock_controller')

registerSchemas({
  Register: {
    type: 'object',
    required: ['id', 'magasin_id', 'numero', 'nom', 'actif'],
    properties: {
      id: { type: 'integer' },
      magasin_id: { type: 'integer' },
      numero: { type: 'integer', example: 1 },
      nom: { type: 'string', example: 'Caisse 1' },
      actif: { type: 'boolean' },
    },
  },
  StoreDetail: {
    allOf: [
      { $ref: '#/components/schemas/Store' },
      {
        type: 'object',
        required: ['taxes'],
        properties: {
          taxes: {
            type: 'array',
            description: 'Sales taxes the store collects, each on the pre-tax subtotal, in receipt order',
            items: {
              type: 'object',
              required: ['code', 'libelle', 'taux', 'numero_enregistrement'],
              properties: {
                code: { type: 'string', example: 'TPS' },
                libelle: { type: 'string', example: 'TPS' },
                taux: { type: 'string', example: '5.000', description: 'Percent, three decimals' },
                numero_enregistrement: { type: ['string', 'null'], example: '123456789 RT0001' },
              },
            },
          },
        },
      },
    ],
  },
  RegisterDetail: {
    allOf: [
      { $ref: '#/components/schemas/Register' },
      {
        type: 'object',
        required: ['magasin', 'session_ouverte', 'session'],
        properties: {
          magasin: {
            type: 'object',
            required: ['id', 'nom'],
            properties: { id: { type: 'integer' }, nom: { type: 'string', example: 'Magasin Centre-Ville' } },
          },
          session_ouverte: { type: 'boolean', description: 'Whether the drawer has an open session (sales need one)' },
          session: {
            type: ['object', 'null'],
            required: ['id', 'ouverte_le'],
            properties: { id: { type: 'integer' }, ouverte_le: { type: 'string', format: 'date-time' } },
            description: 'The open session (GET /register-sessions/{id} for its X report), or null',
          },
        },
      },
    ],
  },
  StoreStockItem: {
    type: 'object',
    required: ['produit_id', 'code', 'nom', 'prix', 'actif', 'quantite', 'seuil_reappro', 'statut', 'demande_en_cours'],
    properties: {
      produit_id: { type: 'integer' },
      code: { type: 'string', example: 'ALI001' },
      nom: { type: 'string', example: 'Pain' },
      prix: { $ref: '#/components/schemas/Money' },
      actif: { type: 'boolean', description: 'false: the product is discontinued (kept for its stock and history; a sale refuses it)' },
      quantite: { type: 'integer', description: 'On-hand quantity in this store' },
      seuil_reappro: { type: 'integer', description: 'Reorder point of this product in this store' },
      statut: {
        enum: [...STOCK_STATUSES],
        description: 'rupture: 0 · critique: ≤ half the reorder point · faible: ≤ the reorder point · normal: above it',
      },
      demande_en_cours: inFlightRequestSchema(
        'The replenishment request this store awaits for the product (en_attente, validee or expediee), or null; ' +
          'while there is one, POST /replenishments for the same product is a 409 REPLENISHMENT_IN_FLIGHT'
      ),
    },
  },
})

registerExamples(storesExamples)

const reads = () => middleware.auth({ scopes: ['read'] })
const writes = () => middleware.auth({ scopes: ['write'] })
const storeList = { type: 'array', items: { $ref: '#/components/schemas/Store' } }
const WRITE_ROLES = 'Session tokens: manager or admin only (a clerk gets 403).'

/*
 * Static segments (/stores/with-contact, /stores/by-name/…) are declared
 * before /stores/:id: the router tries routes in declaration order.
 */
router
  .group(() => {
    documented(router.get('/stores', [StoresController, 'index']).use(reads()), {
      summary: 'List stores (paginated, searchable)',
      description: 'sort: `field,asc|desc` over id, nom. search matches name, address or e-mail. Other query parameters are ignored, as in the original.',
      tags: ['Stores'],
      auth: ['read'],
      query: listStoresQuery,
      responses: { 200: { description: 'A page of stores', schema: pageOf('Store') } },
    })
    documented(router.get('/stores/with-contact', [StoresController, 'withContact']).use(reads()), {
      summary: 'Stores with a telephone or an e-mail',
      tags: ['Stores'],
      auth: ['read'],
      responses: { 200: { description: 'Stores, by id', schema: storeList } },
    })
    documented(router.get('/stores/business/complete-contact', [StoresController, 'completeContact']).use(reads()), {
      summary: 'Stores with telephone, e-mail and address all filled in',
      tags: ['Stores'],
      auth: ['read'],
      responses: { 200: { description: 'Stores, by id', schema: storeList } },
    })
    documented(router.get('/stores/by-name/:name', [StoresController, 'byName']).use(reads()), {
      summary: 'One store by its exact name',
      tags: ['Stores'],
      auth: ['read'],
      params: storeNameParams,
      responses: { 200: { description: 'The store', schema: 'Store' }, 404: storesErrors.storeNameNotFound },
    })
    documented(router.get('/stores/:id', [StoresController, 'show']).use(reads()), {
      summary: 'One store, with its tax rates',
      description: 'taxes: the TPS/TVQ rates (percent) and registration numbers the store prints on its receipts.',
      tags: ['Stores'],
      auth: ['read'],
      params: storeIdParams,
      responses: { 200: { description: 'The store', schema: 'StoreDetail' }, 404: storesErrors.storeNotFound },
    })
    documented(router.post('/stores', [StoresController, 'store']).use(writes()), {
      summary: 'Create a store',
      description:
        'Creates its stock location (a zero level for every product) and its TPS/TVQ tax rows (registration numbers ' +
        'empty). Registers are added with POST /stores/{id}/registers. ' + WRITE_ROLES,
      tags: ['Stores'],
      auth: ['write'],
      body: storeBody,
      bodyExample: storesBodyExamples.createStore,
      headers: [idempotencyKey('store')],
      responses: {
        201: { description: 'The created store', schema: 'Store', headers: location('/api/v1/stores/{id}') },
        200: replayed('Replay of an earlier creation with the same Idempotency-Key', 'Store'),
        409: storesErrors.storeCreationConflict,
      },
    })
    for (const verb of ['patch', 'put'] as const) {
      documented(router[verb]('/stores/:id', [StoresController, 'patch']).as(`stores.${verb}`).use(writes()), {
        summary: verb === 'patch' ? 'Change some fields of a store' : 'Change some fields of a store (the same as PATCH)',
        description:
          'Only the fields sent change; null clears adresse, telephone or email. PUT does the same as PATCH, as in the ' +
          'original API. A store read with GET may be sent back whole: `id` and `taxes` are accepted as they are and ' +
          'ignored, another value is a 422. ' + WRITE_ROLES,
        tags: ['Stores'],
        auth: ['write'],
        params: storeIdParams,
        body: patchStoreBody,
        bodyExample: storesBodyExamples.patchStore,
        responses: {
          200: { description: 'The store', schema: 'Store' },
          404: storesErrors.storeNotFound,
          409: storesErrors.storeDuplicate,
        },
      })
    }
    documented(router.delete('/stores/:id', [StoresController, 'destroy']).use(writes()), {
      summary: 'Delete a store that was never used',
      description:
        'Only a store without registers, sales, stock movements, requests or users can be deleted (its empty stock ' +
        'location and tax rows go with it); otherwise 409 RESOURCE_IN_USE. ' + WRITE_ROLES,
      tags: ['Stores'],
      auth: ['write'],
      params: storeIdParams,
      responses: {
        200: { description: 'The deleted store', schema: 'Store' },
        404: storesErrors.storeNotFound,
        409: storesErrors.storeInUse,
      },
    })
    documented(router.post('/stores/:id/update-contact', [StoresController, 'updateContact']).use(writes()), {
      summary: "Change a store's telephone and/or e-mail",
      description:
        'Fields in the query string (as in the original) or in a JSON body, not both for the same field. ' + WRITE_ROLES,
      tags: ['Stores'],
      auth: ['write'],
      params: storeIdParams,
      query: storeContactInput,
      body: storeContactInput,
      bodyExample: storesBodyExamples.updateContact,
      responses: { 200: { description: 'The store', schema: 'Store' }, 404: storesErrors.storeNotFound },
    })
    documented(router.get('/stores/:id/registers', [RegistersController, 'index']).use(reads()), {
      summary: "A store's registers (paginated)",
      description:
        'sort: `field,asc|desc` over id, numero, nom (default numero). search matches any part of the name, in any case, ' +
        'or the number (search=2: register 2). A clerk reads their own store only.',
      tags: ['Stores'],
      auth: ['read'],
      params: storeIdParams,
      query: listRegistersQuery,
      responses: {
        200: { description: 'A page of registers', schema: pageOf('Register') },
        403: storesErrors.clerkOtherStore,
        404: storesErrors.storeNotFound,
      },
    })
    documented(router.post('/stores/:id/registers', [RegistersController, 'store']).use(writes()), {
      summary: 'Add a register to a store',
      description:
        'Without numero, the next free number; without nom, "Caisse <numero>". With an Idempotency-Key, a retry answers ' +
        'with the first register (200, Idempotent-Replayed: true) instead of adding another under the next number. ' +
        WRITE_ROLES,
      tags: ['Stores'],
      auth: ['write'],
      params: storeIdParams,
      body: createRegisterBody,
      bodyExample: storesBodyExamples.createRegister,
      headers: [idempotencyKey('register')],
      responses: {
        201: { description: 'The created register', schema: 'Register', headers: location('/api/v1/registers/{id}') },
        200: replayed('Replay of an earlier request with the same Idempotency-Key', 'Register'),
        404: storesErrors.storeNotFound,
        409: storesErrors.registerDuplicate,
      },
    })
    documented(router.get('/registers/:id', [RegistersController, 'show']).use(reads()), {
      summary: 'One register, with its store and whether its drawer is open',
      description: 'A clerk reads the registers of their own store only (403 otherwise).',
      tags: ['Stores'],
      auth: ['read'],
      params: registerIdParams,
      responses: { 200: { description: 'The register', schema: 'RegisterDetail' }, 403: storesErrors.clerkOtherStore, 404: storesErrors.registerNotFound },
    })
    documented(router.get('/stores/:id/stock', [StoreStockController, 'index']).use(reads()), {
      summary: "A store's stock with its alert status (paginated)",
      description:
        'statut comes from each product\'s reorder point in this store. Filters: search (code, name, exact barcode), ' +
        'statut, categorie_id, actif (true: products on sale only). sort: `field,asc|desc` over code (default), nom, quantite, statut, produit_id. ' +
        'demande_en_cours: the replenishment request in flight for the product, if any. ' +
        'A clerk reads their own store only (403 otherwise).',
      tags: ['Stores'],
      auth: ['read'],
      params: storeIdParams,
      query: listStoreStockQuery,
      responses: {
        200: { description: 'A page of stock lines', schema: pageOf('StoreStockItem') },
        403: storesErrors.clerkOtherStore,
        404: storesErrors.storeNotFound,
      },
    })
  })
  .prefix('/api/v1')
