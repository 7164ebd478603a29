/* The table printed at the end of a run and the Markdown written to docs/benchmarks/. */
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)}`

function rows(report) {
  const lines = report.routes.map((r) => [r.name, r.requests, r.rps.toFixed(1), ms(r.p50), ms(r.p95), ms(r.p99), '-', r.non2xx])
  const t = report.total
  lines.push(['TOTAL', t.requests, t.rps.toFixed(1), ms(t.p50), ms(t.p95), ms(t.p99), t.errors, t.non2xx])
  return lines
}

const HEADER = ['route', 'requests', 'rps', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx']

export function formatTable(report) {
  const all = [HEADER, ...rows(report)].map((r) => r.map(String))
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  const text = all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
  text.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  text.push('', `ceiling ${report.ceiling.rps.toFixed(0)} rps → this run is ${report.percentOfCeiling.toFixed(1)} % of it`)
  return text.join('\n')
}

export function toMarkdown(report) {
  const table = [HEADER, HEADER.map(() => '---'), ...rows(report)].map((r) => `| ${r.join(' | ')} |`).join('\n')
  return `# Benchmark: ${report.scenario}

${report.description}

- Date: ${report.date}
- Target: ${report.target}, ${report.connections} connections, ${report.durationSeconds} s
- Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}
- Ceiling (bare node:http, ${report.ceiling.bodyBytes} B body, same connections): **${report.ceiling.rps.toFixed(0)} rps**
- This run: **${report.total.rps.toFixed(1)} rps = ${report.percentOfCeiling.toFixed(1)} % of the ceiling**, p95 ${ms(report.total.p95)} ms

${table}

Reproduce: \`make start && make bench SCENARIO=${report.scenario}\` (see docs/benchmarks/README.md).
`
}
