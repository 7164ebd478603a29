/* The table printed at the end of a run and the Markdown written to docs/benchmarks/. */
export const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)}`

function rows(report) {
  const lines = report.routes.map((r) => [r.name, r.requests, r.rps.toFixed(1), ms(r.p50), ms(r.p95), ms(r.p99), '-', r.non2xx])
  const t = report.total
  lines.push(['TOTAL', t.requests, t.rps.toFixed(1), ms(t.p50), ms(t.p95), ms(t.p99), t.errors, t.non2xx])
  return lines
}

const HEADER = ['route', 'requests', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx']

/** A ramp: one line per stage. */
function stageRows(report) {
  return report.stages.map((s) => [
    s.connections, s.total.requests, s.total.rps.toFixed(1), ms(s.total.p50), ms(s.total.p95), ms(s.total.p99),
    s.total.errors, s.total.non2xx, s.ceiling.rps.toFixed(0), s.ceiling.p95 === undefined ? '-' : ms(s.ceiling.p95), `${s.percentOfCeiling.toFixed(1)} %`,
    s.proxyCeiling ? s.proxyCeiling.rps.toFixed(0) : '-', s.proxyCeiling ? ms(s.proxyCeiling.p95) : '-',
  ])
}

const STAGE_HEADER = ['connections', 'requests', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'ceiling rps', 'ceiling p95 ms', '% of ceiling', 'nginx ceiling rps', 'nginx ceiling p95 ms']

function aligned(header, body) {
  const all = [header, ...body].map((r) => r.map(String))
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  const text = all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
  text.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  return text
}

const counts = (byInstance = {}) =>
  Object.entries(byInstance)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, n]) => `${id} ${n}`)
    .join(', ') || 'none'

/** Which instances answered (X-Instance-Id), and around the disruption when there was one. */
function instanceLines(result) {
  const instances = result.instances
  if (!instances) return []
  const lines = [`answers by instance (X-Instance-Id): ${counts(instances.overall)}`]
  if (instances.disruption !== undefined) {
    lines.push(`disruption: ${instances.disruption ?? 'did not happen (the run ended first)'}`)
    lines.push(`before it: ${counts(instances.beforeDisruption)}`)
    lines.push(`after it (from 0.5 s after): ${counts(instances.afterDisruption)}`)
  }
  return lines
}

/** Sales recorded (201, or 200 for a replay) per second, or null when the run sold nothing. */
export function salesPerSecond(result) {
  const sales = result.routes?.find((r) => r.name === 'POST /api/v1/sales')
  if (!sales) return null
  const ok = (sales.statuses[201] ?? 0) + (sales.statuses[200] ?? 0)
  return { perSecond: ok / result.durationSeconds, recorded: ok }
}

function salesLine(result) {
  const sales = salesPerSecond(result)
  return sales ? [`sales: ${sales.perSecond.toFixed(1)} per second (${sales.recorded} recorded)`] : []
}

/** What a paced run offered: users and their pauses (no ceiling: the load is set by the pauses). */
function pacedLine(report) {
  const { users, thinkTime: t } = report.paced
  const second = t.secondRequestChance ? `, ${Math.round(t.secondRequestChance * 100)} % of them send a second request after ${t.secondRequestAfterSeconds} s` : ''
  return `${users} paced users, each thinking U(${t.minSeconds}, ${t.maxSeconds}) s between requests${second}; ${report.total.rps.toFixed(1)} rps offered and answered, p95 ${ms(report.total.p95)} ms`
}

function loadLine(report) {
  if (report.paced) return pacedLine(report)
  const line = `ceiling ${report.ceiling.rps.toFixed(0)} rps → this run is ${report.percentOfCeiling.toFixed(1)} % of it`
  return report.proxyCeiling ? `${line}; through nginx ${report.proxyCeiling.rps.toFixed(0)} rps → ${report.percentOfProxyCeiling.toFixed(1)} %` : line
}

/** Through make lb's nginx: the same nginx over bare servers, beside the bare server alone. */
function proxyCeilingLine(report) {
  const c = report.proxyCeiling
  if (!c) return ''
  return `- Ceiling through nginx (make lb's nginx configuration over 3 bare node:http servers, the same requests and connections): **${c.rps.toFixed(0)} rps**, p95 ${ms(c.p95)} ms; this run is ${report.percentOfProxyCeiling.toFixed(1)} % of it\n`
}

/** The first failed requests: when, and what the client saw. */
function failureLines(report) {
  return (report.failures ?? []).map((failure) => `failed at ${failure.atSeconds} s: ${failure.error}`)
}

export function formatTable(report) {
  if (report.stages) return aligned(STAGE_HEADER, stageRows(report)).join('\n')
  const text = aligned(HEADER, rows(report))
  text.push('', loadLine(report), ...failureLines(report))
  text.push(...salesLine(report), ...instanceLines(report))
  return text.join('\n')
}

const markdownTable = (header, body) => [header, header.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n')

function machineLine(machine) {
  const load = machine.loadAverage ? `, load average ${machine.loadAverage.join(' / ')} (1 / 5 / 15 min, at the end of the run)` : ''
  return `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}${load}`
}

export function toMarkdown(report) {
  // What was set besides the scenario's own defaults, so that the command runs the same load.
  const settings = Object.entries(report.settings ?? {}).map(([name, value]) => ` ${name}=${value}`).join('')
  const reproduce = report.topology?.startsWith('make lb')
    ? `make lb && make bench SCENARIO=${report.scenario} TARGET=${report.target}${settings}`
    : `make start && make bench SCENARIO=${report.scenario}${settings}`
  const head = `# Benchmark: ${report.scenario}

${report.description}

- Date: ${report.date}
- Target: ${report.target}${report.topology ? ` (${report.topology})` : ''}
- Machine: ${machineLine(report.machine)}
${report.code ? `- Code: commit ${report.code.commit}${report.code.changed ? ', with uncommitted changes' : ''}\n` : ''}`
  const foot = `\nReproduce: \`${reproduce}\` (see docs/benchmarks/README.md).\n`
  if (report.stages) {
    return `${head}- Stages run one after the other; each stage's ceiling is a bare node:http server sent the same requests with the same connections${report.stages.some((stage) => stage.proxyCeiling) ? "; the nginx ceiling is make lb's nginx configuration over 3 such servers" : ''}

${markdownTable(STAGE_HEADER, stageRows(report))}
${foot}`
  }
  const extra = [...salesLine(report), ...instanceLines(report), ...failureLines(report)].map((line) => `- ${line}`).join('\n')
  if (report.paced) {
    return `${head}- ${report.durationSeconds} s: ${pacedLine(report)}
${extra}

${markdownTable(HEADER, rows(report))}
${foot}`
  }
  return `${head}- ${report.connections} connections, ${report.durationSeconds} s
- Ceiling (bare node:http, ${report.ceiling.bodyBytes} B body, the same requests and connections): **${report.ceiling.rps.toFixed(0)} rps**${report.ceiling.p95 === undefined ? '' : `, p95 ${ms(report.ceiling.p95)} ms`}
${proxyCeilingLine(report)}- This run: **${report.total.rps.toFixed(1)} rps = ${report.percentOfCeiling.toFixed(1)} % of the ceiling**, p95 ${ms(report.total.p95)} ms
${extra}

${markdownTable(HEADER, rows(report))}
${foot}`
}
