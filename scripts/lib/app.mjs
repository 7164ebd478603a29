/*
 * Steps shared by `make dev`, `make start`, `make test` and the benchmarks:
 * building the apps and bringing a database to the current schema with
 * the reference and development data.
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ROOT, RUN } from './paths.mjs'
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

/**
 * The folder a server runs from: a copy of its app's build, made as it starts. The API imports
 * its controllers lazily and the web app serves the hashed assets its pages name, so a rebuild
 * (`make test`, `make build`) under a running server used to break it; a copy stays as it was.
 * One copy per daemon (its run folder and name), replaced when that daemon starts again.
 */
export function servedBuild(appDir, name, runDir = RUN) {
  const dir = join(appDir, '.served', `${name}-${servedKey(runDir)}`)
  rmSync(dir, { recursive: true, force: true })
  cpSync(join(appDir, 'build'), dir, { recursive: true })
  return dir
}

/** Removes the copies servedBuild made for the daemons of one run folder (they must be stopped). */
export function removeServedBuilds(runDir = RUN, appDirs = [API_DIR, WEB_DIR]) {
  const suffix = `-${servedKey(runDir)}`
  for (const appDir of appDirs) {
    const served = join(appDir, '.served')
    if (!existsSync(served)) continue
    for (const entry of readdirSync(served)) {
      if (entry.endsWith(suffix)) rmSync(join(served, entry), { recursive: true, force: true })
    }
  }
}

const servedKey = (runDir) => createHash('sha256').update(resolve(runDir)).digest('hex').slice(0, 10)

/** Migrates, then seeds (the seeders are idempotent, so this is safe on a live database). */
export async function prepareDatabase(env) {
  await run(process.execPath, ['ace', 'migration:run', '--force'], { cwd: API_DIR, env })
  await run(process.execPath, ['ace', 'db:seed'], { cwd: API_DIR, env })
}
