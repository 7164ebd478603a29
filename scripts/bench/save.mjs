/* Every run's JSON (timestamped) and the latest run's Markdown, under docs/benchmarks/. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../lib/paths.mjs'

export function saveReport(name, report, markdown) {
  const dir = join(ROOT, 'docs', 'benchmarks')
  mkdirSync(dir, { recursive: true })
  const stamp = report.date.slice(0, 19).replace(/[:T]/g, '-')
  writeFileSync(join(dir, `${name}-${stamp}.json`), JSON.stringify(report, null, 2) + '\n')
  writeFileSync(join(dir, `${name}.md`), markdown)
  console.log(`\n[bench] written docs/benchmarks/${name}.md and ${name}-${stamp}.json`)
}
