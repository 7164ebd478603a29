/*
 * Static checks of the deployment files, with the real tools (Debian packages):
 *   docker-compose config, nginx -t, promtool check/test. The metric names that dashboards and
 * alert rules use are checked against the real /metrics of the running apps by
 * ops/live-tests/metric-names.test.mjs (the `stack` step of scripts/test.mjs).
 *
 *   node --test 'ops/tests/*.test.mjs'
 */
import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { after, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'

import { placeholders, renderNginxConfig, TEMPLATE } from '../../nginx/render.mjs'
import { renderPrometheusConfig } from '../../scripts/lib/prometheus.mjs'
import { dashboardExpressions, ruleExpressions } from '../lib/promql.mjs'
import { assertToolSucceeds, runTool } from '../lib/tools.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const at = (...parts) => join(ROOT, ...parts)
const read = (...parts) => readFileSync(at(...parts), 'utf8')

const scratch = mkdtempSync(join(tmpdir(), 'comptoir-ops-'))
// nginx workers run as `nobody` when the master is root: they must be able to enter the dir.
chmodSync(scratch, 0o755)
after(() => rmSync(scratch, { recursive: true, force: true }))

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.loadbalanced.yml']
const PROMETHEUS_CONFIGS = ['prometheus/prometheus.yml', 'prometheus/prometheus.local.yml']
const RULES = 'prometheus/rules/comptoir.yml'
const DASHBOARDS = readdirSync(at('grafana/dashboards')).filter((f) => f.endsWith('.json'))

/** Secrets each compose file must refuse to start without (no defaults). */
const REQUIRED_SECRETS = {
  'docker-compose.yml': ['APP_KEY', 'POSTGRES_PASSWORD', 'SESSION_SECRET'],
  'docker-compose.loadbalanced.yml': ['APP_KEY', 'POSTGRES_PASSWORD', 'SESSION_SECRET', 'GRAFANA_ADMIN_PASSWORD'],
}

describe('docker compose files', () => {
  // An empty --env-file and a minimal environment: a developer's .env or shell cannot
  // make the check pass (or fail) by accident.
  const emptyEnvFile = join(scratch, 'empty.env')
  writeFileSync(emptyEnvFile, '')
  const compose = (file, secrets) =>
    runTool('docker-compose', ['--env-file', emptyEnvFile, '-f', at(file), 'config', '-q'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME ?? scratch, ...secrets },
    })

  for (const file of COMPOSE_FILES) {
    const dummies = Object.fromEntries(REQUIRED_SECRETS[file].map((name) => [name, `dummy-${name.toLowerCase()}`]))

    test(`${file} is valid for docker-compose`, () => {
      const { status, output } = compose(file, dummies)
      assert.equal(status, 0, `docker-compose config rejected ${file}:\n${output}`)
    })

    for (const secret of REQUIRED_SECRETS[file]) {
      test(`${file} refuses to run without ${secret}`, () => {
        const { [secret]: _omitted, ...others } = dummies
        const { status, output } = compose(file, others)
        assert.notEqual(status, 0, `${file} accepted a missing ${secret} (a default secret?):\n${output}`)
        assert.match(output, new RegExp(secret), output)
      })
    }
  }

  test('no secret has a default value in any compose file', () => {
    for (const file of COMPOSE_FILES) {
      const defaults = [...read(file).matchAll(/\$\{([A-Z0-9_]*(?:PASSWORD|SECRET|KEY|TOKEN)[A-Z0-9_]*):?-([^}]+)\}/g)]
      assert.deepEqual(defaults.map((m) => m[0]), [], `${file} gives a secret a default value`)
    }
  })

  test('the nginx service defines exactly the placeholders of the nginx template', () => {
    const lb = read('docker-compose.loadbalanced.yml')
    const nginxService = lb.slice(lb.indexOf('\n  nginx:\n'), lb.indexOf('\n  nginx-exporter:'))
    const defined = [...nginxService.matchAll(/^\s+(LB_[A-Z0-9_]+):/gm)].map((m) => m[1]).sort()
    assert.deepEqual(defined, placeholders().sort())
  })
})

