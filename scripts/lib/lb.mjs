/*
 * The load-balanced topology without Docker (`make lb`): one PostgreSQL (embedded unless
 * DATABASE_URL is set), one Redis, three API instances from the production build, the web app,
 * Debian nginx in front of them and Debian Prometheus scraping each instance. Everything it
 * starts keeps its data, logs and pid under .data/lb/ (LB_DATA_DIR), never the dev stack's.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { execFileSync, spawnSync } from 'node:child_process'
import { API_DIR, WEB_DIR, servedBuild } from './app.mjs'
import { apiEnv, webEnv } from './environment.mjs'
import { startNginx } from './nginx.mjs'
import { DATA, ROOT } from './paths.mjs'
import { daemon, fetchRefusesPort, isAlive, pidOf, portInUse, sleep } from './processes.mjs'
import { startPrometheus } from './prometheus.mjs'

const HOST = '127.0.0.1'

/** Ports and folders, from the environment (documented in docs/load-balancer.md). */
export function settingsFromEnv(env = process.env) {
  const number = (name, fallback) => Number(env[name] ?? fallback)
  const dir = resolve(env.LB_DATA_DIR ?? join(DATA, 'lb'))
  return {
    dir,
    ports: {
      nginx: number('LB_PORT', 8080),
      nginxStatus: number('LB_STATUS_PORT', 8081),
      api: (env.LB_API_PORTS ?? '3341,3342,3343').split(',').map((port) => Number(port.trim())),
      web: number('LB_WEB_PORT', 3100),
      redis: number('LB_REDIS_PORT', 6381),
      prometheus: number('LB_PROMETHEUS_PORT', 9091),
      pg: number('LB_PG_PORT', 55434),
    },
    // Set: use that server instead of starting one.
    databaseUrl: env.DATABASE_URL || null,
    redisUrl: env.REDIS_URL || null,
  }
}

const stateFile = (dir) => join(dir, 'lb.json')

/** What `make lb` last started with (so lb-stop and lb-status need no variables), else the environment's. */
export function currentSettings(env = process.env) {
  const fromEnv = settingsFromEnv(env)
  const file = stateFile(fromEnv.dir)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : fromEnv
}

export function saveSettings(settings) {
  writeFileSync(stateFile(settings.dir), JSON.stringify(settings, null, 2) + '\n')
}

export const runDirOf = (settings) => join(settings.dir, 'run')
export const nginxUrl = (settings) => `http://${HOST}:${settings.ports.nginx}`
export const credentialsFile = (settings) => join(settings.dir, 'dev-credentials.json')
export const pgDir = (settings) => join(settings.dir, 'pg')
export const redisDir = (settings) => join(settings.dir, 'redis')
export const apiName = (index) => `api-${index + 1}`
export const lbRedisUrl = (settings) => settings.redisUrl ?? `redis://${HOST}:${settings.ports.redis}`

/** The database URL of a started topology (the embedded server's password is in its folder). */
export function lbDatabaseUrl(settings) {
  if (settings.databaseUrl) return settings.databaseUrl
  const args = ['url', '--dir', pgDir(settings), '--port', String(settings.ports.pg), '--db', 'comptoir']
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), ...args]).toString().trim()
}

/** Where an API instance of this topology keeps credentials and which URLs it advertises. */
function instanceExtra(settings, redisUrl) {
  return {
    REDIS_URL: redisUrl ?? '',
    // Credentials of this database go to .data/lb/, never over the dev stack's file.
    COMPTOIR_DATA_DIR: settings.dir,
    API_BASE_URL: nginxUrl(settings),
    WEB_BASE_URL: `http://${HOST}:${settings.ports.web}`,
  }
}

/**
 * The environment for ace commands (migrations, seed, bench:prepare) against this topology's
 * database. No Redis: they need no cache, and an ace command connected to Redis sometimes dies
 * on an unhandled "Connection is closed" while it exits.
 */
export function aceEnv(settings, databaseUrl) {
  return apiEnv({ mode: 'development', databaseUrl, extra: instanceExtra(settings, null) })
}

/** Starts one API instance from the production build, named like its INSTANCE_ID (api-1…). */
export function startApiInstance(settings, index, { databaseUrl, redisUrl }) {
  const port = settings.ports.api[index]
  return daemon(apiName(index), process.execPath, ['bin/server.js'], {
    cwd: servedBuild(API_DIR, apiName(index), runDirOf(settings)),
    runDir: runDirOf(settings),
    env: apiEnv({ mode: 'production', databaseUrl, port, instanceId: apiName(index), extra: instanceExtra(settings, redisUrl) }),
  })
}

export function startWebInstance(settings) {
  return daemon('web', process.execPath, ['server.js'], {
    cwd: WEB_DIR,
    runDir: runDirOf(settings),
    // The web app reaches the API through nginx, like a browser-facing deployment would.
    env: webEnv({
      mode: 'production',
      apiUrl: nginxUrl(settings),
      port: settings.ports.web,
      extra: { INSTANCE_ID: 'web', WEB_BUILD_DIR: servedBuild(WEB_DIR, 'web', runDirOf(settings)) },
    }),
  })
}

