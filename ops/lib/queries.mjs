/*
 * Every PromQL query the monitoring files hold — alert and recording rules, dashboard panels —
 * with the file it comes from and the jobs it selects, for the checks against real /metrics.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dashboardExpressions, metricNames, ruleExpressions } from './promql.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const RULES_DIR = join(ROOT, 'prometheus', 'rules')
const DASHBOARDS_DIR = join(ROOT, 'grafana', 'dashboards')

const files = (dir, suffix) => readdirSync(dir).filter((f) => f.endsWith(suffix)).sort()

/** @returns {{ where: string, expr: string, jobs: string[], names: string[] }[]} */
export function monitoringQueries() {
  const queries = [
    ...files(RULES_DIR, '.yml').flatMap((file) =>
      ruleExpressions(readFileSync(join(RULES_DIR, file), 'utf8')).map((expr) => ({ where: `prometheus/rules/${file}`, expr }))
    ),
    ...files(DASHBOARDS_DIR, '.json').flatMap((file) =>
      dashboardExpressions(JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8'))).map((expr) => ({ where: `grafana/dashboards/${file}`, expr }))
    ),
  ]
  return queries.map((query) => ({
    ...query,
    jobs: [...new Set([...query.expr.matchAll(/\bjob\s*=\s*"([^"]+)"/g)].map((m) => m[1]))],
    names: metricNames(query.expr),
  }))
}

/** Names that recording rules define: they exist in Prometheus, not in any /metrics. */
export function recordedNames() {
  return files(RULES_DIR, '.yml').flatMap((file) =>
    [...readFileSync(join(RULES_DIR, file), 'utf8').matchAll(/^\s*-?\s*record:\s*['"]?([a-zA-Z_:][\w:]*)/gm)].map((m) => m[1])
  )
}

/**
 * The sample names a Prometheus text exposition declares, from its `# TYPE` lines: a counter or
 * gauge is its own name, a histogram is name_bucket/_sum/_count, a summary name and _sum/_count.
 */
export function exposedNames(text) {
  const names = new Set()
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === 'histogram') ['_bucket', '_sum', '_count'].forEach((suffix) => names.add(name + suffix))
    else if (type === 'summary') ['', '_sum', '_count'].forEach((suffix) => names.add(name + suffix))
    else names.add(name)
  }
  return names
}