describe('nginx load balancer', () => {
  const nginxTest = (dir, config) => {
    const file = join(dir, 'nginx.conf')
    writeFileSync(file, config)
    // -p and -e keep nginx -t away from /etc/nginx and /var/log/nginx.
    assertToolSucceeds('nginx', ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', file])
  }

  test('the local topology (make lb) passes nginx -t', () => {
    const dir = mkdtempSync(join(scratch, 'nginx-local-'))
    chmodSync(dir, 0o755)
    const config = renderNginxConfig({
      api: ['127.0.0.1:3341', '127.0.0.1:3342', '127.0.0.1:3343'],
      web: '127.0.0.1:3100',
      listen: '8080',
      runtimeDir: dir,
    })
    assert.ok(!config.includes('${'), 'a placeholder was left in the rendered configuration')
    nginxTest(dir, config)
  })

  test('rendered with envsubst as the nginx image does, the template passes nginx -t', () => {
    // The image substitutes only the variables it is given (NGINX_ENVSUBST_FILTER=LB_), so
    // nginx's own $variables must survive. Host names become loopback: api-1 does not resolve here.
    const dir = mkdtempSync(join(scratch, 'nginx-envsubst-'))
    chmodSync(dir, 0o755)
    const env = {
      LB_LISTEN: '8080',
      LB_STATUS_LISTEN: '127.0.0.1:8081',
      LB_API_1: '127.0.0.1:3341',
      LB_API_2: '127.0.0.1:3342',
      LB_API_3: '127.0.0.1:3343',
      LB_WEB: '127.0.0.1:3000',
      LB_RUNTIME_DIR: dir,
      LB_LOG_DIR: dir,
    }
    const shellFormat = Object.keys(env).map((name) => '${' + name + '}').join(' ')
    const { status, stdout: config, output } = runTool('envsubst', [shellFormat], {
      input: readFileSync(TEMPLATE, 'utf8'),
      env: { PATH: process.env.PATH, ...env },
    })
    assert.equal(status, 0, output)
    assert.match(config, /\$comptoir_request_id/, 'envsubst removed nginx variables')
    nginxTest(dir, config)
  })
})

describe('prometheus', () => {
  for (const config of PROMETHEUS_CONFIGS) {
    test(`promtool check config ${config}`, () => {
      assertToolSucceeds('promtool', ['check', 'config', at(config)])
    })
  }

  test('make lb renders prometheus.local.yml for its ports: valid, the given targets, the rules of the repository', () => {
    const targets = { api: ['127.0.0.1:4341', '127.0.0.1:4342', '127.0.0.1:4343'], web: '127.0.0.1:4100', prometheus: '127.0.0.1:4091' }
    const config = renderPrometheusConfig(targets)
    const file = join(scratch, 'prometheus.lb.yml')
    writeFileSync(file, config)
    assertToolSucceeds('promtool', ['check', 'config', file])
    const scraped = [...config.matchAll(/- targets: \['([^']+)'\]/g)].map((m) => m[1])
    assert.deepEqual(scraped, [...targets.api, targets.web, targets.prometheus])
    assert.ok(config.includes(`${at('prometheus', 'rules')}/*.yml`), 'the rule files are not the repository ones')
    assert.throws(() => renderPrometheusConfig(targets, read('prometheus/prometheus.local.yml').replace("'127.0.0.1:3100'", "'127.0.0.1:3000'")), /no longer scrapes 127.0.0.1:3100/)
  })

  test(`promtool check rules ${RULES}`, () => {
    assertToolSucceeds('promtool', ['check', 'rules', at(RULES)])
  })

  test('the alert rules fire on the series the apps export (promtool test rules)', () => {
    assertToolSucceeds('promtool', ['test', 'rules', at('prometheus/tests/comptoir.test.yml')])
  })

  test('every job a rule or dashboard selects is scraped by both configurations', () => {
    const exprs = [...ruleExpressions(read(RULES)), ...DASHBOARDS.flatMap((f) => dashboardExpressions(JSON.parse(read('grafana/dashboards', f))))]
    const jobs = new Set(exprs.flatMap((e) => [...e.matchAll(/\bjob\s*=\s*"([^"]+)"/g)].map((m) => m[1])))
    for (const config of PROMETHEUS_CONFIGS) {
      const scraped = new Set([...read(config).matchAll(/job_name:\s*'?([\w-]+)'?/g)].map((m) => m[1]))
      for (const job of jobs) assert.ok(scraped.has(job), `job "${job}" is used but not scraped by ${config}`)
    }
  })
})

describe('grafana', () => {
  test('dashboards use the provisioned Prometheus datasource', () => {
    const uid = read('grafana/provisioning/datasources/prometheus.yml').match(/^\s+uid:\s*(\S+)/m)?.[1]
    assert.equal(uid, 'prometheus')
    for (const file of DASHBOARDS) {
      const uids = new Set()
      JSON.stringify(JSON.parse(read('grafana/dashboards', file)), (key, value) => {
        if (key === 'datasource' && value && typeof value === 'object') uids.add(value.uid)
        return value
      })
      assert.deepEqual([...uids], [uid], `${file} refers to another datasource`)
    }
  })

  test('dashboard queries are valid PromQL (checked by promtool as recording rules)', () => {
    const rules = DASHBOARDS.flatMap((file) => dashboardExpressions(JSON.parse(read('grafana/dashboards', file))))
    assert.ok(rules.length > 0, 'no query found in the dashboards')
    // YAML accepts JSON, so the rules file needs no YAML writer.
    const file = join(scratch, 'dashboard-queries.rules.yml')
    const group = { name: 'dashboard-queries', rules: rules.map((expr, i) => ({ record: `dashboard:query_${i}`, expr })) }
    writeFileSync(file, JSON.stringify({ groups: [group] }, null, 2))
    assertToolSucceeds('promtool', ['check', 'rules', file])
  })

  test('money panels show Canadian dollars as the web app does (12,34 $), never a foreign currency unit', () => {
    for (const file of DASHBOARDS) {
      const units = []
      JSON.stringify(JSON.parse(read('grafana/dashboards', file)), (key, value) => {
        if (key === 'unit' && typeof value === 'string') units.push(value)
        return value
      })
      // Grafana's built-in currency units name other countries' dollars (currencyUSD) or other currencies.
      assert.deepEqual(units.filter((unit) => unit.startsWith('currency')), [], `${file} uses a built-in currency unit`)
    }
    const money = JSON.parse(read('grafana/dashboards', 'business-kpis.json')).panels.filter((panel) => /\$\)$/.test(panel.title))
    assert.ok(money.length >= 4, 'the business dashboard has lost its money panels')
    for (const panel of money) assert.equal(panel.fieldConfig.defaults.unit, 'suffix: $', panel.title)
  })
})
