/*
 * The load balancer's behaviour, not just its syntax: the rendered nginx configuration is run
 * in front of three fake API instances and a fake web app, all on 127.0.0.1 ephemeral ports.
 * A request sent with `x-test-fail-first: 1` gets a 503 from the first instance that sees its
 * request id and a 200 from any later one, which shows whether nginx retried it elsewhere.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { after, before, describe, test } from 'node:test'

import { renderNginxConfig } from '../../nginx/render.mjs'
import { requireTool } from '../lib/tools.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * The POST routes of the API (api/app/<module>/routes.ts), each with whether it declares the
 * Idempotency-Key header, i.e. honours it: `documented(router.post('/path', …), { … headers:
 * [idempotencyKey('…')] … })`. Paths under /api/v1, with `:id` replaced by a number.
 */
function apiPostRoutes() {
  const routes = []
  for (const module of ['access', 'catalog', 'inventory', 'reporting', 'sales', 'stores']) {
    const source = readFileSync(join(ROOT, 'api', 'app', module, 'routes.ts'), 'utf8')
    const blocks = source.split(/(?=documented\()/)
    for (const block of blocks) {
      const path = block.match(/^documented\(router\.post\('([^']+)'/)?.[1]
      if (path) routes.push({ path: `/api/v1${path.replaceAll(':id', '42')}`, keyed: block.includes('idempotencyKey(') })
    }
  }
  return routes
}

/** request id -> instances that received it, in order */
const hits = new Map()
const servers = []

function fakeInstance(name) {
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const id = req.headers['x-request-id'] ?? ''
      const seen = hits.get(id) ?? []
      hits.set(id, [...seen, name])
      if (req.headers['x-test-fail-first'] === '1' && seen.length === 0) {
        res.writeHead(503, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ error: 'unavailable', instance: name }))
      }
      const body = {
        instance: name,
        method: req.method,
        url: req.url,
        requestId: id,
        host: req.headers.host ?? null,
        idempotencyKey: req.headers['idempotency-key'] ?? null,
        bodyBytes: Buffer.concat(chunks).length,
        // Big enough to be gzipped (gzip_min_length 1024) when asked for.
        padding: req.url.includes('big') ? 'x'.repeat(4096) : '',
      }
      // The instance's own request id must not reach the client next to nginx's.
      res.writeHead(200, { 'content-type': 'application/json', 'x-instance-id': name, 'x-request-id': 'from-upstream' })
      res.end(JSON.stringify(body))
    })
  })
  servers.push(server)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${server.address().port}`)))
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** A raw HTTP request (fetch would hide Content-Encoding and refuse some headers). */
function request(port, { method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => {
        let raw = Buffer.concat(chunks)
        if (res.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw)
        const text = raw.toString()
        let json = null
        try {
          json = JSON.parse(text)
        } catch {}
        resolve({ status: res.statusCode, headers: res.headers, rawHeaders: res.rawHeaders, text, json })
      })
    })
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path} timed out`)))
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

let nginx
let dir
let port
let statusPort
let nginxExit

