#!/usr/bin/env node
/*
 * `make bench [SCENARIO=read-mix] [TARGET=http://127.0.0.1:3333] [CONNECTIONS=] [DURATION=]`
 *
 * Runs a scenario from k6-tests/scenarios.js with autocannon against a
 * running stack (make start or make lb), after measuring this machine's
 * ceiling: a bare node:http server answering a static body of the size of
 * a products page, sent the scenario's own requests by the same runner,
 * with the same connections and duration. Prints
 * one table (rps, p50/p95/p99, errors, non-2xx per route, % of ceiling)
 * and writes JSON + Markdown under docs/benchmarks/.
 *
 * Only loopback targets are accepted; every run stops by itself.
 */
import { randomUUID } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { scenarios } from '../k6-tests/scenarios.js'
import { runLoad } from './bench/load.mjs'
import { runUsers } from './bench/users.mjs'
import { ceilingBody, measureCeiling, measureProxyCeiling } from './bench/ceiling.mjs'
import { formatTable, toMarkdown } from './bench/report.mjs'
import { credentialsFor, loadBalancerOf, prepareEnvironment, runningLoadBalancerUrl } from './bench/environment.mjs'
import { killInstanceDisruption } from './bench/disruption.mjs'
import { runCacheEffect } from './bench/cache-effect.mjs'
import { PUBLISHED_DIR, saveReport } from './bench/save.mjs'
import { prepareWebScenario } from './bench/web-session.mjs'

