/*
 * Debian's Prometheus for the local load-balanced topology. Its configuration is
 * prometheus/prometheus.local.yml with the addresses `make lb` was given: the file in the
 * repository stays the one description of what is scraped (and is what the ops tests check).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './paths.mjs'
import { daemon } from './processes.mjs'

const SOURCE = join(ROOT, 'prometheus', 'prometheus.local.yml')

/** The addresses written in prometheus.local.yml, in the order of the `targets` below. */
const DEFAULT_TARGETS = {
  api: ['127.0.0.1:3341', '127.0.0.1:3342', '127.0.0.1:3343'],
  web: '127.0.0.1:3100',
  prometheus: '127.0.0.1:9091',
}

/**
 * prometheus.local.yml with every default address replaced and the rule files made absolute
 * (the rendered file lives outside the repository).
 * @param {{ api: string[], web: string, prometheus: string }} targets host:port of each
 */
export function renderPrometheusConfig(targets, source = readFileSync(SOURCE, 'utf8')) {
  const replacements = [
    ...DEFAULT_TARGETS.api.map((address, index) => [address, targets.api[index]]),
    [DEFAULT_TARGETS.web, targets.web],
    [DEFAULT_TARGETS.prometheus, targets.prometheus],
  ]
  if (targets.api.length !== DEFAULT_TARGETS.api.length) {
    throw new Error(`prometheus.local.yml scrapes ${DEFAULT_TARGETS.api.length} API instances, got ${targets.api.length}`)
  }
  let config = source
  for (const [from, to] of replacements) {
    const quoted = `'${from}'`
    // A default that is no longer in the file means the file changed: fail rather than scrape the wrong port.
    if (!config.includes(quoted)) throw new Error(`prometheus.local.yml no longer scrapes ${from}`)
    config = config.replaceAll(quoted, `'${to}'`)
  }
  if (!/^\s+- rules\/\*\.yml$/m.test(config)) throw new Error('prometheus.local.yml no longer loads rules/*.yml')
  return config.replace(/^(\s+- )rules\/\*\.yml$/m, `$1${join(ROOT, 'prometheus', 'rules')}/*.yml`)
}

export function prometheusAvailable() {
  return ['/usr/bin/prometheus', '/usr/local/bin/prometheus'].find((path) => existsSync(path)) ?? null
}

/** Writes the configuration into `dir` and starts Prometheus storing under `dir`/data. */
export function startPrometheus({ name = 'prometheus', dir, runDir, listen, targets }) {
  const binary = prometheusAvailable()
  if (!binary) throw new Error('prometheus is not installed: run `make system-deps` (Debian package prometheus)')
  mkdirSync(join(dir, 'data'), { recursive: true })
  const file = join(dir, 'prometheus.yml')
  writeFileSync(file, renderPrometheusConfig(targets))
  return daemon(
    name,
    binary,
    [
      `--config.file=${file}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=${listen}`,
      '--storage.tsdb.retention.time=7d',
    ],
    { runDir }
  )
}
