import env from '#start/env'
import { defineConfig, targets } from '@adonisjs/core/logger'
import { instanceId } from '#core/instance'

/*
 * JSON lines to stdout everywhere; pretty output only when a developer asks
 * for it (LOG_PRETTY=true, set by `make dev`).
 */
const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'comptoir-api',
      level: env.get('LOG_LEVEL', 'info'),
      base: { instance: instanceId },
      transport: {
        targets: targets()
          .pushIf(env.get('LOG_PRETTY', false), targets.pretty())
          .pushIf(!env.get('LOG_PRETTY', false), targets.file({ destination: 1 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
