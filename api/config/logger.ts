import env from '#start/env'
import { defineConfig, targets } from '@adonisjs/core/logger'
import { instanceId } from '#core/instance'
import { rollOptions } from '#core/log_files'

/*
 * JSON lines to stdout everywhere; pretty output only while developing, when
 * a developer asks for it (LOG_PRETTY=true, set by `make dev`): pino-pretty is
 * a dev dependency, and production logs are for machines. With LOG_DIR the
 * same JSON lines also go to rotated files.
 */
const level = env.get('LOG_LEVEL', 'info')
const pretty = env.get('LOG_PRETTY', false) && env.get('NODE_ENV') === 'development'
const logDir = env.get('LOG_DIR')

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'comptoir-api',
      level,
      base: { instance: instanceId },
      transport: {
        targets: targets()
          .pushIf(pretty, targets.pretty({}, level))
          .pushIf(!pretty, targets.file({ destination: 1 }, level))
          .pushIf(Boolean(logDir), {
            target: 'pino-roll',
            level,
            options: rollOptions({
              dir: logDir ?? '',
              service: 'api',
              instance: instanceId,
              size: env.get('LOG_ROTATE_SIZE', '10m'),
              frequency: env.get('LOG_ROTATE_FREQUENCY', 'daily'),
              keep: env.get('LOG_ROTATE_KEEP', 7),
            }),
          })
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
