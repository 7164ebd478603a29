import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documented } from '#core/openapi/registry'
import { idempotencyKey, replayed, location } from '#core/openapi/headers'
import { pageOf, registerSchemas } from '#core/openapi/schemas'
import { registerExamples } from '#core/openapi/examples'
import { catalogBodyExamples, catalogErrors, catalogExamples } from '#catalog/openapi_examples'
import {
  createProductBody,
  listProductsQuery,
  lowStockQuery,
  patchProductBody,
  productCodeParams,
  productIdParams,
  reduceStockQuery,
} from '#catalog/validators/product_validators'
import {
  categoryBody,
  categoryIdParams,
  listCategoriesQuery,
  patchCategoryBody,
} from '#catalog/validators/category_validators'

const ProductsController = () => import('#catalog/controllers/products_controller')
const CategoriesController = () => import('#catalog/controllers/categories_controller')

registerSchemas({
  Category: {
    type: 'object',
    required: ['id', 'nom', 'description'],
    properties: {
      id: { type: 'integer' },
      nom: { type: 'string', example: 'Alimentaire' },
      description: { type: ['string', 'null'], example: 'Produits alimentaires de base' },
    },
  },
})

registerExamples(catalogExamples)

const reads = () => middleware.auth({ scopes: ['read'] })
const writes = () => middleware.auth({ scopes: ['write'] })
const WRITE_ROLES = 'Session tokens: manager or admin only (a clerk gets 403).'

/*
 * Static segments (/products/low-stock, /products/by-code/…) are declared
 * before /products/:id: the router tries routes in declaration order.
 */
