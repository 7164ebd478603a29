/*
 * The k6 scripts work against the real API: each scenario of k6-tests/run.js runs once through
 * (two virtual users, a few iterations) in the k6 runtime emulation of ops/lib/k6-emulation —
 * k6 is not installable here — so a renamed field, route or parameter fails `make test` instead
 * of a user's first k6 run. Every request must answer 2xx and every check of the script pass.
 *
 *   API_BASE_URL=… E2E_CREDENTIALS=… node --test ops/live-tests/k6-scripts.test.mjs
 * (scripts/test.mjs runs it in its `stack` step, after `ace bench:prepare`, as k6-tests/README.md
 * asks of k6 users: every register open, stock topped up.)
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, test } from 'node:test'
import { promisify } from 'node:util'

import { scenarios } from '../../k6-tests/scenarios.js'

const API = process.env.API_BASE_URL
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** One pass of a scenario through run.js: { options, checks, sleeps, requests }. */
async function runScenario(name, { vus = 2, iterations = 3 } = {}) {
  const { apiToken } = JSON.parse(readFileSync(process.env.E2E_CREDENTIALS, 'utf8'))
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['ops/lib/k6-emulation/run.mjs', 'k6-tests/run.js', '--vus', String(vus), '--iterations', String(iterations)],
    { cwd: ROOT, env: { ...process.env, SCENARIO: name, TARGET: API, API_TOKEN: apiToken }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }
  )
  return JSON.parse(stdout.trim().split('\n').at(-1))
}

function assertAllAnswered(run, name) {
  const failed = run.requests.filter((request) => request.status < 200 || request.status >= 300)
  assert.deepEqual(failed, [], `${name}: every request answers 2xx`)
  for (const [check, counts] of Object.entries(run.checks)) {
    assert.equal(counts.fails, 0, `${name}: check « ${check} » failed ${counts.fails} times`)
  }
  assert.ok(run.checks['status is 2xx']?.passes > 0, `${name}: the script checked its answers`)
}

/** The requests of the load itself (setup's are untagged), by route name. */
const byRoute = (run) =>
  run.requests.filter((request) => request.tag).reduce((counts, { tag }) => ({ ...counts, [tag]: (counts[tag] ?? 0) + 1 }), {})

describe('k6 scripts (k6-tests/run.js) against the API', () => {
  test('the read scenarios: read mix, reports, the 300 paced users, the stress ramp, the cached routes', async () => {
    assert.ok(API && process.env.E2E_CREDENTIALS, 'API_BASE_URL and E2E_CREDENTIALS must point at a running, seeded API')
    for (const name of ['read-mix', 'reports', 'users-300', 'stress', 'cache-effect']) {
      const run = await runScenario(name, { iterations: 6 })
      assertAllAnswered(run, name)
      assert.equal(run.requests.filter((request) => request.tag).length, run.checks['status is 2xx'].passes, `${name}: one check per request`)
      const routes = new Set(scenarios[name].routes.map((route) => route.name))
      for (const tag of Object.keys(byRoute(run))) assert.ok(routes.has(tag), `${name}: ${tag} is one of its routes`)
    }
  })

  test('k6 options follow each scenario: users and duration, or the stages of a ramp; the paced users pause', async () => {
    const readMix = await runScenario('read-mix', { vus: 1, iterations: 1 })
    assert.deepEqual({ vus: readMix.options.vus, duration: readMix.options.duration }, { vus: 10, duration: '20s' })
    assert.deepEqual(readMix.options.thresholds, { http_req_failed: ['rate<0.01'], http_req_duration: ['p(95)<50'] })
    const stress = await runScenario('stress', { vus: 1, iterations: 1 })
    assert.deepEqual(
      stress.options.stages.map((stage) => stage.target),
      [50, 100, 250, 500, 1000]
    )
    const users = await runScenario('users-300', { vus: 1, iterations: 4 })
    assert.ok(users.sleeps.length >= 4, 'each paced user thinks between requests')
    assert.ok(users.sleeps.every((seconds) => seconds >= 0.1 && seconds <= 2.5), `pauses: ${users.sleeps}`)
  })

  test('the selling scenarios: checkout, the POS day with its return, failover traffic, at open registers only', async () => {
    for (const name of ['checkout', 'pos-day', 'failover']) {
      const run = await runScenario(name, { iterations: name === 'pos-day' ? 1 : 4 })
      assertAllAnswered(run, name)
    }
    const posDay = byRoute(await runScenario('pos-day', { vus: 1, iterations: 1 }))
    // One pass of the flow: four customers (search, three scans, a sale), then one item back.
    assert.deepEqual(posDay, {
      'GET /api/v1/products?search=': 4,
      'GET /api/v1/products/by-code/:code': 12,
      'POST /api/v1/sales': 4,
      'POST /api/v1/sales/:id/returns': 1,
    })
  })

  test('the web scenarios are refused with where to run them (they sign in through the web form)', async () => {
    await assert.rejects(runScenario('web'), /make bench SCENARIO=web/)
  })
})
