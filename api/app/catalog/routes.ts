import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ProductsController = () => import('#catalog/controllers/products_controller')

router
  .group(() => {
    router.get('/products', [ProductsController, 'index'])
    router.get('/products/:id', [ProductsController, 'show'])
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['read'] }))
