/*
 * Every run's JSON (timestamped) and the latest run's Markdown, under docs/benchmarks/ — the
 * published figures — or under OUT= for a run that must not replace them (a quick try); and
 * summary.md there, the latest run of every scenario.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { ROOT } from '../lib/paths.mjs'
import { writeSummary } from './summary.mjs'

export const PUBLISHED_DIR = join(ROOT, 'docs', 'benchmarks')

export function saveReport(name, report, markdown, dir = PUBLISHED_DIR) {
  const out = resolve(dir)
  mkdirSync(out, { recursive: true })
  const stamp = report.date.slice(0, 19).replace(/[:T]/g, '-')
  writeFileSync(join(out, `${name}-${stamp}.json`), JSON.stringify(report, null, 2) + '\n')
  writeFileSync(join(out, `${name}.md`), markdown)
  writeSummary(out)
  const shown = out.startsWith(ROOT) ? relative(ROOT, out) : out
  console.log(`\n[bench] written ${shown}/${name}.md and ${name}-${stamp}.json`)
}
