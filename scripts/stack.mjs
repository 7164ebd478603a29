#!/usr/bin/env node
/*
 * Runs the single-node stack without Docker.
 *
 *   node scripts/stack.mjs dev     API + web with reload, in the foreground (Ctrl-C stops all)
 *   node scripts/stack.mjs start   production builds in the background, waits until healthy
 *   node scripts/stack.mjs stop    stops what `start` started (and the embedded PostgreSQL)
 *   node scripts/stack.mjs status  what is running
 *   node scripts/stack.mjs db-start / db-stop   the embedded PostgreSQL alone
 *
 * The embedded PostgreSQL ($COMPTOIR_DATA_DIR/pg, default .data/pg, port PG_PORT, default 55432)
 * is used unless DATABASE_URL is set.
 */
// First: on a node older than the project's, runs this command again on node_modules/.bin/node.
import './lib/project-node.mjs'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { API_DIR, WEB_DIR, buildApi, buildWeb, prepareDatabase, removeServedBuilds, servedBuild } from './lib/app.mjs'
import { PORTS, apiEnv, databaseUrl, readCredentials, webEnv } from './lib/environment.mjs'
import { DATA, ROOT } from './lib/paths.mjs'
import { assertPortFree, daemon, pidOf, portInUse, run, stopDaemon, stopSupervised, supervise, waitForHttp } from './lib/processes.mjs'

const API_URL = `http://127.0.0.1:${PORTS.api}`
const WEB_URL = `http://127.0.0.1:${PORTS.web}`
const usesEmbeddedPg = !process.env.DATABASE_URL
const PG_DIR = join(DATA, 'pg')

function printBanner() {
  const credentials = readCredentials()
  const lines = [
    '',
    'Comptoir is running:',
    `  Web          ${WEB_URL}`,
    `  API          ${API_URL}   (docs: ${API_URL}/docs, health: ${API_URL}/health)`,
    `  Database     ${usesEmbeddedPg ? `embedded PostgreSQL on 127.0.0.1:${PORTS.pg} (${PG_DIR})` : 'DATABASE_URL'}`,
  ]
  if (credentials) {
    lines.push(`  API token    ${credentials.apiToken}`)
    for (const user of credentials.users) {
      lines.push(`  ${user.role.padEnd(8)}     ${user.username} / ${user.password}`)
    }
    lines.push(`  (all in ${join(DATA, 'dev-credentials.json')})`)
  }
  console.log(lines.join('\n') + '\n')
}

async function dev() {
  // Our own background servers hold the ports: say so, rather than "another process".
  const running = ['api', 'web'].filter((name) => pidOf(name))
  if (running.length && ((await portInUse(PORTS.api)) || (await portInUse(PORTS.web)))) {
    throw new Error(`make start is running (${running.join(', ')}) on these ports: make stop first, or choose other ports (API_PORT, WEB_PORT).`)
  }
  await assertPortFree(PORTS.api, 'API_PORT')
  await assertPortFree(PORTS.web, 'WEB_PORT')
  const url = await databaseUrl()
  await prepareDatabase(apiEnv({ mode: 'development', databaseUrl: url }))
  // Signals are handled from the first child on: the children have their own process groups
  // (stopSupervised), so a Ctrl-C while they start must be passed on by this process.
  const children = []
  let stopping = false
  const shutdown = async (exitCode = 0) => {
    if (stopping) return
    stopping = true
    console.log('\nStopping API, web' + (usesEmbeddedPg ? ' and PostgreSQL' : '') + '...')
    await stopSupervised(children.map(([, child]) => child))
    await dbStop()
    process.exit(exitCode)
  }
  process.on('SIGINT', () => shutdown())
  process.on('SIGTERM', () => shutdown())
  const superviseService = (label, ...args) => {
    const child = supervise(...args)
    child.on('exit', (code, signal) => !stopping && (console.error(`the ${label} exited (${code ?? signal})`), shutdown(1)))
    children.push([label, child])
    return child
  }

  try {
    superviseService('API', 'api', process.execPath, ['ace', 'serve', '--watch'], {
      cwd: API_DIR,
      env: apiEnv({ mode: 'development', databaseUrl: url, extra: { LOG_PRETTY: 'true' } }),
    })
    await waitForHttp(`${API_URL}/health`, 90_000, 'API')
    superviseService('web', 'web', process.execPath, ['server.js'], {
      cwd: WEB_DIR,
      env: webEnv({ mode: 'development', apiUrl: API_URL }),
    })
    await waitForHttp(`${WEB_URL}/health`, 90_000, 'web')
  } catch (error) {
    // Not healthy in time: stop what started (it has its own process group), then say why.
    stopping = true
    await stopSupervised(children.map(([, child]) => child))
    throw error
  }
  printBanner()
}

