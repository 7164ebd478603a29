#!/usr/bin/env node
/*
 * The load-balanced topology without Docker (docs/load-balancer.md).
 *
 *   node scripts/lb.mjs start    `make lb`: nginx :8080 over API :3341-3343, web :3100, Redis :6381,
 *                                Prometheus :9091, PostgreSQL :55434 (all under .data/lb/); waits until healthy
 *   node scripts/lb.mjs stop     `make lb-stop`: stops everything `start` started
 *   node scripts/lb.mjs status   `make lb-status`: each process with its pid, port and health
 *   node scripts/lb.mjs database-url   its PostgreSQL's URL, for a command to use it:
 *                                DATABASE_URL=$(node scripts/lb.mjs database-url) make stock-verify
 *
 * `start` is safe to run twice: it starts only what is not running.
 */
// First: on a node older than the project's, runs this command again on node_modules/.bin/node.
import './lib/project-node.mjs'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildApi, buildWeb, prepareDatabase, removeServedBuilds } from './lib/app.mjs'
import { databaseUrl as startEmbeddedPostgres } from './lib/environment.mjs'
import {
  aceEnv, apiName, assertPortOurs, credentialsFile, currentSettings, lbDatabaseUrl, lbRedisUrl, nginxUrl, pgDir, prometheusTargets, redisDir,
  redisPid, redisPidFile, runDirOf, saveSettings, services, settingsFromEnv, startApiInstance, startNginxInstance,
  startPrometheusInstance, startWebInstance,
} from './lib/lb.mjs'
import { ROOT } from './lib/paths.mjs'
import { run, stopDaemon, waitForHttp } from './lib/processes.mjs'
import { startRedis, stopRedis } from './lib/redis.mjs'

const log = (message) => console.log(`[lb] ${message}`)

async function start() {
  const settings = settingsFromEnv()
  mkdirSync(runDirOf(settings), { recursive: true })
  const previous = currentSettings()
  if (JSON.stringify(previous) !== JSON.stringify(settings) && services(previous).some((s) => s.pid())) {
    throw new Error('make lb already runs with other ports or servers (.data/lb/lb.json): make lb-stop first')
  }
  const byName = Object.fromEntries(services(settings).map((s) => [s.name, s]))
  // Before anything starts: a port held by someone else stops us here, not halfway.
  for (const service of Object.values(byName)) await assertPortOurs(service)
  saveSettings(settings)

  log('system packages (nginx, redis-server, prometheus)...')
  // Only what this topology runs: not chromium nor docker-compose, which only the tests need.
  await run('bash', [join(ROOT, 'scripts', 'system-deps.sh'), 'nginx', 'redis-server', 'promtool'])
  await buildApi()
  await buildWeb()

  let databaseUrl = settings.databaseUrl
  if (!databaseUrl) {
    log(`PostgreSQL on 127.0.0.1:${settings.ports.pg} (${pgDir(settings)})`)
    databaseUrl = await startEmbeddedPostgres({ dir: pgDir(settings), port: settings.ports.pg, db: 'comptoir' })
  }
  const redisUrl = lbRedisUrl(settings)
  if (!settings.redisUrl && !byName.redis.pid()) {
    log(`Redis on 127.0.0.1:${settings.ports.redis}`)
    await startRedis(settings.ports.redis, 'redis', { dir: redisDir(settings) })
  }
  log('migrations and seed...')
  await prepareDatabase(aceEnv(settings, databaseUrl))

  const starting = []
  for (const [index, port] of settings.ports.api.entries()) {
    const service = byName[apiName(index)]
    if (service.pid()) continue
    log(`${service.name} on 127.0.0.1:${port}`)
    startApiInstance(settings, index, { databaseUrl, redisUrl })
    starting.push(service)
  }
  if (!byName.web.pid()) {
    log(`web on 127.0.0.1:${settings.ports.web}`)
    startWebInstance(settings)
    starting.push(byName.web)
  }
  await waitHealthy(starting, settings)
  if (!byName.nginx.pid()) {
    log(`nginx on 127.0.0.1:${settings.ports.nginx}`)
    startNginxInstance(settings)
    await waitHealthy([byName.nginx], settings)
  }
  if (!byName.prometheus.pid()) {
    log(`Prometheus on 127.0.0.1:${settings.ports.prometheus}`)
    startPrometheusInstance(settings)
    await waitHealthy([byName.prometheus], settings)
  }
  log('waiting for Prometheus to scrape every target...')
  const { allUp, targets } = await prometheusTargets(settings, 40_000)
  if (!allUp) log(`not every target is up yet: ${targets.map((t) => `${t.instance} ${t.health}`).join(', ')}`)
  await printBanner(settings)
}

