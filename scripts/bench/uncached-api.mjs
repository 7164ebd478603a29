/*
 * For SCENARIO=cache-effect without TARGET_UNCACHED: a second API process,
 * from the production build `make start` made, on the same database but
 * with CACHE_ENABLED=false, so the two differ by the cache only. Stopped
 * (SIGTERM, then SIGKILL) when the comparison ends.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { API_DIR, servedBuild } from '../lib/app.mjs'
import { apiEnv } from '../lib/environment.mjs'
import { DATA, ROOT } from '../lib/paths.mjs'
import { assertPortFree, waitForHttp } from '../lib/processes.mjs'

/** The database `make start` uses: DATABASE_URL, or the embedded PostgreSQL's (already running). */
function stackDatabaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'url', '--dir', join(DATA, 'pg')]).toString().trim()
}

export async function startUncachedApi(port) {
  const server = join(API_DIR, 'build', 'bin', 'server.js')
  if (!existsSync(server)) throw new Error('No API production build (api/build): run `make start` first')
  await assertPortFree(port, 'UNCACHED_PORT')
  const env = apiEnv({
    mode: 'production',
    databaseUrl: stackDatabaseUrl(),
    port,
    instanceId: `api-uncached-${port}`,
    // Same logging as the stack's API (a line per request), so only the cache differs.
    extra: { CACHE_ENABLED: 'false' },
  })
  const cwd = servedBuild(API_DIR, `api-uncached-${port}`)
  const child = spawn(process.execPath, ['bin/server.js'], { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const url = `http://127.0.0.1:${port}`
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
  try {
    await waitForHttp(`${url}/health`, 60_000, `uncached API on ${url}`)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}
