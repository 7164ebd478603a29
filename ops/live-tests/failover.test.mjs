/*
 * Failover of the real topology: PostgreSQL, Redis, three API instances from the production
 * build and nginx rendered from nginx/comptoir.conf.template, all started here (scripts/lib/lb.mjs,
 * the pieces `make lb` uses) on ports derived from TEST_PORT_BASE. Client traffic (reads, and
 * sales that carry an Idempotency-Key) runs through nginx while an instance is killed with
 * SIGKILL, then while Redis is stopped: no client request may fail, and no sale may be recorded twice.
 *
 *   FAILOVER_DATABASE_URL=postgres://… TEST_PORT_BASE=3390 node --test ops/live-tests/failover.test.mjs
 * (scripts/test.mjs runs it in its `failover` step, after the API production build.)
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import pg from 'pg'

import { API_DIR, removeServedBuilds } from '../../scripts/lib/app.mjs'
import {
  aceEnv, apiName, credentialsFile, nginxUrl, redisDir, redisPidFile, runDirOf, services, settingsFromEnv,
  startApiInstance, startNginxInstance,
} from '../../scripts/lib/lb.mjs'
import { DATA } from '../../scripts/lib/paths.mjs'
import { pidOf, portInUse, sleep, stopDaemon, waitForHttp } from '../../scripts/lib/processes.mjs'
import { startRedis, stopRedis } from '../../scripts/lib/redis.mjs'
import { byInstance, describeFailures, failures, startTraffic } from '../lib/traffic.mjs'

const BASE = Number(process.env.TEST_PORT_BASE ?? 3390)
const DATABASE_URL = process.env.FAILOVER_DATABASE_URL
// The stack step uses BASE (API), BASE + 1 (web) and BASE + 9 (Japa): this topology takes 2–8.
const settings = settingsFromEnv({
  LB_DATA_DIR: join(DATA, 'failover'),
  LB_API_PORTS: [BASE + 2, BASE + 3, BASE + 4].join(','),
  LB_PORT: String(BASE + 5),
  LB_STATUS_PORT: String(BASE + 6),
  LB_REDIS_PORT: String(BASE + 7),
  // nginx needs a web upstream; these tests only call the API.
  LB_WEB_PORT: String(BASE + 1),
  DATABASE_URL,
})
const LB_PORT = settings.ports.nginx
const WORKERS = 12
// In-flight answers of the killed instance may still arrive just after the kill.
const GRACE_MS = 500

/** Runs an ace command of the API (development entry point, like `make lb`) and returns its output. */
function ace(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', ...args], { cwd: API_DIR, env: aceEnv(settings, DATABASE_URL) })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`ace ${args.join(' ')} exited with ${code}:\n${output}`))))
  })
}

let token
let registers
let products

const saleBody = (n) => ({
  caisse_id: registers[n % registers.length].id,
  lignes: [0, 1, 2].map((offset) => ({ produit_id: products[(n + offset) % products.length], quantite: 1 + offset })),
  paiements: [{ mode: 'especes', montant: '200.00' }],
})

