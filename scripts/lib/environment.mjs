/*
 * The environment every service gets, computed in one place: secrets are
 * generated on first use into .data/ (git-ignored), the database is the
 * embedded PostgreSQL unless DATABASE_URL is set, Redis only if REDIS_URL is.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA, ROOT } from './paths.mjs'
import { run } from './processes.mjs'

export const PORTS = {
  api: Number(process.env.API_PORT ?? 3333),
  web: Number(process.env.WEB_PORT ?? 3000),
  pg: Number(process.env.PG_PORT ?? 55432),
}

function persistentSecret(name) {
  mkdirSync(DATA, { recursive: true })
  const file = join(DATA, name)
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

export const appKey = () => process.env.APP_KEY ?? persistentSecret('app-key')
export const sessionSecret = () => process.env.SESSION_SECRET ?? persistentSecret('session-secret')

/** Starts the embedded PostgreSQL when needed and returns the database URL to use. */
export async function databaseUrl({ dir = join(DATA, 'pg'), port = PORTS.pg, db = 'comptoir', fast = false } = {}) {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  const args = [join(ROOT, 'scripts', 'pg.mjs'), 'start', '--dir', dir, '--port', String(port), '--db', db]
  if (fast) args.push('--fast')
  await run(process.execPath, args)
  const { execFileSync } = await import('node:child_process')
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'url', '--dir', dir, '--port', String(port), '--db', db])
    .toString()
    .trim()
}

export function readCredentials() {
  const file = join(DATA, 'dev-credentials.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

export function apiEnv({ mode, databaseUrl: url, port = PORTS.api, instanceId, extra = {} }) {
  return {
    ...process.env,
    NODE_ENV: mode,
    PORT: String(port),
    HOST: process.env.HOST ?? '127.0.0.1',
    APP_KEY: appKey(),
    DATABASE_URL: url,
    INSTANCE_ID: instanceId ?? `api-${port}`,
    API_BASE_URL: `http://127.0.0.1:${port}`,
    WEB_BASE_URL: `http://127.0.0.1:${PORTS.web}`,
    ...extra,
  }
}

export function webEnv({ mode, apiUrl, port = PORTS.web, extra = {} }) {
  return {
    ...process.env,
    NODE_ENV: mode,
    PORT: String(port),
    HOST: process.env.HOST ?? '127.0.0.1',
    API_URL: apiUrl,
    // No API token here: the web app calls the API with each signed-in user's own session token.
    SESSION_SECRET: sessionSecret(),
    INSTANCE_ID: `web-${port}`,
    ...extra,
  }
}
