#!/usr/bin/env node
/*
 * `make test`: every check and test suite, against a PostgreSQL and a Redis
 * started here on test ports and stopped at the end. Prints one table and a
 * closing "N passed, M failed" line; exits non-zero on any failure.
 *
 *   node scripts/test.mjs [--only typecheck,lint,api,web,ops,stack,failover] [--files pattern]
 *
 * TEST_PORT_BASE, TEST_PG_PORT, TEST_REDIS_PORT and COMPTOIR_DATA_DIR move
 * everything it starts, so two runs can share a machine (the failover step
 * uses TEST_PORT_BASE + 2 … + 7).
 */
// First: on a node older than the project's, runs this command again on node_modules/.bin/node.
import './lib/project-node.mjs'
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { API_DIR, WEB_DIR, buildApi, buildWeb, removeServedBuilds, servedBuild } from './lib/app.mjs'
import { appKey, sessionSecret } from './lib/environment.mjs'
import { DATA, ROOT } from './lib/paths.mjs'
import { assertPortFree, daemon, fetchRefusesPort, run, runStatus, stopDaemon, waitForHttp } from './lib/processes.mjs'
import { redisAvailable, startRedis, stopRedis } from './lib/redis.mjs'
import { tapFailures } from './lib/tap.mjs'

const TEST_DATA = join(DATA, 'test')
const PG_DIR = join(DATA, 'test-pg')
const PG_PORT = Number(process.env.TEST_PG_PORT ?? 55433)
const REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6380)
// Overridable so several checkouts (or helpers) can run their suites side by side.
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 3390)
const PORTS = { japa: PORT_BASE + 9, api: PORT_BASE, web: PORT_BASE + 1 }

mkdirSync(TEST_DATA, { recursive: true })

const results = []

function record(name, passed, failed, note = '', failures = []) {
  results.push({ name, passed, failed, note, failures })
  const verdict = failed === 0 ? 'ok' : 'FAILED'
  console.log(`\n── ${name}: ${verdict} (${passed} passed, ${failed} failed)${note ? ` ${note}` : ''}\n`)
}

