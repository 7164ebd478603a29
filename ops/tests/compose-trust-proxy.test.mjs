/*
 * Who the apps of the compose stacks believe about a client's address (TRUST_PROXY): the API
 * counts failed logins per client address, so a trusted peer that a client can reach through
 * lets that client pick a fresh address for every guess. Clients of the published ports reach
 * the containers from the network's gateway (Docker's proxy), and the compose files used to
 * trust their whole subnet, gateway included: any client of :3333 (or of nginx :8080, whose
 * X-Forwarded-For keeps what the client sent) chose its own address. Now only the fixed
 * addresses of the services that really proxy (nginx, the web app) are trusted.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'

import { runTool } from '../lib/tools.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const scratch = mkdtempSync(join(tmpdir(), 'comptoir-trust-proxy-'))
after(() => rmSync(scratch, { recursive: true, force: true }))
const emptyEnvFile = join(scratch, 'empty.env')
writeFileSync(emptyEnvFile, '')

/** The file as docker-compose resolves it (anchors merged), read line by line. */
function resolved(file) {
  const secrets = { APP_KEY: 'k', POSTGRES_PASSWORD: 'p', SESSION_SECRET: 's', GRAFANA_ADMIN_PASSWORD: 'g' }
  const { status, stdout, output } = runTool('docker-compose', ['--env-file', emptyEnvFile, '-f', join(ROOT, file), 'config'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? scratch, ...secrets },
  })
  assert.equal(status, 0, output)
  const services = {}
  let section = null
  let service = null
  for (const line of stdout.split('\n')) {
    if (/^\S/.test(line)) section = line.replace(/:.*/, '')
    const name = section === 'services' && line.match(/^ {2}([\w-]+):$/)?.[1]
    if (name) services[(service = name)] = { trust: null, address: null }
    const trust = service && line.match(/^ {6}TRUST_PROXY: (.+)$/)?.[1]
    if (trust) services[service].trust = trust.replace(/^'|'$/g, '').split(',').map((entry) => entry.trim())
    const address = service && line.match(/^ {8}ipv4_address: ([\d.]+)$/)?.[1]
    if (address) services[service].address = address
  }
  const subnet = stdout.match(/subnet: ([\d.]+)\/(\d+)/)
  const range = stdout.match(/ip_range: ([\d.]+)\/(\d+)/)
  assert.ok(subnet, `${file} gives its network no subnet`)
  return { services, subnet: [subnet[1], Number(subnet[2])], range: range && [range[1], Number(range[2])] }
}

const toNumber = (ip) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
const inCidr = (ip, [base, bits]) => bits === 0 || toNumber(ip) >>> (32 - bits) === toNumber(base) >>> (32 - bits)

/** Who each service must trust: the services that forward a client's address to it. */
const PROXIES = {
  'docker-compose.yml': { api: ['web'] },
  'docker-compose.loadbalanced.yml': { 'api-1': ['nginx', 'web'], 'api-2': ['nginx', 'web'], 'api-3': ['nginx', 'web'], migrate: ['nginx', 'web'], web: ['nginx'] },
}

for (const [file, expected] of Object.entries(PROXIES)) {
  test(`${file}: each app trusts exactly the fixed addresses of its proxies, never the network's gateway`, () => {
    const { services, subnet, range } = resolved(file)
    const gateway = subnet[0].replace(/\.\d+$/, '.1')
    for (const [name, service] of Object.entries(services)) {
      if (!service.trust) continue
      for (const entry of service.trust) {
        assert.ok(/^\d+\.\d+\.\d+\.\d+$/.test(entry), `${name} trusts ${entry}, a range or a name: only the proxies' own addresses may be trusted`)
        assert.notEqual(entry, gateway, `${name} trusts the gateway, where every client of a published port comes from`)
      }
      const proxies = expected[name] ?? []
      const addresses = proxies.map((proxy) => services[proxy]?.address)
      assert.ok(addresses.every(Boolean), `${file}: ${proxies.join(', ')} need a fixed ipv4_address`)
      assert.deepEqual([...service.trust].sort(), [...addresses].sort(), `${name} should trust ${proxies.join(', ')}`)
    }
    for (const name of Object.keys(expected)) assert.ok(services[name]?.trust, `${name} sets no TRUST_PROXY`)
    for (const [name, service] of Object.entries(services)) {
      if (!service.address) continue
      assert.ok(inCidr(service.address, subnet), `${name}'s address is outside the subnet`)
      // Docker hands out addresses from ip_range by itself: a fixed one inside it may be taken already.
      assert.ok(range && !inCidr(service.address, range), `${name}'s fixed address must lie outside the network's ip_range`)
    }
  })
}