describe('nginx load balancer behaviour', () => {
  before(async () => {
    const binary = requireTool('nginx')
    const api = await Promise.all(['api-1', 'api-2', 'api-3'].map(fakeInstance))
    const web = await fakeInstance('web')
    port = await freePort()
    statusPort = await freePort()
    dir = mkdtempSync(join(tmpdir(), 'comptoir-nginx-'))
    // Workers run as `nobody` when the master is root; they need to enter the temp dirs.
    chmodSync(dir, 0o755)
    const config = join(dir, 'nginx.conf')
    // Every deliberate 503 below counts as a failure of an instance: with the real max_fails=3 in
    // 10 s, the route-by-route retry checks would take all three out and meet nginx's own 502. The
    // passive health check is left to the failover test (ops/live-tests), against real instances.
    const rendered = renderNginxConfig({ api, web, listen: `127.0.0.1:${port}`, status: `127.0.0.1:${statusPort}`, runtimeDir: dir })
    assert.match(rendered, /max_fails=3/)
    writeFileSync(config, rendered.replaceAll('max_fails=3', 'max_fails=0'))
    nginx = spawn(binary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', config, '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    nginx.stderr.on('data', (chunk) => (stderr += chunk))
    nginxExit = new Promise((resolve) => nginx.once('exit', resolve))
    const deadline = Date.now() + 10_000
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}):\n${stderr}`)
      try {
        await request(statusPort, { path: '/stub_status' })
        break
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`nginx did not start: ${error.message}\n${stderr}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  })

  after(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGTERM')
      await nginxExit
    }
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('a GET that meets a 503 is retried once on another instance', async () => {
    const id = 'get-retry-1'
    const res = await request(port, { path: '/api/v1/products', headers: { 'x-request-id': id, 'x-test-fail-first': '1' } })
    assert.equal(res.status, 200, res.text)
    assert.equal(hits.get(id).length, 2)
    assert.notEqual(hits.get(id)[0], hits.get(id)[1], 'the retry went to the same instance')
  })

  test('a POST without Idempotency-Key is never replayed', async () => {
    for (const path of ['/api/v1/sales', '/api/v1/products']) {
      const id = `post-no-key-${path.split('/').pop()}`
      const res = await request(port, {
        method: 'POST',
        path,
        headers: { 'x-request-id': id, 'x-test-fail-first': '1', 'content-type': 'application/json' },
        body: '{"lignes":[]}',
      })
      assert.equal(res.status, 503, `${path}: ${res.text}`)
      assert.equal(hits.get(id).length, 1, `${path} reached ${hits.get(id).length} instances`)
    }
  })

  test('a POST /api/v1/sales with Idempotency-Key is retried on another instance, path, query and body intact', async () => {
    const id = 'sale-with-key'
    const body = JSON.stringify({ lignes: [{ produit: 1, quantite: 2 }] })
    const res = await request(port, {
      method: 'POST',
      path: '/api/v1/sales?source=pos',
      headers: { 'x-request-id': id, 'x-test-fail-first': '1', 'idempotency-key': 'k-123', 'content-type': 'application/json' },
      body,
    })
    assert.equal(res.status, 200, res.text)
    assert.equal(hits.get(id).length, 2)
    assert.equal(res.json.url, '/api/v1/sales?source=pos')
    assert.equal(res.json.idempotencyKey, 'k-123')
    assert.equal(res.json.bodyBytes, Buffer.byteLength(body))
  })

  test('every POST the API makes idempotent with a key is retried when keyed, with or without a trailing slash', async () => {
    const keyed = apiPostRoutes().filter((route) => route.keyed)
    // sales, returns, cancellations, replenishments, stock adjustments, receipts, products, reductions, registers, tokens, users
    assert.ok(keyed.length >= 11, `only ${keyed.length} keyed POST routes found in api/app/*/routes.ts`)
    for (const { path: route } of keyed) {
      for (const path of [route, `${route}/`]) {
        const id = `keyed-${path}`
        const res = await request(port, {
          method: 'POST',
          path: `${path}?source=pos`,
          headers: { 'x-request-id': id.replace(/[^\w-]/g, '_'), 'x-test-fail-first': '1', 'idempotency-key': 'k-retry-1', 'content-type': 'application/json' },
          body: '{}',
        })
        const instances = hits.get(id.replace(/[^\w-]/g, '_'))
        assert.equal(res.status, 200, `${path} was not retried: ${res.text}`)
        assert.equal(instances.length, 2, `${path} reached ${instances.length} instances`)
        assert.equal(res.json.url, `${path}?source=pos`)
        assert.equal(res.json.idempotencyKey, 'k-retry-1')
      }
    }
  })

  test('a keyed POST the API does not make idempotent is never replayed', async () => {
    const unkeyed = apiPostRoutes().filter((route) => !route.keyed).map((route) => route.path)
    assert.ok(unkeyed.includes('/api/v1/auth/login') && unkeyed.includes('/api/v1/registers/42/sessions'), unkeyed.join(', '))
    // Decisions on a request, and paths that only start or end like a keyed one.
    const lookalikes = ['/api/v1/replenishments/42/approve', '/api/v1/sales/42', '/api/v1/sales/42/returns/7', '/api/v1/v2/sales', '/api/v1/salesx', '/api/v1/stores/42']
    for (const path of [...unkeyed, ...lookalikes]) {
      const id = `unkeyed-${path}`.replace(/[^\w-]/g, '_')
      const res = await request(port, {
        method: 'POST',
        path,
        headers: { 'x-request-id': id, 'x-test-fail-first': '1', 'idempotency-key': 'k-no-retry', 'content-type': 'application/json' },
        body: '{}',
      })
      assert.equal(res.status, 503, `${path}: ${res.text}`)
      assert.equal(hits.get(id).length, 1, `${path} reached ${hits.get(id).length} instances`)
    }
  })

  test('X-Request-Id: kept when valid, generated when missing or malformed, one in the response', async () => {
    const kept = await request(port, { path: '/api/v1/stores', headers: { 'x-request-id': 'abc-123' } })
    assert.equal(kept.json.requestId, 'abc-123')
    assert.equal(kept.headers['x-request-id'], 'abc-123')
    assert.equal(kept.rawHeaders.filter((h) => h.toLowerCase() === 'x-request-id').length, 1)

    for (const headers of [{}, { 'x-request-id': 'not an id; rm -rf' }, { 'x-request-id': 'a'.repeat(200) }]) {
      const res = await request(port, { path: '/api/v1/stores', headers })
      assert.match(res.json.requestId, /^[0-9a-f]{32}$/)
      assert.equal(res.headers['x-request-id'], res.json.requestId)
    }
  })

  test('X-Instance-Id of the instance that answered reaches the client', async () => {
    const res = await request(port, { path: '/api/v1/stores' })
    assert.match(res.headers['x-instance-id'], /^api-[123]$/)
    assert.equal(res.headers['x-instance-id'], res.json.instance)
  })

  test('/health goes to the API, / to the web app, /metrics nowhere', async () => {
    assert.match((await request(port, { path: '/health' })).headers['x-instance-id'], /^api-/)
    assert.equal((await request(port, { path: '/' })).headers['x-instance-id'], 'web')
    assert.equal((await request(port, { path: '/ventes/nouvelle' })).headers['x-instance-id'], 'web')
    const before = hits.size
    const metrics = await request(port, { path: '/metrics', headers: { 'x-request-id': 'metrics-probe' } })
    assert.equal(metrics.status, 404)
    assert.equal(hits.size, before)
    assert.equal(hits.has('metrics-probe'), false)
    // Express (the web app) answers /metrics for these too: they went through `location /` to it.
    for (const path of ['/Metrics', '/METRICS', '/metrics/', '/Metrics/', '/metrics//', '/%6Detrics']) {
      const probe = `metrics-probe-${path.replace(/[^A-Za-z0-9]/g, '_')}`
      const answer = await request(port, { path, headers: { 'x-request-id': probe } })
      assert.equal(answer.status, 404, path)
      assert.equal(hits.has(probe), false, `${path} reached an upstream`)
    }
  })

  test("the web app and the API get the host and port the browser addressed (a form post's Origin carries the port)", async () => {
    const page = await request(port, { method: 'POST', path: '/connexion', headers: { origin: `http://127.0.0.1:${port}` }, body: 'csrf=x' })
    assert.equal(page.json.host, `127.0.0.1:${port}`)
    assert.equal((await request(port, { path: '/api/v1/products' })).json.host, `127.0.0.1:${port}`)
  })

  test('JSON is gzipped, bodies over 1 MiB are refused', async () => {
    const big = await request(port, { path: '/api/v1/big', headers: { 'accept-encoding': 'gzip' } })
    assert.equal(big.status, 200)
    assert.equal(big.headers['content-encoding'], 'gzip')
    assert.equal(big.json.padding.length, 4096)

    const tooLarge = await request(port, {
      method: 'POST',
      path: '/api/v1/sales',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(1024 * 1024 + 1, 'a'),
    })
    assert.equal(tooLarge.status, 413)
  })

  test('stub_status answers on the loopback status port only', async () => {
    const res = await request(statusPort, { path: '/stub_status' })
    assert.equal(res.status, 200)
    assert.match(res.text, /Active connections/)
    assert.equal((await request(port, { path: '/stub_status' })).headers['x-instance-id'], 'web')
  })

  test('the access log is one JSON object per request, retries visible in upstream_addr', () => {
    const lines = readFileSync(join(dir, 'access.log'), 'utf8').trim().split('\n')
    const entries = lines.map((line) => JSON.parse(line))
    const sale = entries.find((entry) => entry.request_id === 'sale-with-key')
    assert.ok(sale, 'the keyed sale is not in the access log')
    assert.equal(sale.uri, '/api/v1/sales?source=pos')
    assert.equal(sale.status, 200)
    assert.equal(sale.upstream_addr.split(',').length, 2, sale.upstream_addr)
    assert.equal(sale.upstream_status, '503, 200')
  })
})
