/*
 * Steps shared by `make dev`, `make start`, `make test` and the benchmarks:
 * building the apps and bringing a database to the current schema with
 * the reference and development data.
 */
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './paths.mjs'
import { run } from './processes.mjs'

export const API_DIR = join(ROOT, 'api')
export const WEB_DIR = join(ROOT, 'web')

/** Newest modification time under the given folders (to skip builds that are up to date). */
function newestMtime(paths) {
  let newest = 0
  const visit = (path) => {
    if (!existsSync(path)) return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry === 'build' || entry.startsWith('.')) continue
        visit(join(path, entry))
      }
    } else newest = Math.max(newest, stat.mtimeMs)
  }
  paths.forEach(visit)
  return newest
}

function isStale(output, sources) {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime(sources)
}

export async function buildApi() {
  const sources = ['app', 'bin', 'config', 'database', 'start', 'commands', 'adonisrc.ts', 'package.json'].map((p) => join(API_DIR, p))
  if (!isStale(join(API_DIR, 'build', 'bin', 'server.js'), sources)) return
  console.log('[build] API production build...')
  await run(process.execPath, ['ace', 'build'], { cwd: API_DIR })
}

export async function buildWeb() {
  const sources = ['app', 'public', 'vite.config.ts', 'package.json'].map((p) => join(WEB_DIR, p))
  if (!isStale(join(WEB_DIR, 'build', 'server', 'index.js'), sources)) return
  console.log('[build] web production build...')
  await run('npm', ['run', 'build'], { cwd: WEB_DIR })
}

/** Migrates, then seeds (the seeders are idempotent, so this is safe on a live database). */
export async function prepareDatabase(env) {
  await run(process.execPath, ['ace', 'migration:run', '--force'], { cwd: API_DIR, env })
  await run(process.execPath, ['ace', 'db:seed'], { cwd: API_DIR, env })
}
