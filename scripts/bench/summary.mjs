/*
 * summary.md: the latest run of every scenario, one row each, written again after every run
 * into the folder of its reports (docs/benchmarks/, or OUT=), so the figures quoted are always
 * those of the files beside it (a hand-kept table drifted from them).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ms, salesPerSecond } from './report.mjs'

const RUN_FILE = /^(.+)-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})\.json$/

/** The latest run's JSON file of each report name (`read-mix`, `read-mix-lb`…), by name. */
export function latestRuns(dir) {
  const latest = new Map()
  for (const file of readdirSync(dir).sort()) {
    const match = RUN_FILE.exec(file)
    if (match) latest.set(match[1], file)
  }
  return latest
}

const count = (n) => Math.round(n).toLocaleString('en-US')
const failed = (total) => (total.errors ?? 0) + (total.non2xx ?? 0) + (total.unanswered ?? 0) + (total.timeouts ?? 0)

function result(report) {
  if (report.routes?.[0]?.ratio !== undefined) {
    const ratios = report.routes.map((route) => route.ratio)
    return `cached ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)} × the uncached rps over ${ratios.length} routes`
  }
  if (report.stages) {
    const last = report.stages.at(-1)
    const errors = report.stages.reduce((sum, stage) => sum + failed(stage.total), 0)
    return `${report.stages.length} stages up to ${last.connections} connections: ${count(last.total.rps)} rps, p95 ${ms(last.total.p95)} ms at the last; ${count(errors)} failed in all`
  }
  const parts = [`${count(report.total.rps)} rps`, `p95 ${ms(report.total.p95)} ms`]
  if (report.percentOfCeiling !== undefined) parts.push(`${report.percentOfCeiling.toFixed(1)} % of the ceiling`)
  if (report.proxyCeiling) parts.push(`${report.percentOfProxyCeiling.toFixed(1)} % of the nginx ceiling (whose p95 is ${ms(report.proxyCeiling.p95)} ms)`)
  const sales = salesPerSecond(report)
  if (sales) parts.push(`${sales.perSecond.toFixed(1)} sales/s`)
  parts.push(`${count(failed(report.total))} failed of ${count(report.total.requests)}`)
  return parts.join(', ')
}

function load(report) {
  if (report.stages) return 'stages'
  return report.paced ? `${report.connections} paced users` : `${report.connections} connections`
}

export function summaryMarkdown(dir) {
  const rows = [...latestRuns(dir)].map(([name, file]) => {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    const when = `${report.date.slice(0, 10)} ${report.date.slice(11, 16)}`
    const busy = report.machine?.loadAverage ? report.machine.loadAverage[0].toFixed(1) : '–'
    const where = report.topology ?? (report.targetUncached ? 'one API, cached vs uncached' : 'one API')
    return `| [${name}](${name}.md) | ${when} | ${where} | ${load(report)} | ${result(report)} | ${busy} |`
  })
  return `# Latest benchmark runs

Written by \`make bench\` after every run: the latest run of each scenario, from its JSON beside
this file. "load avg" is the machine's 1-minute load average when the run ended: it says how busy
the machine was. What each scenario does, the issue targets and what limits them:
[README.md](README.md).

| report | run (UTC) | where | load offered | result | load avg |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`
}

export function writeSummary(dir) {
  writeFileSync(join(dir, 'summary.md'), summaryMarkdown(dir))
}
