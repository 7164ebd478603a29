/*
 * SCENARIO=cache-effect: each cached read route alone, at the same
 * connections and duration, against the API with its cache and against an
 * API with CACHE_ENABLED=false on the same database. Routes alternate
 * between the two targets so a change in the machine's load hits both.
 * The cache statistics of each target, read before and after, show that
 * one served from its cache and the other did not.
 */
import { runLoad } from './load.mjs'
import { saveReport } from './save.mjs'
import { startUncachedApi } from './uncached-api.mjs'

const ms = (value) => value.toFixed(value < 10 ? 2 : 1)

async function cacheStats(target, token) {
  const response = await fetch(`${target}/api/v1/cache/stats`, { headers: { 'x-api-token': token } })
  if (!response.ok) throw new Error(`GET ${target}/api/v1/cache/stats answered ${response.status}`)
  const body = await response.json()
  return { enabled: body.enabled, hits: body.hits, misses: body.misses, instance: body.instance }
}

/** A few sequential requests first: fills the cache (and warms the JIT) on both sides alike. */
async function warmUp(target, path, token) {
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${target}${path}`, { headers: { 'x-api-token': token } })
    if (!response.ok) throw new Error(`GET ${target}${path} answered ${response.status}`)
    await response.arrayBuffer()
  }
}

async function measure({ target, route, env, connections, duration }) {
  await warmUp(target, route.path, env.token)
  const { routes, total } = await runLoad({ target, scenario: { routes: [route] }, env, connections, duration })
  return { ...routes[0], errors: total.errors }
}

async function compareCache({ cached, uncached, scenario, env, connections, duration }) {
  const before = { cached: await cacheStats(cached, env.token), uncached: await cacheStats(uncached, env.token) }
  if (!before.cached.enabled) throw new Error(`${cached} runs without its cache (CACHE_ENABLED=false): nothing to compare`)
  if (before.uncached.enabled) throw new Error(`${uncached} has its cache enabled: start it with CACHE_ENABLED=false`)

  const routes = []
  for (const route of scenario.routes) {
    console.log(`[bench] ${route.name}: with cache...`)
    const withCache = await measure({ target: cached, route, env, connections, duration })
    console.log(`[bench] ${route.name}: without cache...`)
    const withoutCache = await measure({ target: uncached, route, env, connections, duration })
    routes.push({ name: route.name, cached: withCache, uncached: withoutCache, ratio: withCache.rps / withoutCache.rps })
  }

  const after = { cached: await cacheStats(cached, env.token), uncached: await cacheStats(uncached, env.token) }
  const delta = (side) => ({
    instance: after[side].instance,
    hits: after[side].hits - before[side].hits,
    misses: after[side].misses - before[side].misses,
  })
  return { routes, cacheActivity: { cached: delta('cached'), uncached: delta('uncached') } }
}

const HEADER = ['route', 'rps cached', 'p95 ms cached', 'rps uncached', 'p95 ms uncached', 'ratio', 'non-2xx / errors']

function rows(report) {
  return report.routes.map((r) => [
    r.name,
    r.cached.rps.toFixed(1),
    ms(r.cached.p95),
    r.uncached.rps.toFixed(1),
    ms(r.uncached.p95),
    `${r.ratio.toFixed(1)} ×`,
    `${r.cached.non2xx + r.uncached.non2xx} / ${r.cached.errors + r.uncached.errors}`,
  ])
}

function formatComparison(report) {
  const all = [HEADER, ...rows(report)]
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  const text = all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
  text.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  const { cached, uncached } = report.cacheActivity
  text.push('', `cache hits / misses during the run: ${cached.instance} ${cached.hits} / ${cached.misses}, ${uncached.instance} ${uncached.hits} / ${uncached.misses}`)
  return text.join('\n')
}

function comparisonMarkdown(report) {
  const table = [HEADER, HEADER.map(() => '---'), ...rows(report)].map((r) => `| ${r.join(' | ')} |`).join('\n')
  const { cached, uncached } = report.cacheActivity
  const lowest = Math.min(...report.routes.map((r) => r.ratio))
  return `# Benchmark: ${report.scenario}

${report.description}

- Date: ${report.date}
- With cache: ${report.target} (${cached.instance}); without: ${report.targetUncached} (${uncached.instance}, \`CACHE_ENABLED=false\`), same database
- Each route alone: ${report.connections} connections, ${report.durationSeconds} s per route and target, after 20 warm-up requests
- Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; load average (1, 5, 15 min) at start ${report.machine.loadAverage.join(' ')}, at the end ${report.loadAverageAtEnd.join(' ')}
- Cache hits / misses during the run: with cache ${cached.hits} / ${cached.misses}, without ${uncached.hits} / ${uncached.misses}
- Lowest ratio: **${lowest.toFixed(1)} ×** (target: cached ≥ 5 × uncached)

${table}

Reproduce: \`make start && make bench SCENARIO=cache-effect\` (starts the uncached API itself on UNCACHED_PORT, default 3350;
or point it at one you run: \`TARGET_UNCACHED=http://127.0.0.1:<port>\`). See docs/benchmarks/README.md.
`
}

/**
 * The whole run: the target (with its cache) against `uncached`, or against
 * an uncached API started here on `uncachedPort` and stopped at the end.
 * Prints the table and writes <name>.md and its JSON in `out` (docs/benchmarks/, or OUT=).
 */
export async function runCacheEffect({ name, scenario, target, uncached, uncachedPort, env, connections, duration, machine, out }) {
  const other = uncached ? { url: uncached, stop: async () => {} } : await startUncachedApi(uncachedPort)
  console.log(`[bench] ${name}: ${scenario.description}`)
  console.log(`[bench] with cache ${target}, without ${other.url}; ${connections} connections, ${duration}s per route and target`)
  let result
  try {
    result = await compareCache({ cached: target, uncached: other.url, scenario, env, connections, duration })
  } finally {
    await other.stop()
  }
  const os = await import('node:os')
  const report = {
    scenario: name,
    description: scenario.description,
    date: new Date().toISOString(),
    target,
    targetUncached: other.url,
    connections,
    durationSeconds: duration,
    machine,
    loadAverageAtEnd: os.loadavg().map((load) => Number(load.toFixed(2))),
    ...result,
    failed: result.routes.some((r) => r.cached.non2xx + r.uncached.non2xx + r.cached.errors + r.uncached.errors > 0),
  }
  console.log('\n' + formatComparison(report))
  saveReport(name, report, comparisonMarkdown(report), out)
  return report
}
