/*
 * prometheus.yml names each scraped instance after its host (api-1:3333 → instance="api-1"),
 * "the same name the instance logs (INSTANCE_ID)". The web app's INSTANCE_ID was web-1 while
 * Prometheus called it web: an alert (WebInstanceDown on web) and the log lines it should lead
 * to (instance "web-1") named it differently.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const read = (file) => readFileSync(join(ROOT, file), 'utf8')

/** host:port targets of the app jobs (api, web) of prometheus.yml. */
function scrapedHosts() {
  const config = read('prometheus/prometheus.yml')
  const hosts = []
  for (const job of ['api', 'web']) {
    const section = config.slice(config.indexOf(`- job_name: ${job}\n`))
    const targets = section.match(/targets: \[([^\]]*)\]/)?.[1]
    assert.ok(targets, `no targets for job ${job}`)
    for (const target of targets.split(',')) hosts.push(target.trim().replace(/^'|'$/g, '').replace(/:\d+$/, ''))
  }
  return hosts
}

/** The INSTANCE_ID each service of the load-balanced compose file sets. */
function instanceIds() {
  const compose = read('docker-compose.loadbalanced.yml')
  const ids = {}
  let service = null
  for (const line of compose.split('\n')) {
    service = line.match(/^ {2}([\w-]+):$/)?.[1] ?? service
    const id = line.match(/^ {6}INSTANCE_ID: (\S+)$/)?.[1]
    if (service && id) ids[service] = id
  }
  return ids
}

test('every instance Prometheus scrapes in the compose stack logs under the name Prometheus gives it', () => {
  const ids = instanceIds()
  const hosts = scrapedHosts()
  assert.ok(hosts.length >= 4, `too few targets: ${hosts.join(', ')}`)
  for (const host of hosts) assert.equal(ids[host], host, `service ${host}: INSTANCE_ID ${ids[host]}, Prometheus instance "${host}"`)
})
