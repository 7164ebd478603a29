/*
 * HTTP kernel: the error handler and the middleware stacks.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/exceptions/handler'))

/* Runs on every request, matched or not (so 404s carry the same headers). */
server.use([() => import('#core/middleware/request_context_middleware')])

router.use([
  () => import('#core/middleware/json_body_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
])

export const middleware = router.named({
  auth: () => import('#access/middleware/auth_middleware'),
})
