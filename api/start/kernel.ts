/*
 * HTTP kernel: the error handler and the middleware stacks.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/exceptions/handler'))

/* Runs on every request, matched or not (so 404s carry the same headers). */
server.use([() => import('#core/middleware/request_context_middleware')])

/* The API reads JSON bodies only, with its own reader (no generic body parser): see the middleware. */
router.use([() => import('#core/middleware/json_body_middleware')])

export const middleware = router.named({
  auth: () => import('#access/middleware/auth_middleware'),
})