async function waitHealthy(list, settings) {
  await Promise.all(list.map((s) => waitForHttp(s.url, 90_000, `${s.name} (see ${join(runDirOf(settings), `${s.name}.log`)})`)))
}

async function printBanner(settings) {
  const { ports } = settings
  const lines = [
    '',
    'Load-balanced Comptoir is running:',
    `  Entry point  ${nginxUrl(settings)}   (web app, /api/v1, /docs, /health through nginx)`,
    `  API          ${ports.api.map((p) => `http://127.0.0.1:${p}`).join('  ')}   (one per instance, /metrics on each)`,
    `  Web          http://127.0.0.1:${ports.web}`,
    `  Prometheus   http://127.0.0.1:${ports.prometheus}   (targets: /targets, alerts: /alerts)`,
    `  Credentials  ${credentialsFile(settings)}`,
    `  Logs         ${runDirOf(settings)}/*.log, nginx access log ${join(settings.dir, 'nginx', 'access.log')}`,
    '',
    `Try: curl -s -D - -o /dev/null ${nginxUrl(settings)}/health | grep -i x-instance-id   (repeat: the instance changes)`,
    `     make bench SCENARIO=read-mix TARGET=${nginxUrl(settings)}`,
    '',
  ]
  console.log(lines.join('\n'))
  await status(settings)
}

async function stop() {
  const settings = currentSettings()
  const runDir = runDirOf(settings)
  // The entry point first, so nothing reaches an instance while it stops.
  for (const name of ['nginx', 'prometheus', 'web', ...settings.ports.api.map((_, i) => apiName(i))]) {
    if (await stopDaemon(name, { runDir })) log(`stopped ${name}`)
  }
  if (!settings.redisUrl && redisPid(settings)) {
    await stopRedis(redisPidFile(settings))
    log('stopped redis')
  }
  removeServedBuilds(runDir)
  if (!settings.databaseUrl) await run(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'stop', '--dir', pgDir(settings)])
}

async function status(settings = currentSettings()) {
  const rows = [['service', 'pid', 'port', 'health']]
  for (const service of services(settings)) {
    const pid = service.pid()
    rows.push([service.name, pid ? String(pid) : '-', String(service.port), pid ? await service.health() : 'stopped'])
  }
  if (settings.databaseUrl) rows.push(['postgres', '-', '-', 'DATABASE_URL (not managed here)'])
  if (settings.redisUrl) rows.push(['redis', '-', '-', 'REDIS_URL (not managed here)'])
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  for (const row of rows) console.log('  ' + row.map((cell, i) => cell.padEnd(widths[i])).join('  '))
  const { targets } = await prometheusTargets(settings)
  if (targets.length) console.log(`\n  Prometheus targets: ${targets.map((t) => `${t.instance} ${t.health}`).join(', ')}`)
}

function printDatabaseUrl(settings = currentSettings()) {
  if (!settings.databaseUrl && !existsSync(pgDir(settings))) throw new Error(`no database under ${pgDir(settings)}: run make lb first`)
  console.log(lbDatabaseUrl(settings))
}

const commands = { start, stop, status: () => status(), 'database-url': () => printDatabaseUrl() }
const command = Object.hasOwn(commands, process.argv[2] ?? '') ? commands[process.argv[2]] : null
if (!command) {
  console.error('usage: lb.mjs start|stop|status|database-url')
  process.exit(2)
}
try {
  await command()
} catch (error) {
  console.error(`\n[lb] ${error.message}`)
  process.exit(1)
}
