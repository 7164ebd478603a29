import env from '#start/env'
import { defineConfig, destination, multistream, targets, transport } from '@adonisjs/core/logger'
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

/*
 * Production lines are written from this thread, asynchronously (a line
 * written while the previous write is in flight joins the next one), and
 * pino flushes what is pending at exit. A transport with several targets
 * would send every line to a worker thread that parses it again to route
 * it: a sixth of a core at 10,000 requests/s, on a machine whose other
 * core runs the clients. Only the rotated files keep a worker (pino-roll
 * renames files as it goes); it receives the lines as written, unparsed.
 *
 * Lines are gathered into writes of about 8 KB, sent at least once a
 * second: writing as soon as the previous write returned still cost 4 % of
 * a cached read's CPU, plus a syscall on libuv's pool competing for the
 * same cores. Only a SIGKILL can lose the last second.
 */
const STDOUT_BATCH_BYTES = 8 * 1024
const STDOUT_FLUSH_MS = 1000

function batchedStdout() {
  const stdout = destination({ dest: 1, sync: false, minLength: STDOUT_BATCH_BYTES })
  const timer = setInterval(() => stdout.flush(), STDOUT_FLUSH_MS).unref()
  stdout.once('close', () => clearInterval(timer))
  return stdout
}

function productionDestination() {
  const stdout = batchedStdout()
  if (!logDir) return stdout
  const files = transport({
    target: 'pino-roll',
    options: rollOptions({
      dir: logDir,
      service: 'api',
      instance: instanceId,
      size: env.get('LOG_ROTATE_SIZE', '10m'),
      frequency: env.get('LOG_ROTATE_FREQUENCY', 'daily'),
      keep: env.get('LOG_ROTATE_KEEP', 7),
    }),
  })
  return multistream([
    { stream: stdout, level },
    { stream: files, level },
  ])
}

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'comptoir-api',
      level,
      base: { instance: instanceId },
      ...(pretty ? { transport: { targets: targets().push(targets.pretty({}, level)).toArray() } } : { destination: productionDestination() }),
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
