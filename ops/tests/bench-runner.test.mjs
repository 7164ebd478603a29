// The benchmark runners against a local server whose answers we control:
// paced users keep their pauses and weights, and both runners count what failed.
// (autocannon reconnects after a hang-up without reporting it, so only the paced
// runner's hang-up case is tested; a reset mid-answer is an error there.)
import assert from 'node:assert/strict'
import http from 'node:http'
import { after, before, test } from 'node:test'
import { runLoad } from '../../scripts/bench/load.mjs'
import { runUsers } from '../../scripts/bench/users.mjs'
import { measureCeiling, measureProxyCeiling } from '../../scripts/bench/ceiling.mjs'
import { readdirSync as listDir } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'

let server
let target
const seen = { tokens: new Set(), paths: {} }

before(async () => {
  server = http.createServer((request, response) => {
    seen.tokens.add(request.headers['x-api-token'])
    seen.paths[request.url] = (seen.paths[request.url] ?? 0) + 1
    // /broken hangs up without answering: a failed request, not a non-2xx answer.
    if (request.url === '/broken') return request.socket.destroy()
    if (request.url === '/missing') {
      response.writeHead(404, { 'x-instance-id': 'test' })
      return response.end('{}')
    }
    response.writeHead(200, { 'content-type': 'application/json', 'x-instance-id': 'test' })
    response.end('{"ok":true}')
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  target = `http://127.0.0.1:${server.address().port}`
})

after(() => new Promise((resolve) => server.close(resolve)))

const route = (name, path, weight) => ({ name, method: 'GET', path, weight })
const env = { token: 'bench-token' }

test('paced users: each pauses between requests, routes are drawn by weight, every answer is counted', async () => {
  const scenario = {
    routes: [route('a', '/a', 3), route('b', '/b', 1)],
    thinkTime: { minSeconds: 0.05, maxSeconds: 0.15, secondRequestChance: 0, secondRequestAfterSeconds: 0 },
  }
  const result = await runUsers({ target, scenario, env, connections: 10, duration: 2 })
  // 10 users × 2 s ÷ a 0.1 s pause on average ≈ 200 requests; far more would mean no pause.
  assert.ok(result.total.requests >= 100 && result.total.requests <= 260, `requests: ${result.total.requests}`)
  const byName = Object.fromEntries(result.routes.map((r) => [r.name, r.requests]))
  const shareOfA = byName.a / result.total.requests
  assert.ok(shareOfA > 0.6 && shareOfA < 0.9, `route a drawn ${(shareOfA * 100).toFixed(0)} % of the time (weight 75 %)`)
  assert.equal(result.total.errors, 0)
  assert.equal(result.total.non2xx, 0)
  assert.equal(result.total.unanswered, 0)
  assert.equal(result.instances.overall.test, result.total.requests)
  assert.deepEqual([...seen.tokens], ['bench-token'])
  assert.deepEqual(result.paced, { users: 10, thinkTime: scenario.thinkTime })
})

test('paced users: a hang-up is an error and a 404 is a non-2xx answer', async () => {
  const scenario = {
    routes: [route('ok', '/a', 1), route('broken', '/broken', 1), route('missing', '/missing', 1)],
    thinkTime: { minSeconds: 0.02, maxSeconds: 0.05, secondRequestChance: 0.5, secondRequestAfterSeconds: 0.01 },
  }
  const result = await runUsers({ target, scenario, env, connections: 4, duration: 1 })
  const byName = Object.fromEntries(result.routes.map((r) => [r.name, r]))
  assert.ok(result.total.errors > 0, 'hang-ups are counted')
  assert.equal(byName.broken.requests, 0, 'a hang-up has no answer to time')
  assert.ok(byName.missing.non2xx > 0 && byName.missing.non2xx === byName.missing.requests)
  assert.equal(result.total.non2xx, byName.missing.non2xx)
})

test('closed loop: per-route figures, and a 404 is counted as non-2xx on its route', async () => {
  const scenario = { routes: [route('a', '/a', 1), route('missing', '/missing', 1)] }
  const result = await runLoad({ target, scenario, env, connections: 2, duration: 1 })
  const byName = Object.fromEntries(result.routes.map((r) => [r.name, r]))
  assert.ok(byName.a.requests > 10, `route a answered ${byName.a.requests} times`)
  assert.ok(byName.a.p50 > 0 && byName.a.p95 >= byName.a.p50 && byName.a.p99 >= byName.a.p95)
  assert.equal(byName.a.non2xx, 0)
  assert.equal(byName.missing.non2xx, byName.missing.requests)
  assert.equal(result.total.non2xx, byName.missing.requests)
  assert.equal(result.total.errors, 0)
  assert.equal(result.instances.overall.test, result.total.requests)
})

test('make bench against a stack that is not running says so, and loads nothing', async () => {
  const { execFile } = await import('node:child_process')
  // A port that was just free: nothing listens there.
  const idle = http.createServer()
  await new Promise((resolve) => idle.listen(0, '127.0.0.1', resolve))
  const port = idle.address().port
  await new Promise((resolve) => idle.close(resolve))
  const script = new URL('../../scripts/bench.mjs', import.meta.url).pathname
  const { code, stderr } = await new Promise((resolve) => {
    execFile(process.execPath, [script, '--target', `http://127.0.0.1:${port}`, '--duration', '1'], { timeout: 30_000 }, (error, _stdout, stderr) =>
      resolve({ code: error?.code ?? 0, stderr })
    )
  })
  assert.equal(code, 1)
  assert.match(stderr, new RegExp(`Nothing answers at http://127\\.0\\.0\\.1:${port}: start the stack first`))
})

test('a report says how to run the same load again, and a run can be saved away from the published figures', async () => {
  const { toMarkdown } = await import('../../scripts/bench/report.mjs')
  const { saveReport } = await import('../../scripts/bench/save.mjs')
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const totals = { rps: 100, p50: 1, p95: 2, p99: 3, errors: 0, non2xx: 0, unanswered: 0, requests: 1000 }
  const report = {
    scenario: 'read-mix',
    description: 'test',
    date: '2026-12-07T01:02:03.456Z',
    target: 'http://127.0.0.1:8080',
    topology: 'make lb: nginx over 3 API instances',
    settings: { CONNECTIONS: '300', DURATION: '20' },
    machine: { cpus: 2, cpuModel: 'cpu', memoryGiB: 24, node: 'v24' },
    connections: 300,
    durationSeconds: 20,
    ceiling: { rps: 1000, bodyBytes: 10 },
    percentOfCeiling: 10,
    total: totals,
    routes: [],
  }
  const markdown = toMarkdown(report)
  assert.match(markdown, /Reproduce: `make lb && make bench SCENARIO=read-mix TARGET=http:\/\/127\.0\.0\.1:8080 CONNECTIONS=300 DURATION=20`/)
  assert.match(toMarkdown({ ...report, topology: 'one API instance', settings: {} }), /Reproduce: `make start && make bench SCENARIO=read-mix`/)

  const out = mkdtempSync(join(tmpdir(), 'bench-out-'))
  try {
    saveReport('read-mix-lb', { ...report, date: '2026-12-06T01:02:03.456Z', total: { ...totals, rps: 50 } }, markdown, out)
    saveReport('read-mix-lb', report, markdown, out)
    assert.deepEqual(readdirSync(out).sort(), [
      'read-mix-lb-2026-12-06-01-02-03.json',
      'read-mix-lb-2026-12-07-01-02-03.json',
      'read-mix-lb.md',
      'summary.md',
    ])
    assert.equal(readFileSync(join(out, 'read-mix-lb.md'), 'utf8'), markdown)
    // The summary quotes the latest run of each report, from its JSON.
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    assert.match(summary, /\| \[read-mix-lb\]\(read-mix-lb\.md\) \| 2026-12-07 01:02 \| make lb: nginx over 3 API instances \| 300 connections \| 100 rps, p95 2\.00 ms, 10\.0 % of the ceiling, 0 failed of 1,000 \|/)
    assert.doesNotMatch(summary, /50 rps/)
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

test('the ceilings answer the scenario’s own requests: a bare server, and make lb’s nginx over bare servers, gone afterwards', async () => {
  const scenario = { routes: [route('products', '/api/v1/products/', 2), route('health', '/health', 1)] }
  const body = JSON.stringify({ items: Array.from({ length: 20 }, (_, id) => ({ id, nom: `Produit ${id}` })) })
  const asked = []
  const drive = async (url) => {
    asked.push(url)
    return runLoad({ target: url, scenario, env, connections: 2, duration: 1 })
  }
  const bare = await measureCeiling({ body, drive })
  const proxied = await measureProxyCeiling({ body, drive })
  for (const ceiling of [bare, proxied]) {
    assert.equal(ceiling.bodyBytes, Buffer.byteLength(body))
    assert.ok(ceiling.rps > 50, `${ceiling.rps} rps`)
    assert.ok(ceiling.p95 >= ceiling.p50 && ceiling.p99 >= ceiling.p95)
  }
  assert.equal(new Set(asked).size, 2, 'two servers, each driven once')
  assert.deepEqual(listDir(tmpdir()).filter((name) => name.startsWith('comptoir-ceiling-nginx-')), [])
  const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes('comptoir-ceiling-nginx-'))
  assert.deepEqual(left, [], 'the ceiling’s nginx is stopped')
})