const MAX_DURATION_SECONDS = 300

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`)
  if (index >= 0) return process.argv[index + 1]
  return process.env[name.toUpperCase()] || fallback
}

function assertLoopback(target) {
  const host = new URL(target).hostname
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host) && !host.startsWith('127.')) {
    throw new Error(`Refusing to load-test ${host}: benchmarks only target this machine (127.0.0.1)`)
  }
}

async function main() {
  const name = option('scenario', 'read-mix')
  const scenario = scenarios[name]
  if (!scenario) throw new Error(`Unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`)
  const isWeb = scenario.target === 'web'
  // The web scenario loads the web app; the ids in its paths come from the API behind it.
  const target = option('target', isWeb ? 'http://127.0.0.1:3000' : 'http://127.0.0.1:3333')
  const apiTarget = isWeb ? option('api', 'http://127.0.0.1:3333') : target
  assertLoopback(target)
  assertLoopback(apiTarget)
  const connections = Number(option('connections', scenario.connections))
  const duration = Math.min(Number(option('duration', scenario.durationSeconds)), MAX_DURATION_SECONDS)

  // make lb's own database and credentials when the target is its nginx or one of its instances.
  const lb = loadBalancerOf(target)
  if (scenario.requiresLoadBalancer && !lb) {
    throw new Error(`SCENARIO=${name} kills an API instance of make lb: start it (make lb) and target its nginx (TARGET=http://127.0.0.1:8080)`)
  }
  for (const url of new Set([target, apiTarget])) await assertAnswers(url)
  const credentials = credentialsFor(lb)
  if (!credentials?.apiToken) throw new Error(`No dev-credentials.json for ${target}: start the stack first (make start or make lb)`)
  const env = await prepareEnvironment(apiTarget, credentials, scenario, lb)
  env.runId = randomUUID().slice(0, 8)
  if (isWeb && scenario.signIn === false) env.headers = {}
  else if (isWeb) await prepareWebScenario({ target, apiTarget, env, credentials, username: option('web_user', 'gerant') })
  if (scenario.compareWithoutCache) {
    const uncached = option('target_uncached', null)
    if (uncached) assertLoopback(uncached)
    const machine = await machineSummary()
    const report = await runCacheEffect({ name, scenario, target, uncached, uncachedPort: Number(option('uncached_port', 3350)), env, connections, duration, machine, out: option('out', PUBLISHED_DIR) })
    if (report.failed) process.exitCode = 1
    return
  }

  // A ramp runs its stages one after the other, each bounded; CONNECTIONS= runs one stage instead.
  const stages = scenario.stages && !option('connections', null) ? scenario.stages : [{ connections, durationSeconds: duration }]
  console.log(`[bench] ${name}: ${scenario.description}`)
  // Paced users offer a set load: a closed-loop ceiling says nothing about them.
  const paced = Boolean(scenario.thinkTime)
  const unit = paced ? 'paced users' : 'connections'
  console.log(`[bench] target ${target}${lb ? ' (make lb)' : ''}, ${stages.map((s) => `${s.connections} ${unit} × ${s.durationSeconds}s`).join(', ')}${paced ? '' : ' (+ a ceiling run each)'}`)

  const results = []
  const throughNginx = Boolean(lb) && Number(new URL(target).port || 80) === lb.ports.nginx
  for (const stage of stages) {
    if (paced) {
      results.push({ connections: stage.connections, durationSeconds: stage.durationSeconds, ...(await runUsers({ target, scenario, env, connections: stage.connections, duration: stage.durationSeconds })) })
      continue
    }
    // The ceiling's body is as large as what the scenario serves: a products page, or the dashboard.
    const sample = isWeb ? { url: `${target}${scenario.samplePath ?? '/'}`, headers: env.headers } : undefined
    const body = await ceilingBody({ target, token: credentials.apiToken, sample })
    // The same requests, sent by the same runner, answered by a bare server.
    const drive = (url) => runLoad({ target: url, scenario, env, connections: stage.connections, duration: stage.durationSeconds })
    const ceiling = await measureCeiling({ body, drive })
    console.log(`[bench] ceiling (bare node:http, ${ceiling.bodyBytes} B body, ${stage.connections} connections): ${ceiling.rps.toFixed(0)} rps, p95 ${ceiling.p95.toFixed(2)} ms`)
    // Through make lb's nginx: also the same nginx over bare servers, what its proxying leaves.
    const proxyCeiling = throughNginx ? await measureProxyCeiling({ body, drive }) : undefined
    if (proxyCeiling) console.log(`[bench] ceiling through nginx (the same nginx over 3 bare servers): ${proxyCeiling.rps.toFixed(0)} rps, p95 ${proxyCeiling.p95.toFixed(2)} ms`)
    const disruption = scenario.disruption ? killInstanceDisruption(lb, scenario.disruption, stage.durationSeconds) : null
    const result = await runLoad({ target, scenario, env, connections: stage.connections, duration: stage.durationSeconds, disruption })
    await disruption?.restore()
    results.push({
      connections: stage.connections,
      durationSeconds: stage.durationSeconds,
      ceiling,
      ...(proxyCeiling ? { proxyCeiling, percentOfProxyCeiling: (result.total.rps / proxyCeiling.rps) * 100 } : {}),
      ...result,
      percentOfCeiling: (result.total.rps / ceiling.rps) * 100,
    })
  }
  const report = {
    scenario: name,
    description: scenario.description,
    date: new Date().toISOString(),
    target,
    topology: lb ? `make lb: nginx over ${lb.ports.api.length} API instances` : 'one API instance',
    settings: Object.fromEntries(
      [['CONNECTIONS', option('connections', null)], ['DURATION', option('duration', null)]].filter(([, value]) => value !== null)
    ),
    machine: await machineSummary(),
    code: codeVersion(),
    // One stage: its figures at the top level, as before; a ramp: one entry per stage.
    ...(results.length === 1 ? results[0] : { stages: results }),
  }
  console.log('\n' + formatTable(report))

  // One Markdown file per scenario and topology: a run through nginx does not replace the single-instance one.
  saveReport(lb && !scenario.requiresLoadBalancer ? `${name}-lb` : name, report, toMarkdown(report), option('out', PUBLISHED_DIR))
  if (results.some((r) => r.total.errors > 0 || r.total.non2xx > 0 || r.total.unanswered > 0)) process.exitCode = 1
}

/** A stack that is not running is said in words, before anything else is tried ("fetch failed" said nothing). */
async function assertAnswers(url) {
  try {
    await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) })
  } catch {
    const lb = runningLoadBalancerUrl()
    const hint = lb ? `make lb runs: TARGET=${lb}` : 'start the stack first (make start; make lb for its nginx on :8080)'
    throw new Error(`Nothing answers at ${url}: ${hint}`)
  }
}

/** The commit measured (and whether the tree had changes): a figure says which code it is of. */
function codeVersion() {
  const git = (...args) => spawnSync('git', args, { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' })
  const commit = git('rev-parse', '--short', 'HEAD')
  if (commit.status !== 0) return null
  const changed = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== ''
  return { commit: commit.stdout.trim(), changed }
}

async function machineSummary() {
  const os = await import('node:os')
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    // The machine is shared: the 1, 5 and 15 min load averages when the run ended say how busy it was.
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.message}`)
  process.exit(1)
})
