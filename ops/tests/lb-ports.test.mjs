/*
 * `make lb` checks every port it will bind before it starts anything (docs/load-balancer.md:
 * "refuses to start when one of its ports is held by another process"), including the ones a
 * service binds besides its own entry point: nginx's stub_status port (LB_STATUS_PORT). Held by
 * another process, nginx could not start, and `make lb` used to find out only after starting
 * PostgreSQL, Redis, the API instances and the web app, then waiting 90 s for nginx.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'

import { assertPortOurs, services, settingsFromEnv } from '../../scripts/lib/lb.mjs'

const scratch = mkdtempSync(join(tmpdir(), 'comptoir-lb-ports-'))
const held = []
after(async () => {
  await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))))
  rmSync(scratch, { recursive: true, force: true })
})

/** A port another process holds (a listening socket of this test). */
async function holdPort() {
  const server = net.createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  held.push(server)
  return server.address().port
}

/** A port nothing listens on (taken, then released). */
async function freePort() {
  const server = net.createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

const nginxOf = (ports) =>
  services(settingsFromEnv({ LB_DATA_DIR: scratch, LB_PORT: String(ports.nginx), LB_STATUS_PORT: String(ports.status) })).find(
    (service) => service.name === 'nginx'
  )

test('nginx with both of its ports free may start', async () => {
  await assertPortOurs(nginxOf({ nginx: await freePort(), status: await freePort() }))
})

test('a held entry point (LB_PORT) is refused', async () => {
  const nginx = await holdPort()
  await assert.rejects(assertPortOurs(nginxOf({ nginx, status: await freePort() })), new RegExp(`Port ${nginx} \\(nginx\\) is held by another process; stop it or choose another port, make lb LB_PORT=`))
})

test('a held stub_status port (LB_STATUS_PORT) is refused before anything starts', async () => {
  const status = await holdPort()
  await assert.rejects(assertPortOurs(nginxOf({ nginx: await freePort(), status })), new RegExp(`Port ${status} \\(nginx\\) is held by another process; stop it or choose another port, make lb LB_STATUS_PORT=`))
})

test('a port fetch() refuses to reach (5060, a "bad port") is refused before anything starts, naming it', async () => {
  // nginx would run there, but no health check (fetch) could ever reach it.
  await assert.rejects(assertPortOurs(nginxOf({ nginx: 5060, status: await freePort() })), /Port 5060 \(nginx\) is one fetch\(\) refuses to connect to/)
})
