/*
 * HTTP server entrypoint (`node bin/server.js` after a build, or through
 * `node ace serve` in development).
 */
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { APP_ROOT, importer } from './importer.js'

/*
 * Imported once the environment is loaded: the server answers parser errors in the error envelope,
 * and repeated reads from the answer memo (ADR 0028).
 */
let createApiServer: typeof import('#core/exceptions/outside_pipeline').createApiServer
let answerFromMemo: typeof import('#core/answer_memo').answerFromMemo

new Ignitor(APP_ROOT, { importer })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.booted(async () => {
      createApiServer = (await import('#core/exceptions/outside_pipeline')).createApiServer
      answerFromMemo = (await import('#core/answer_memo')).answerFromMemo
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .httpServer()
  .start((handler) => createApiServer(handler, answerFromMemo))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