/** POSTs or GETs JSON through nginx; an unexpected status fails the setup with the answer. */
async function call(method, path, bearer, body, accepted = [200, 201]) {
  const response = await fetch(`${nginxUrl(settings)}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  assert.ok(accepted.includes(response.status), `${method} ${path} answered ${response.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

/**
 * Through the public API: a register open in each of two stores (by the manager: a drawer is
 * opened by a person) and their stock counted at 100,000 so no sale of these tests runs out.
 */
async function prepareSelling(credentials) {
  const manager = credentials.users.find((user) => user.role === 'manager')
  const { token: managerToken } = await call('POST', '/api/v1/auth/login', token, { identifiant: manager.username, mot_de_passe: manager.password })
  products = (await call('GET', '/api/v1/products?size=100', token)).items.filter((p) => p.actif).map((p) => p.id)
  const stores = (await call('GET', '/api/v1/stores?size=100', token)).items.slice(0, 2)
  registers = []
  for (const store of stores) {
    const register = (await call('GET', `/api/v1/stores/${store.id}/registers?size=100`, token)).items.find((r) => r.actif)
    // 409: already open from an earlier run, which is what is needed.
    await call('POST', `/api/v1/registers/${register.id}/sessions`, managerToken, { fond_de_caisse: '100.00' }, [201, 409])
    registers.push({ id: register.id })
    for (const product of products) {
      const count = { magasin_id: store.id, produit_id: product, nouvelle_quantite: 100_000, motif: 'Inventaire avant le test de bascule' }
      await call('POST', '/api/v1/stock/adjustments', token, count, [201, 204])
    }
  }
}

/** Traffic for `beforeMs`, then `disrupt()`, then traffic for `afterMs`; outcomes split at the disruption. */
async function trafficAround(disrupt, { beforeMs = 2500, afterMs = 5000 } = {}) {
  const keyPrefix = `failover-${randomUUID().slice(0, 8)}`
  const traffic = startTraffic({ port: LB_PORT, token, workers: WORKERS, saleEvery: 4, keyPrefix, saleBody })
  await sleep(beforeMs)
  const disruptedAt = Date.now()
  await disrupt()
  await sleep(afterMs)
  const outcomes = await traffic.stop()
  return {
    keyPrefix,
    outcomes,
    before: outcomes.filter((o) => o.at < disruptedAt),
    after: outcomes.filter((o) => o.at >= disruptedAt + GRACE_MS),
  }
}

/** Sales recorded under this run's keys, and how many distinct keys they carry. */
async function salesRecorded(keyPrefix) {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query(
      'SELECT count(*)::int AS sales, count(DISTINCT idempotency_key)::int AS keys FROM sales WHERE idempotency_key LIKE $1',
      [`${keyPrefix}-%`]
    )
    return rows[0]
  } finally {
    await client.end()
  }
}

async function assertEverySaleOnce(run) {
  const keysSent = new Set(run.outcomes.filter((o) => o.key).map((o) => o.key))
  assert.ok(keysSent.size >= 10, `only ${keysSent.size} sales were sent: the run proves nothing`)
  assert.deepEqual(await salesRecorded(run.keyPrefix), { sales: keysSent.size, keys: keysSent.size }, 'sales recorded ≠ distinct idempotency keys sent')
}

describe('failover through nginx (3 API instances, Redis, PostgreSQL)', { timeout: 150_000 }, () => {
  before(async () => {
    assert.ok(DATABASE_URL, 'FAILOVER_DATABASE_URL is not set (scripts/test.mjs sets it)')
    for (const service of services(settings).filter((s) => ['redis', 'nginx'].includes(s.name) || s.name.startsWith('api-'))) {
      assert.equal(await portInUse(service.port), false, `port ${service.port} (${service.name}) is taken: choose another TEST_PORT_BASE`)
    }
    await ace(['migration:run', '--force'])
    await ace(['db:seed'])
    const credentials = JSON.parse(readFileSync(credentialsFile(settings), 'utf8'))
    token = credentials.apiToken

    const redis = await startRedis(settings.ports.redis, 'redis', { dir: redisDir(settings) })
    settings.ports.api.forEach((_, index) => startApiInstance(settings, index, { databaseUrl: DATABASE_URL, redisUrl: redis.url }))
    await Promise.all(settings.ports.api.map((port, i) => waitForHttp(`http://127.0.0.1:${port}/health`, 60_000, `${apiName(i)} (see ${runDirOf(settings)})`)))
    startNginxInstance(settings)
    await waitForHttp(`${nginxUrl(settings)}/health`, 15_000, 'nginx')

    await prepareSelling(credentials)
  })

  after(async () => {
    const runDir = runDirOf(settings)
    for (const name of ['nginx', ...settings.ports.api.map((_, i) => apiName(i))]) await stopDaemon(name, { runDir })
    removeServedBuilds(runDir)
    await stopRedis(redisPidFile(settings))
  })

  test('an instance killed mid-run: no failed request, traffic moves to the survivors, no sale recorded twice', async () => {
    const killed = apiName(1)
    const run = await trafficAround(async () => {
      const pid = pidOf(killed, runDirOf(settings))
      assert.ok(pid, `${killed} is not running`)
      process.kill(pid, 'SIGKILL')
    })

    assert.deepEqual(failures(run.outcomes), [], `failed requests:\n${describeFailures(failures(run.outcomes))}`)
    assert.deepEqual(Object.keys(byInstance(run.before)).sort(), ['api-1', 'api-2', 'api-3'], 'before the kill every instance answers')
    const survivors = byInstance(run.after)
    assert.deepEqual(Object.keys(survivors).sort(), ['api-1', 'api-3'], `after the kill: ${JSON.stringify(survivors)}`)
    for (const [instance, count] of Object.entries(survivors)) assert.ok(count >= 10, `${instance} answered only ${count} requests after the kill`)
    await assertEverySaleOnce(run)

    // nginx met the dead instance and sent those requests elsewhere: the kill happened under load.
    const killedAddress = `127.0.0.1:${settings.ports.api[1]}`
    const log = join(settings.dir, 'nginx', 'access.log')
    const retried = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
      .filter((entry) => entry.upstream_addr.startsWith(`${killedAddress}, `))
    assert.ok(retried.length > 0, `no request was retried away from ${killedAddress} (see ${log})`)
  })

  test('Redis stopped mid-run: no failed request, no sale recorded twice, health degraded', async () => {
    const run = await trafficAround(async () => {
      await stopRedis(redisPidFile(settings))
      assert.equal(await portInUse(settings.ports.redis), false, 'Redis still answers')
    })

    assert.deepEqual(failures(run.outcomes), [], `failed requests:\n${describeFailures(failures(run.outcomes))}`)
    assert.ok(run.after.length >= 20, `only ${run.after.length} requests after Redis stopped`)
    await assertEverySaleOnce(run)

    const health = await (await fetch(`${nginxUrl(settings)}/health`)).json()
    assert.equal(health.status, 'degraded', JSON.stringify(health))
  })
})