/** A check that is one pass or one failure (typecheck, lint, a build). */
async function check(name, command, args, options = {}) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`)
  const code = await runStatus(command, args, options)
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1)
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

/**
 * Counts, and the full names of the failed tests, from a TAP stream written by
 * node --test. The names are repeated in the closing summary because CI keeps
 * only the end of the output.
 */
function tapResults(path) {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0)
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), failures: tapFailures(text) }
}


async function nodeTests(name, pattern, env, cwd = WEB_DIR, { oneFileAtATime = false } = {}) {
  const tap = join(TEST_DATA, `${name.replace(/\W+/g, '-')}.tap`)
  rmSync(tap, { force: true })
  console.log(`\n── ${name}`)
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`]
  const code = await runStatus(
    process.execPath,
    ['--test', '--experimental-strip-types', ...(oneFileAtATime ? ['--test-concurrency=1'] : []), ...reporters, pattern],
    { cwd, env, shell: false }
  )
  const counts = tapResults(tap)
  if (code !== 0 && counts.failed === 0) counts.failed = 1
  record(name, counts.passed, counts.failed, '', counts.failures)
}

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null
  const wants = (step) => !only || only.includes(step)
  const startedAt = Date.now()

  // Servers the suites start later on ports derived from these (the API tests' second instances
  // at Japa + 50 and + 51, the failover topology at + 2 … + 7) must be reachable with fetch().
  const derived = [PORTS.japa + 50, PORTS.japa + 51, ...[2, 3, 4, 5, 6, 7].map((offset) => PORT_BASE + offset)]
  for (const port of derived) {
    if (await fetchRefusesPort(port)) {
      throw new Error(`TEST_PORT_BASE=${PORT_BASE} puts a test server on port ${port}, one fetch() refuses to connect to (a "bad port" of the Fetch standard): choose another TEST_PORT_BASE.`)
    }
  }
  // The variable that moves them, so the message says what to set.
  for (const port of Object.values(PORTS)) await assertPortFree(port, 'TEST_PORT_BASE')
  // A Redis already on the test port would be used instead of ours (redis-server fails to bind and
  // says so only in its log), and the outage tests would stop a stranger and fail to start it again.
  // Our own, left by a run that was killed, is stopped first.
  const hasRedis = redisAvailable()
  if (hasRedis) {
    await stopRedis(join(DATA, 'test-redis', 'redis.pid'))
    await assertPortFree(REDIS_PORT, 'TEST_REDIS_PORT')
  }

  await run(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'start', '--dir', PG_DIR, '--port', String(PG_PORT), '--db', 'comptoir_test', '--fast'])
  const { execFileSync } = await import('node:child_process')
  const databaseUrl = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'url', '--dir', PG_DIR, '--db', 'comptoir_test']).toString().trim()

  let redis = null
  if (hasRedis) redis = await startRedis(REDIS_PORT, 'test-redis')
  else console.warn('redis-server is not installed: Redis-backed tests will fail (run `make system-deps`).')

  const baseEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    APP_KEY: appKey(),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis?.url ?? '',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    COMPTOIR_DATA_DIR: TEST_DATA,
    TZ: 'UTC',
  }

  try {
    if (wants('typecheck')) {
      await check('typecheck api', 'npx', ['--no-install', 'tsc', '--noEmit', '-p', 'api/tsconfig.json'], { cwd: ROOT })
      await check('typecheck web', 'npx', ['--no-install', 'tsc', '--noEmit', '-p', 'web/tsconfig.json'], { cwd: ROOT })
    }
    if (wants('typecheck')) await check('API client types up to date', process.execPath, ['scripts/api-client.mjs', '--check'], { cwd: ROOT })
    if (wants('lint')) await check('lint', 'npx', ['--no-install', 'eslint', '--max-warnings=0', 'api', 'web', 'scripts', 'ops', 'nginx'], { cwd: ROOT })

    if (wants('api')) {
      const summary = join(TEST_DATA, 'api-summary.json')
      rmSync(summary, { force: true })
      console.log('\n── api tests (Japa: unit + functional, real HTTP, real PostgreSQL)')
      const files = process.argv.includes('--files') ? [`--files=${process.argv[process.argv.indexOf('--files') + 1]}`] : []
      const code = await runStatus(process.execPath, ['ace', 'test', ...files], {
        cwd: API_DIR,
        env: { ...baseEnv, PORT: String(PORTS.japa), TEST_SUMMARY_FILE: summary },
      })
      const counts = readJson(summary) ?? { passed: 0, failed: 1 }
      record('api tests', counts.passed, code !== 0 && counts.failed === 0 ? 1 : counts.failed, '', counts.failedTestsTitles ?? [])
    }

    if (wants('web')) await nodeTests('web unit tests', 'tests/unit/*.test.ts', baseEnv)
    if (wants('ops')) await nodeTests('ops configs (compose, nginx, prometheus, grafana)', 'ops/tests/*.test.mjs', baseEnv, ROOT)

    if (wants('stack')) await stackTests(baseEnv)
    if (wants('failover')) await failoverTests(baseEnv)
  } finally {
    await stopDaemon('test-api')
    await stopDaemon('test-web')
    removeServedBuilds()
    if (redis) await stopRedis(redis.pidfile)
    await run(process.execPath, [join(ROOT, 'scripts', 'pg.mjs'), 'stop', '--dir', PG_DIR]).catch(() => {})
  }

  const passed = results.reduce((sum, r) => sum + r.passed, 0)
  const failed = results.reduce((sum, r) => sum + r.failed, 0)
  console.log('\nSummary')
  for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(28)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed`)
  console.log(`  (${Math.round((Date.now() - startedAt) / 1000)} s)\n`)
  const failures = results.flatMap((r) => r.failures.map((test) => `  ✗ ${r.name}: ${test}`))
  if (failures.length) console.log(`Failed tests\n${failures.join('\n')}\n`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed > 0 || results.length === 0 ? 1 : 0
}

/*
 * The production builds, started like `make start` does (API seeded with the
 * development accounts), checked through the web app's integration tests.
 */
async function stackTests(baseEnv) {
  try {
    await buildApi()
    await buildWeb()
    record('production builds', 1, 0)
  } catch (error) {
    console.error(error.message)
    record('production builds', 0, 1)
    return
  }
  const apiEnv = { ...baseEnv, PORT: String(PORTS.api), INSTANCE_ID: 'test-api', API_BASE_URL: `http://127.0.0.1:${PORTS.api}`, WEB_BASE_URL: `http://127.0.0.1:${PORTS.web}` }
  // Both services also log to rotated files (small ones, so they rotate during the run);
  // the integration tests follow request ids through them.
  const logDir = join(TEST_DATA, 'logs')
  rmSync(logDir, { recursive: true, force: true })
  const logFiles = { LOG_DIR: logDir, LOG_ROTATE_KEEP: '1000' }
  // Migrations first: with `--only stack` the API tests have not prepared the database.
  await run(process.execPath, ['ace', 'migration:run', '--force'], { cwd: API_DIR, env: apiEnv })
  await run(process.execPath, ['ace', 'db:seed'], { cwd: API_DIR, env: apiEnv })
  daemon('test-api', process.execPath, ['bin/server.js'], {
    cwd: servedBuild(API_DIR, 'test-api'),
    env: { ...apiEnv, ...logFiles, NODE_ENV: 'production', LOG_LEVEL: 'info', LOG_ROTATE_SIZE: '256k' },
  })
  await waitForHttp(`http://127.0.0.1:${PORTS.api}/health`, 60_000, 'test API (see .data/run/test-api.log)')
  const credentials = readJson(join(TEST_DATA, 'dev-credentials.json'))
  daemon('test-web', process.execPath, ['server.js'], {
    cwd: WEB_DIR,
    env: {
      ...baseEnv,
      ...logFiles,
      NODE_ENV: 'production',
      PORT: String(PORTS.web),
      INSTANCE_ID: 'test-web',
      WEB_BUILD_DIR: servedBuild(WEB_DIR, 'test-web'),
      LOG_ROTATE_SIZE: '8k',
      API_URL: `http://127.0.0.1:${PORTS.api}`,
      SESSION_SECRET: sessionSecret(),
    },
  })
  await waitForHttp(`http://127.0.0.1:${PORTS.web}/health`, 60_000, 'test web (see .data/run/test-web.log)')
  const clientEnv = {
    ...baseEnv,
    WEB_BASE_URL: `http://127.0.0.1:${PORTS.web}`,
    API_BASE_URL: `http://127.0.0.1:${PORTS.api}`,
    E2E_CREDENTIALS: join(TEST_DATA, 'dev-credentials.json'),
    LOG_DIR: logDir,
  }
  await nodeTests('web integration tests', 'tests/integration/*.test.ts', clientEnv)
  // The same browser flows twice: with JavaScript (fetchers, shortcuts) and without (plain forms).
  if (!credentials) console.warn('no dev credentials were written by the seed: the e2e flows will fail')
  // One file at a time: the flows of one mode share each store's registers (support.ts), and node
  // runs as many files at once as the machine has cores but one — one at a time only on 2 cores.
  await nodeTests('web e2e (JS on)', 'tests/e2e/*.test.ts', { ...clientEnv, E2E_JS: 'on' }, WEB_DIR, { oneFileAtATime: true })
  await nodeTests('web e2e (JS off)', 'tests/e2e/*.test.ts', { ...clientEnv, E2E_JS: 'off' }, WEB_DIR, { oneFileAtATime: true })
  // Last: it creates a product, which the browser flows must not see.
  await nodeTests("original README's API examples", 'scripts/tests/*.test.mjs', clientEnv, ROOT)
  // The k6 scripts once through, prepared as k6-tests/README.md tells k6 users (registers open, stock topped up).
  try {
    await run(process.execPath, ['ace', 'bench:prepare'], { cwd: API_DIR, env: apiEnv })
    await nodeTests('k6 scripts (emulated k6)', 'ops/live-tests/k6-scripts.test.mjs', clientEnv, ROOT)
  } catch (error) {
    console.error(error.message)
    record('k6 scripts (emulated k6)', 0, 1)
  }
  // After all that traffic: every metric a dashboard or alert rule queries is really exported.
  await nodeTests('metric names (dashboards, rules)', 'ops/live-tests/metric-names.test.mjs', clientEnv, ROOT)
  // Last of all: the database every suite above wrote to, backed up and restored into another.
  await nodeTests('backup and restore', 'ops/live-tests/backup.test.mjs', clientEnv, ROOT)
}

/*
 * The load-balanced topology under failure (ops/live-tests/failover.test.mjs starts it: nginx,
 * three API instances of the production build and its own Redis), on its own database.
 */
async function failoverTests(baseEnv) {
  try {
    await buildApi()
  } catch (error) {
    console.error(error.message)
    record('failover through nginx', 0, 1, '(API build failed)')
    return
  }
  const pg = (command, ...args) => [join(ROOT, 'scripts', 'pg.mjs'), command, '--dir', PG_DIR, '--port', String(PG_PORT), '--db', 'comptoir_failover', ...args]
  await run(process.execPath, pg('start', '--fast'))
  const { execFileSync } = await import('node:child_process')
  const url = execFileSync(process.execPath, pg('url')).toString().trim()
  await nodeTests('failover through nginx', 'ops/live-tests/failover.test.mjs', { ...baseEnv, FAILOVER_DATABASE_URL: url, TEST_PORT_BASE: String(PORT_BASE) }, ROOT)
}

main().catch((error) => {
  // What went wrong and what to do (a held port, a tool missing), as make start and make lb say it.
  console.error(`\n${error.message}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
})
