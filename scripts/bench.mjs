#!/usr/bin/env node
/*
 * `make bench [SCENARIO=read-mix] [TARGET=http://127.0.0.1:3333] [CONNECTIONS=] [DURATION=]`
 *
 * Runs a scenario from k6-tests/scenarios.js with autocannon against a
 * running stack (make start or make lb), after measuring this machine's
 * ceiling: a bare node:http server answering a static body of the size of
 * a products page, driven with the same connections and duration. Prints
 * one table (rps, p50/p95/p99, errors, non-2xx per route, % of ceiling)
 * and writes JSON + Markdown under docs/benchmarks/.
 *
 * Only loopback targets are accepted; every run stops by itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { scenarios } from '../k6-tests/scenarios.js'
import { ROOT } from './lib/paths.mjs'
import { readCredentials } from './lib/environment.mjs'
import { runLoad } from './bench/load.mjs'
import { measureCeiling } from './bench/ceiling.mjs'
import { formatTable, toMarkdown } from './bench/report.mjs'
import { prepareEnvironment } from './bench/environment.mjs'

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
  const target = option('target', 'http://127.0.0.1:3333')
  assertLoopback(target)
  const connections = Number(option('connections', scenario.connections))
  const duration = Math.min(Number(option('duration', scenario.durationSeconds)), MAX_DURATION_SECONDS)

  const credentials = readCredentials()
  if (!credentials?.apiToken) throw new Error('No .data/dev-credentials.json: start the stack first (make start)')
  const env = await prepareEnvironment(target, credentials, scenario)
  env.runId = randomUUID().slice(0, 8)

  console.log(`[bench] ${name}: ${scenario.description}`)
  console.log(`[bench] target ${target}, ${connections} connections, ${duration}s (+ ${duration}s ceiling run)`)

  const ceiling = await measureCeiling({ target, token: credentials.apiToken, connections, duration })
  console.log(`[bench] ceiling (bare node:http, ${ceiling.bodyBytes} B body): ${ceiling.rps.toFixed(0)} rps`)

  const result = await runLoad({ target, scenario, env, connections, duration })
  const report = {
    scenario: name,
    description: scenario.description,
    date: new Date().toISOString(),
    target,
    connections,
    durationSeconds: duration,
    machine: await machineSummary(),
    ceiling,
    ...result,
    percentOfCeiling: (result.total.rps / ceiling.rps) * 100,
  }
  console.log('\n' + formatTable(report))

  const dir = join(ROOT, 'docs', 'benchmarks')
  mkdirSync(dir, { recursive: true })
  const stamp = report.date.slice(0, 19).replace(/[:T]/g, '-')
  writeFileSync(join(dir, `${name}-${stamp}.json`), JSON.stringify(report, null, 2) + '\n')
  writeFileSync(join(dir, `${name}.md`), toMarkdown(report))
  console.log(`\n[bench] written docs/benchmarks/${name}.md and ${name}-${stamp}.json`)
  if (result.total.errors > 0 || result.total.non2xx > 0) process.exitCode = 1
}

async function machineSummary() {
  const os = await import('node:os')
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.message}`)
  process.exit(1)
})
