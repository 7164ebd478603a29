import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documented } from '#core/openapi/registry'
import { pageOf } from '#core/openapi/schemas'
import { listProductsQuery, productIdParams } from '#catalog/validators/product_validators'

const ProductsController = () => import('#catalog/controllers/products_controller')

router
  .group(() => {
    documented(router.get('/products', [ProductsController, 'index']), {
      summary: 'List products (paginated, searchable, filterable)',
      description:
        'sort: `field,asc|desc` over id, code, nom, prix, categorie_id. search matches name, code, description or the exact barcode. ' +
        'categorie_id, prix_min, prix_max and limit are the filters the original README documented.',
      tags: ['Products'],
      auth: ['read'],
      query: listProductsQuery,
      responses: { 200: { description: 'A page of products', schema: pageOf('Product') } },
    })
    documented(router.get('/products/:id', [ProductsController, 'show']), {
      summary: 'One product',
      tags: ['Products'],
      auth: ['read'],
      params: productIdParams,
      responses: {
        200: { description: 'The product', schema: 'Product' },
        404: { description: 'No product with this id', schema: 'ErrorEnvelope' },
      },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['read'] }))