export function startNginxInstance(settings) {
  const { ports } = settings
  return startNginx({
    dir: join(settings.dir, 'nginx'),
    runDir: runDirOf(settings),
    api: ports.api.map((port) => `${HOST}:${port}`),
    web: `${HOST}:${ports.web}`,
    listen: `${HOST}:${ports.nginx}`,
    status: `${HOST}:${ports.nginxStatus}`,
  })
}

export function startPrometheusInstance(settings) {
  const { ports } = settings
  return startPrometheus({
    dir: join(settings.dir, 'prometheus'),
    runDir: runDirOf(settings),
    listen: `${HOST}:${ports.prometheus}`,
    targets: { api: ports.api.map((port) => `${HOST}:${port}`), web: `${HOST}:${ports.web}`, prometheus: `${HOST}:${ports.prometheus}` },
  })
}

/** Every service of the topology, in start order, with how to find its pid and check its health. */
export function services(settings) {
  const { ports } = settings
  const http = (port, path) => `http://${HOST}:${port}${path}`
  const list = []
  if (!settings.databaseUrl) list.push({ name: 'postgres', port: ports.pg, pid: () => postgresPid(settings), health: () => pgReady(settings) })
  if (!settings.redisUrl) list.push({ name: 'redis', port: ports.redis, pid: () => redisPid(settings), health: () => redisReady(ports.redis) })
  ports.api.forEach((port, index) => list.push({ name: apiName(index), port, url: http(port, '/health') }))
  list.push({ name: 'web', port: ports.web, url: http(ports.web, '/health') })
  // nginx also binds its stub_status port: held by another process, nginx would not start.
  list.push({ name: 'nginx', port: ports.nginx, alsoBinds: [ports.nginxStatus], url: http(ports.nginx, '/health') })
  list.push({ name: 'prometheus', port: ports.prometheus, url: http(ports.prometheus, '/-/ready') })
  for (const service of list) {
    service.pid ??= () => pidOf(service.name, runDirOf(settings))
    service.health ??= () => httpHealth(service.url)
  }
  return list
}

/**
 * The pid in a pid file its program wrote, when that program still runs under it: a file left
 * by a crash or a reboot may name a pid that now belongs to another process (`make lb` would
 * then skip starting Redis, and `make lb-stop` signal a stranger), so the command name must match.
 */
function readPid(file, command) {
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0])
  if (!(pid > 0) || !isAlive(pid)) return null
  try {
    if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith(command)) return null
  } catch {}
  return pid
}

export const postgresPid = (settings) => readPid(join(pgDir(settings), 'postmaster.pid'), 'postgres')
export const redisPidFile = (settings) => join(redisDir(settings), 'redis.pid')
export const redisPid = (settings) => readPid(redisPidFile(settings), 'redis-server')

function pgReady(settings) {
  const status = spawnSync(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'status', '--dir', pgDir(settings)], { encoding: 'utf8' })
  return Promise.resolve(status.status === 0 ? 'accepting connections' : 'down')
}

function redisReady(port) {
  const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', timeout: 2000 })
  return Promise.resolve(ping.stdout?.includes('PONG') ? 'PONG' : 'down')
}

async function httpHealth(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    const body = await response.text()
    let status = ''
    try {
      status = JSON.parse(body).status ?? ''
    } catch {}
    return `HTTP ${response.status}${status ? ` ${status}` : ''}`
  } catch (error) {
    return `down (${error.cause?.code ?? error.message})`
  }
}

/**
 * Refuses a port that something other than our own service holds: it would answer in its place,
 * or (a port the service also binds, like nginx's stub_status) keep the service from starting.
 */
const PORT_VARIABLES = { postgres: 'LB_PG_PORT', redis: 'LB_REDIS_PORT', web: 'LB_WEB_PORT', nginx: 'LB_PORT', prometheus: 'LB_PROMETHEUS_PORT' }

/** The variable of `make lb` that moves this port of the service. */
function portVariable(service, port) {
  if (service.alsoBinds?.includes(port)) return 'LB_STATUS_PORT'
  return PORT_VARIABLES[service.name] ?? 'LB_API_PORTS'
}

export async function assertPortOurs(service) {
  if (service.pid()) return
  for (const port of [service.port, ...(service.alsoBinds ?? [])]) {
    const move = `make lb ${portVariable(service, port)}=… (docs/load-balancer.md)`
    if (await fetchRefusesPort(port)) {
      throw new Error(`Port ${port} (${service.name}) is one fetch() refuses to connect to (a "bad port" of the Fetch standard, like 5060 or 6000): choose another, ${move}.`)
    }
    if (await portInUse(port)) {
      throw new Error(`Port ${port} (${service.name}) is held by another process; stop it or choose another port, ${move}.`)
    }
  }
}

/** Prometheus's own view: every scrape target up, or what is not (after its first scrapes). */
export async function prometheusTargets(settings, timeoutMs = 0) {
  const url = `http://${HOST}:${settings.ports.prometheus}/api/v1/targets?state=active`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let targets = []
    try {
      const body = await (await fetch(url, { signal: AbortSignal.timeout(2000) })).json()
      targets = body.data.activeTargets.map((t) => ({ job: t.labels.job, instance: t.labels.instance, health: t.health }))
    } catch {}
    const allUp = targets.length > 0 && targets.every((t) => t.health === 'up')
    if (allUp || Date.now() >= deadline) return { allUp, targets }
    await sleep(1000)
  }
}
