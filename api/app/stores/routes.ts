import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const StoresController = () => import('#stores/controllers/stores_controller')

router
  .group(() => {
    router.get('/stores', [StoresController, 'index'])
    router.get('/stores/:id', [StoresController, 'show'])
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['read'] }))