router
  .group(() => {
    documented(router.get('/products', [ProductsController, 'index']).use(reads()), {
      summary: 'List products (paginated, searchable, filterable)',
      description:
        'sort: `field,asc|desc` over id, code, nom, prix, categorie_id. search matches name, code, description or the exact barcode. ' +
        'categorie_id, prix_min, prix_max and limit are the filters the original README documented; ' +
        'actif=true lists the products on sale, actif=false the deactivated ones (both by default). ' +
        "category (the original's docs/openapi.json) is a category id or name (any case); categorie_id wins over it. " +
        'A query parameter not listed here is ignored, as in the original.',
      tags: ['Products'],
      auth: ['read'],
      query: listProductsQuery,
      responses: { 200: { description: 'A page of products', schema: pageOf('Product') } },
    })
    documented(router.get('/products/low-stock', [ProductsController, 'lowStock']).use(reads()), {
      summary: 'Products on sale whose central warehouse quantity is at most the threshold',
      description: 'threshold defaults to 10, limit to 1000. Ordered by quantity, then id. Other query parameters are ignored, as in the original.',
      tags: ['Products'],
      auth: ['read'],
      query: lowStockQuery,
      responses: {
        200: { description: 'Products, fewest in stock first', schema: { type: 'array', items: { $ref: '#/components/schemas/Product' } } },
      },
    })
    documented(router.get('/products/by-code/:code', [ProductsController, 'byCode']).use(reads()), {
      summary: 'One product by its code, in any case (codes are unique in any case)',
      tags: ['Products'],
      auth: ['read'],
      params: productCodeParams,
      responses: { 200: { description: 'The product', schema: 'Product' }, 404: catalogErrors.productCodeNotFound },
    })
    documented(router.get('/products/:id', [ProductsController, 'show']).use(reads()), {
      summary: 'One product',
      tags: ['Products'],
      auth: ['read'],
      params: productIdParams,
      responses: { 200: { description: 'The product', schema: 'Product' }, 404: catalogErrors.productNotFound },
    })
    documented(router.post('/products', [ProductsController, 'store']).use(writes()), {
      summary: 'Create a product (idempotent with an Idempotency-Key header)',
      description:
        'Without `code`, the next code of the category series is assigned (e.g. ALI006). `prix` is a number or a ' +
        'decimal string with at most two decimals. `quantite_stock` is the opening central warehouse stock (recorded ' +
        'as a receipt). The product gets a stock level at the warehouse and at every store. With an Idempotency-Key, ' +
        'a retry answers with the first product (200, Idempotent-Replayed: true) instead of creating another under ' +
        'the next code. ' + WRITE_ROLES,
      tags: ['Products'],
      auth: ['write'],
      body: createProductBody,
      bodyExample: catalogBodyExamples.createProduct,
      headers: [idempotencyKey('product')],
      responses: {
        201: { description: 'The created product', schema: 'Product', headers: location('/api/v1/products/{id}') },
        200: replayed('Replay of an earlier creation with the same Idempotency-Key', 'Product'),
        409: catalogErrors.productCreationConflict,
      },
    })
    for (const verb of ['patch', 'put'] as const) {
      documented(router[verb]('/products/:id', [ProductsController, 'patch']).as(`products.${verb}`).use(writes()), {
        summary: verb === 'patch' ? 'Change some fields of a product' : 'Change some fields of a product (the same as PATCH)',
        description:
          'Only the fields sent change; null clears description or code_barre. PUT does the same as PATCH, as in the original ' +
          'API: an integration that sends a PUT without `actif` or `description` keeps them. A product read with GET may be ' +
          'sent back whole: `id` and `quantite_stock` are accepted as they are and ignored, another value is a 422 (stock ' +
          'changes through movements). ' + WRITE_ROLES,
        tags: ['Products'],
        auth: ['write'],
        params: productIdParams,
        body: patchProductBody,
        bodyExample: catalogBodyExamples.patchProduct,
        responses: {
          200: { description: 'The product', schema: 'Product' },
          404: catalogErrors.productNotFound,
          409: catalogErrors.productDuplicate,
        },
      })
    }
    documented(router.delete('/products/:id', [ProductsController, 'destroy']).use(writes()), {
      summary: 'Delete a product that was never sold, moved or requested',
      description: 'A product with history cannot be deleted (409 RESOURCE_IN_USE): deactivate it with `actif: false`. ' + WRITE_ROLES,
      tags: ['Products'],
      auth: ['write'],
      params: productIdParams,
      responses: {
        200: { description: 'The deleted product', schema: 'Product' },
        404: catalogErrors.productNotFound,
        409: catalogErrors.productInUse,
      },
    })
    documented(router.post('/products/:id/reduce-stock', [ProductsController, 'reduceStock']).use(writes()), {
      summary: 'Remove units from the central warehouse stock',
      description:
        'Recorded in the stock ledger as an adjustment with reason "reduce-stock (API)". With an Idempotency-Key, a retry ' +
        'removes nothing again and answers with the product as it is now (Idempotent-Replayed: true). ' +
        WRITE_ROLES,
      tags: ['Products'],
      auth: ['write'],
      params: productIdParams,
      query: reduceStockQuery,
      headers: [idempotencyKey('stock reduction')],
      responses: {
        200: replayed('The product with its new warehouse quantity (or, for a replay, as it is now)', 'Product'),
        404: catalogErrors.productNotFound,
        409: catalogErrors.warehouseShort,
      },
    })

    documented(router.get('/categories', [CategoriesController, 'index']).use(reads()), {
      summary: 'List categories (paginated, searchable)',
      description: 'sort: `field,asc|desc` over id, nom. search matches name or description.',
      tags: ['Categories'],
      auth: ['read'],
      query: listCategoriesQuery,
      responses: { 200: { description: 'A page of categories', schema: pageOf('Category') } },
    })
    documented(router.get('/categories/:id', [CategoriesController, 'show']).use(reads()), {
      summary: 'One category',
      tags: ['Categories'],
      auth: ['read'],
      params: categoryIdParams,
      responses: { 200: { description: 'The category', schema: 'Category' }, 404: catalogErrors.categoryNotFound },
    })
    documented(router.post('/categories', [CategoriesController, 'store']).use(writes()), {
      summary: 'Create a category',
      description: 'Names are unique regardless of case. ' + WRITE_ROLES,
      tags: ['Categories'],
      auth: ['write'],
      body: categoryBody,
      bodyExample: catalogBodyExamples.createCategory,
      headers: [idempotencyKey('category')],
      responses: {
        201: { description: 'The created category', schema: 'Category', headers: location('/api/v1/categories/{id}') },
        200: replayed('Replay of an earlier creation with the same Idempotency-Key', 'Category'),
        409: catalogErrors.categoryCreationConflict,
      },
    })
    for (const verb of ['patch', 'put'] as const) {
      documented(router[verb]('/categories/:id', [CategoriesController, 'patch']).as(`categories.${verb}`).use(writes()), {
        summary: verb === 'patch' ? 'Change some fields of a category' : 'Change some fields of a category (the same as PATCH)',
        description:
          'Only the fields sent change; null clears the description. PUT does the same as PATCH. A category read with GET ' +
          'may be sent back whole: its own `id` is accepted and ignored, another is a 422. ' + WRITE_ROLES,
        tags: ['Categories'],
        auth: ['write'],
        params: categoryIdParams,
        body: patchCategoryBody,
        bodyExample: catalogBodyExamples.patchCategory,
        responses: {
          200: { description: 'The category', schema: 'Category' },
          404: catalogErrors.categoryNotFound,
          409: catalogErrors.categoryDuplicate,
        },
      })
    }
    documented(router.delete('/categories/:id', [CategoriesController, 'destroy']).use(writes()), {
      summary: 'Delete a category no product uses',
      description: WRITE_ROLES,
      tags: ['Categories'],
      auth: ['write'],
      params: categoryIdParams,
      responses: {
        200: { description: 'The deleted category', schema: 'Category' },
        404: catalogErrors.categoryNotFound,
        409: catalogErrors.categoryInUse,
      },
    })
  })
  .prefix('/api/v1')
