import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documented } from '#core/openapi/registry'
import { pageOf } from '#core/openapi/schemas'
import { listStoresQuery, storeIdParams } from '#stores/validators/store_validators'

const StoresController = () => import('#stores/controllers/stores_controller')

router
  .group(() => {
    documented(router.get('/stores', [StoresController, 'index']), {
      summary: 'List stores (paginated, searchable)',
      description: 'sort: `field,asc|desc` over id, nom. search matches name, address or e-mail.',
      tags: ['Stores'],
      auth: ['read'],
      query: listStoresQuery,
      responses: { 200: { description: 'A page of stores', schema: pageOf('Store') } },
    })
    documented(router.get('/stores/:id', [StoresController, 'show']), {
      summary: 'One store',
      tags: ['Stores'],
      auth: ['read'],
      params: storeIdParams,
      responses: {
        200: { description: 'The store', schema: 'Store' },
        404: { description: 'No store with this id', schema: 'ErrorEnvelope' },
      },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['read'] }))
