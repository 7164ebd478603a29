// The web server's configuration, read from the environment in one place.
// scripts/lib/environment.mjs (webEnv) computes these for make dev/start/test.

export interface WebConfig {
  /** Where the API listens (server-to-server; the browser never calls it). */
  apiUrl: string
  /** Signs the session cookie and, through a derived key, encrypts the API token in it. */
  sessionSecret: string
  /** Secure cookies: on in production unless COOKIE_SECURE=false (plain-HTTP test rigs). */
  cookieSecure: boolean
  apiTimeoutMs: number
}

let cached: WebConfig | undefined

export function webConfig(): WebConfig {
  if (cached) return cached
  const sessionSecret = process.env.SESSION_SECRET ?? ''
  if (sessionSecret.length < 32) {
    throw new Error('SESSION_SECRET must be set to at least 32 random characters (make dev/start generate one).')
  }
  const isProduction = process.env.NODE_ENV === 'production'
  const secureSetting = process.env.COOKIE_SECURE
  cached = {
    apiUrl: (process.env.API_URL || 'http://127.0.0.1:3333').replace(/\/+$/, ''),
    sessionSecret,
    cookieSecure: secureSetting === undefined || secureSetting === '' ? isProduction : secureSetting !== 'false',
    apiTimeoutMs: Number(process.env.API_TIMEOUT_MS ?? 8_000),
  }
  return cached
}

export interface LogFileSettings {
  /** Files are $LOG_DIR/web-<instance>.<n>.log. */
  dir: string
  /** Rotate when the file reaches this size (pino-roll syntax: 500k, 10m, 1g). */
  size: string
  /** Rotate at least this often. */
  frequency: 'daily' | 'hourly'
  /** Rotated files kept besides the current one. */
  keep: number
}

/**
 * Optional copy of the JSON log lines in rotated files, read by server.js at
 * start: the same variables and rules as the API's (api/start/env.ts), and
 * the same refusal to start on a bad value. Null when LOG_DIR is unset.
 */
export function logFileSettings(env: Record<string, string | undefined> = process.env): LogFileSettings | null {
  const size = env.LOG_ROTATE_SIZE || '10m'
  if (!/^\d+(\.\d+)?[bkmg]?$/i.test(size)) {
    throw new Error(`LOG_ROTATE_SIZE must be a size such as 500k, 10m or 1g (got "${size}")`)
  }
  const frequency = env.LOG_ROTATE_FREQUENCY || 'daily'
  if (frequency !== 'daily' && frequency !== 'hourly') {
    throw new Error(`LOG_ROTATE_FREQUENCY must be daily or hourly (got "${frequency}")`)
  }
  const keep = env.LOG_ROTATE_KEEP || '7'
  if (!/^\d{1,4}$/.test(keep) || Number(keep) < 1) {
    throw new Error(`LOG_ROTATE_KEEP must be a whole number of files, at least 1 (got "${keep}")`)
  }
  return env.LOG_DIR ? { dir: env.LOG_DIR, size, frequency, keep: Number(keep) } : null
}
