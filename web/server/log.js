// @ts-check
import { once } from 'node:events'
import { join, resolve } from 'node:path'
import roll from 'pino-roll'

/**
 * Where app/lib/log.server.ts finds the server's log: the Remix bundle cannot
 * import this module (it would get a copy of its own, writing the same files
 * with its own rotation counters).
 */
export const LOG_SINK = Symbol.for('comptoir.web.log')

/** @param {string} instance */
function fileSafe(instance) {
  return instance.replace(/[^A-Za-z0-9._-]+/g, '-')
}

/**
 * @typedef {Record<string, unknown>} Fields
 * @typedef {{ info: (msg: string, fields?: Fields) => void, error: (msg: string, fields?: Fields) => void, close: () => Promise<void> }} Log
 */

/**
 * The web server's log: one JSON object per line on stdout and, with LOG_DIR,
 * the same lines in rotated files $LOG_DIR/web-<instance>.<n>.log (pino-roll,
 * with the API's settings and naming). Every line says which instance wrote it.
 * @param {{ instance: string, file: import('../app/lib/env.server.ts').LogFileSettings | null, stdout?: { write: (line: string) => unknown } }} options
 * @returns {Promise<Log>}
 */
export async function createLog({ instance, file, stdout = process.stdout }) {
  const stream = file
    ? await roll({
        file: join(resolve(file.dir), `web-${fileSafe(instance)}`),
        extension: '.log',
        size: file.size,
        frequency: file.frequency,
        mkdir: true,
        // Files left by earlier runs of this instance count too, so restarts do not pile them up.
        limit: { count: file.keep, removeOtherLogFiles: true },
      })
    : null

  /** @param {'info' | 'error'} level @param {string} msg @param {Fields} fields */
  const write = (level, msg, fields) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, instance, ...fields }) + '\n'
    stdout.write(line)
    stream?.write(line)
  }
  /** @type {Log} */
  const log = {
    info: (msg, fields = {}) => write('info', msg, fields),
    error: (msg, fields = {}) => write('error', msg, fields),
    // Resolves once buffered lines are on disk, so a stopping server loses none.
    close: async () => {
      if (!stream) return
      const closed = once(stream, 'close')
      stream.end()
      await closed
    },
  }
  Reflect.set(globalThis, LOG_SINK, log)
  return log
}
