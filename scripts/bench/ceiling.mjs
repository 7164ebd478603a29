/*
 * The machine's ceiling: a bare node:http server (separate process, like
 * the API) answering a static JSON body as large as a products page,
 * driven by the same runner with the same requests and connections.
 * Scenarios report a % of it, so figures compare across machines of
 * different speed. The load generator shares the machine's cores: a
 * ceiling driven by a lighter client (autocannon on one static URL, before
 * 2026-12-07 22:05 UTC) left more CPU to the bare server than the scenario's
 * own requests leave to the API, and came out 1.4–2.3 × higher (three back-to-back pairs, 2026-12-07).
 *
 * Through make lb's nginx, a second reference: the same nginx configuration
 * (nginx/comptoir.conf.template) in front of three such bare servers — what
 * no API behind that proxy can beat on this machine.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nginxArgs, nginxBinary, writeNginxConfig } from '../lib/nginx.mjs'
import { waitForHttp } from '../lib/processes.mjs'

// The body comes on stdin: a web page can be larger than one command-line argument may be.
const SERVER = `
const http = require('node:http')
const chunks = []
process.stdin.on('data', (chunk) => chunks.push(chunk))
process.stdin.on('end', () => {
  const body = Buffer.concat(chunks)
  http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
    res.end(body)
  }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n') })
})
`

/** A bare server answering `body` to every request, in its own process: its port, and how to stop it. */
async function startBareServer(body) {
  const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['pipe', 'pipe', 'inherit'] })
  server.stdin.end(body)
  const [chunk] = await once(server.stdout, 'data')
  return { port: Number(chunk.toString().trim()), stop: () => server.kill() }
}

/** The body the ceiling serves: `sample`'s (default: the API's products page). */
export async function ceilingBody({ target, token, sample }) {
  const { url, headers } = sample ?? { url: `${target}/api/v1/products/`, headers: { 'x-api-token': token } }
  return (await fetch(url, { headers })).text()
}

const figures = (body, { total }) => ({ bodyBytes: Buffer.byteLength(body), rps: total.rps, p50: total.p50, p95: total.p95, p99: total.p99 })

/** `drive(url)`: runs the scenario's requests against the server at `url` (scripts/bench/load.mjs). */
export async function measureCeiling({ body, drive }) {
  const server = await startBareServer(body)
  try {
    return figures(body, await drive(`http://127.0.0.1:${server.port}`))
  } finally {
    server.stop()
  }
}

async function freePort() {
  const probe = createServer()
  await new Promise((done) => probe.listen(0, '127.0.0.1', done))
  const { port } = probe.address()
  await new Promise((done) => probe.close(done))
  return port
}

/** The same nginx configuration as make lb's, over three bare servers (and a fourth for the web upstream). */
export async function measureProxyCeiling({ body, drive }) {
  const servers = await Promise.all([0, 1, 2, 3].map(() => startBareServer(body)))
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-ceiling-nginx-'))
  let nginx = null
  try {
    const [listen, status] = [await freePort(), await freePort()]
    const file = writeNginxConfig({
      dir,
      api: servers.slice(0, 3).map((server) => `127.0.0.1:${server.port}`),
      web: `127.0.0.1:${servers[3].port}`,
      listen: `127.0.0.1:${listen}`,
      status: `127.0.0.1:${status}`,
    })
    nginx = spawn(nginxBinary(), [...nginxArgs(dir, file), '-g', 'daemon off;'], { stdio: 'ignore' })
    const url = `http://127.0.0.1:${listen}`
    await waitForHttp(`${url}/health`, 10_000, "the ceiling's nginx")
    return figures(body, await drive(url))
  } finally {
    if (nginx) {
      const exited = once(nginx, 'exit')
      nginx.kill('SIGTERM')
      await exited
    }
    for (const server of servers) server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