async function start() {
  if (pidOf('api') && pidOf('web')) {
    console.log('Already running.')
    printBanner()
    return
  }
  // A port held by another process stops us here, not after minutes of builds and migrations.
  if (!pidOf('api')) await assertPortFree(PORTS.api, 'API_PORT')
  if (!pidOf('web')) await assertPortFree(PORTS.web, 'WEB_PORT')
  const url = await databaseUrl()
  await buildApi()
  await buildWeb()
  await prepareDatabase(apiEnv({ mode: 'development', databaseUrl: url }))
  if (!pidOf('api')) {
    await assertPortFree(PORTS.api, 'API_PORT')
    daemon('api', process.execPath, ['bin/server.js'], {
      cwd: servedBuild(API_DIR, 'api'),
      env: apiEnv({ mode: 'production', databaseUrl: url }),
    })
  }
  await waitForHttp(`${API_URL}/health`, 60_000, 'API (see .data/run/api.log)')
  if (!pidOf('web')) {
    await assertPortFree(PORTS.web, 'WEB_PORT')
    daemon('web', process.execPath, ['server.js'], {
      cwd: WEB_DIR,
      env: webEnv({ mode: 'production', apiUrl: API_URL, extra: { WEB_BUILD_DIR: servedBuild(WEB_DIR, 'web') } }),
    })
  }
  await waitForHttp(`${WEB_URL}/health`, 60_000, 'web (see .data/run/web.log)')
  printBanner()
}

async function stop() {
  const stoppedWeb = await stopDaemon('web')
  const stoppedApi = await stopDaemon('api')
  removeServedBuilds()
  console.log(stoppedWeb || stoppedApi ? 'Stopped API and web.' : 'API and web were not running.')
  await dbStop()
}

/** `make db-start`: the same PostgreSQL (folder, port) as `make dev` and `make start` use. */
async function dbStart() {
  if (!usesEmbeddedPg) {
    console.log('DATABASE_URL is set: no embedded PostgreSQL to start.')
    return
  }
  await databaseUrl()
  console.log(`[pg] running on 127.0.0.1:${PORTS.pg} (${PG_DIR})`)
}

/** `make db-stop`: only this data folder's cluster, never another checkout's or another run's. */
async function dbStop() {
  if (!usesEmbeddedPg) return
  if (!existsSync(PG_DIR)) {
    console.log(`[pg] not running (no cluster in ${PG_DIR})`)
    return
  }
  await run(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'stop', '--dir', PG_DIR])
}

function status() {
  for (const name of ['api', 'web']) {
    const pid = pidOf(name)
    console.log(`${name.padEnd(4)} ${pid ? `running (pid ${pid})` : 'stopped'}`)
  }
}

const commands = { dev, start, stop, status, 'db-start': dbStart, 'db-stop': dbStop }
const command = commands[process.argv[2]]
if (!command) {
  console.error('usage: stack.mjs dev|start|stop|status|db-start|db-stop')
  process.exit(2)
}
try {
  await command()
} catch (error) {
  console.error(`\n${error.message}`)
  process.exit(1)
}
