/*
 * `make start` with API_PORT or WEB_PORT held by another process stops at once and says which
 * port and what to do. It used to find out only after the production builds, the embedded
 * PostgreSQL, the migrations and the seed: minutes later, and with the database started.
 * The database given here (DATABASE_URL) does not exist, so a check that came after the
 * builds and the migrations would fail on the database instead, with another message.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'

import { daemon, stopDaemon } from '../../scripts/lib/processes.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const NODE = join(ROOT, 'node_modules', '.bin', 'node')
const scratch = mkdtempSync(join(tmpdir(), 'comptoir-stack-ports-'))
const held = []
after(async () => {
  await Promise.all(held.map((server) => new Promise((done) => server.close(done))))
  rmSync(scratch, { recursive: true, force: true })
})

async function listen() {
  const server = net.createServer()
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  return server
}

async function holdPort() {
  const server = await listen()
  held.push(server)
  return server.address().port
}

async function freePort() {
  const server = await listen()
  const { port } = server.address()
  await new Promise((done) => server.close(done))
  return port
}

function start(ports, command = 'start') {
  const result = spawnSync(NODE, [join(ROOT, 'scripts', 'stack.mjs'), command], {
    cwd: ROOT,
    env: { ...process.env, COMPTOIR_DATA_DIR: scratch, DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/none', API_PORT: String(ports.api), WEB_PORT: String(ports.web) },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}`, timedOut: result.error?.code === 'ETIMEDOUT' }
}

for (const [variable, which] of [['API_PORT', 'api'], ['WEB_PORT', 'web']]) {
  test(`make start with ${variable} held stops before building or migrating, naming the port`, async () => {
    const ports = { api: await freePort(), web: await freePort() }
    ports[which] = await holdPort()
    const run = start(ports)
    assert.ok(!run.timedOut, `still running after 30 s (building?):\n${run.output}`)
    assert.equal(run.status, 1, run.output)
    assert.match(run.output, new RegExp(`Port ${ports[which]} \\(${variable}\\) is already in use by another process`))
    assert.doesNotMatch(run.output, /\[build\]|migration|ECONNREFUSED/)
  })
}

test('make dev while make start runs on its ports says so (make stop first), not "another process"', async () => {
  const ports = { api: await holdPort(), web: await freePort() }
  // `make start`'s API, as far as its pid file can tell.
  const runDir = join(scratch, 'run')
  daemon('api', 'sleep', ['60'], { runDir })
  try {
    const run = start(ports, 'dev')
    assert.equal(run.status, 1, run.output)
    assert.match(run.output, /make start is running \(api\).*make stop first/)
  } finally {
    await stopDaemon('api', { runDir })
  }
})

test('make test with a test port held names TEST_PORT_BASE, and prints no stack trace', async () => {
  const port = await holdPort()
  const result = spawnSync(NODE, [join(ROOT, 'scripts', 'test.mjs'), '--only', 'lint'], {
    cwd: ROOT,
    env: { ...process.env, COMPTOIR_DATA_DIR: scratch, TEST_PORT_BASE: String(port) },
    encoding: 'utf8',
    timeout: 30_000,
  })
  const output = `${result.stdout}${result.stderr}`
  assert.equal(result.status, 1, output)
  assert.match(output, /Port \d+ \(TEST_PORT_BASE\) is already in use by another process/)
  assert.doesNotMatch(output, /\n\s+at /, 'a stack trace')
})

test('make test with its Redis port held names TEST_REDIS_PORT before starting anything', async () => {
  const port = await holdPort()
  const result = spawnSync(NODE, [join(ROOT, 'scripts', 'test.mjs'), '--only', 'lint'], {
    cwd: ROOT,
    env: { ...process.env, COMPTOIR_DATA_DIR: scratch, TEST_PORT_BASE: String(await freePort()), TEST_REDIS_PORT: String(port) },
    encoding: 'utf8',
    timeout: 30_000,
  })
  const output = `${result.stdout}${result.stderr}`
  assert.equal(result.status, 1, output)
  assert.match(output, new RegExp(`Port ${port} \\(TEST_REDIS_PORT\\) is already in use by another process`))
  assert.doesNotMatch(output, /\[pg\]/, 'PostgreSQL was not started')
})

test('make start with API_PORT on a port fetch() refuses (6000) says so at once, not "did not become healthy" a minute later', async () => {
  const run = start({ api: 6000, web: await freePort() })
  assert.ok(!run.timedOut, run.output)
  assert.equal(run.status, 1, run.output)
  assert.match(run.output, /Port 6000 \(API_PORT\) is one fetch\(\) refuses to connect to/)
})

test('make test with a TEST_PORT_BASE that puts a test server on a port fetch() refuses says so before starting', () => {
  // Japa runs on TEST_PORT_BASE + 9 and the log-file tests start an API on Japa + 51: 5940 → 6000.
  const result = spawnSync(NODE, [join(ROOT, 'scripts', 'test.mjs'), '--only', 'lint'], {
    cwd: ROOT,
    env: { ...process.env, COMPTOIR_DATA_DIR: scratch, TEST_PORT_BASE: '5940' },
    encoding: 'utf8',
    timeout: 30_000,
  })
  const output = `${result.stdout}${result.stderr}`
  assert.equal(result.status, 1, output)
  assert.match(output, /TEST_PORT_BASE=5940 puts a test server on port 6000, one fetch\(\) refuses/)
})
