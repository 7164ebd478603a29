/*
 * `make db-start` / `make db-stop` act on the same embedded PostgreSQL as `make dev` and
 * `make start`: the cluster of $COMPTOIR_DATA_DIR/pg on PG_PORT. They used to name `.data/pg` and
 * 55432 in the Makefile, so with another data folder `make db-stop` stopped the default
 * checkout's database (the dev stack someone else was using) and `make db-start` started it,
 * while `make db-migrate` then migrated the other one. And scripts/pg.mjs answered a held port,
 * or a cluster already running on another port, with a bare ECONNREFUSED stack trace.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const NODE = join(ROOT, 'node_modules', '.bin', 'node')
const scratch = mkdtempSync(join(tmpdir(), 'comptoir-db-targets-'))
const pgDir = join(scratch, 'pg')
const held = []

/** A port nothing listens on (taken, then released). */
async function freePort() {
  const server = net.createServer()
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address()
  await new Promise((done) => server.close(done))
  return port
}

/** A port another process holds (a listening socket of this test). */
async function holdPort() {
  const server = net.createServer()
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  held.push(server)
  return server.address().port
}

const env = (extra) => {
  const { DATABASE_URL: _ignored, ...rest } = process.env
  return { ...rest, COMPTOIR_DATA_DIR: scratch, ...extra }
}

/** A make target as a user runs it (`-o`: never reinstall npm packages from a test). */
function make(target, extra, options = []) {
  const result = spawnSync('make', ['--no-print-directory', '-o', 'node_modules/.comptoir-installed', ...options, target], {
    cwd: ROOT,
    env: env(extra),
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

function pg(args) {
  const result = spawnSync(NODE, [join(ROOT, 'scripts', 'pg.mjs'), ...args], { cwd: ROOT, env: env({}), encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

const running = () => pg(['status', '--dir', pgDir]).status === 0

after(async () => {
  if (existsSync(join(pgDir, 'PG_VERSION'))) pg(['stop', '--dir', pgDir])
  await Promise.all(held.map((server) => new Promise((done) => server.close(done))))
  rmSync(scratch, { recursive: true, force: true })
})

/** A dry run: a Makefile that names a fixed cluster would stop another checkout's database for real. */
function assertNoFixedCluster() {
  for (const target of ['db-start', 'db-stop']) {
    const { status, output } = make(target, { PG_PORT: '1' }, ['-n'])
    assert.equal(status, 0, output)
    assert.doesNotMatch(output, /\.data\/pg|55432/, `make ${target} names a fixed cluster:\n${output}`)
  }
}

test('the db targets name no fixed folder or port: what they would run follows COMPTOIR_DATA_DIR and PG_PORT', () => {
  assertNoFixedCluster()
})

test('make db-start / db-stop start and stop the cluster of COMPTOIR_DATA_DIR on PG_PORT, and are safe to run twice', async () => {
  assertNoFixedCluster()
  const port = String(await freePort())
  let run = make('db-start', { PG_PORT: port })
  assert.equal(run.status, 0, run.output)
  assert.ok(running(), `no PostgreSQL runs in ${pgDir}:\n${run.output}`)
  assert.equal(readFileSync(`${pgDir}.port`, 'utf8').trim(), port)
  assert.ok(await new Promise((done) => net.connect({ host: '127.0.0.1', port: Number(port) }).once('connect', () => done(true)).once('error', () => done(false))))

  run = make('db-start', { PG_PORT: port })
  assert.equal(run.status, 0, run.output)

  run = make('db-stop', { PG_PORT: port })
  assert.equal(run.status, 0, run.output)
  assert.ok(!running(), `make db-stop left ${pgDir} running:\n${run.output}`)

  run = make('db-stop', { PG_PORT: port })
  assert.equal(run.status, 0, run.output)
  assert.match(run.output, /not running/)
})

test('a PostgreSQL port held by another process is refused with what to do, not a stack trace', async () => {
  const port = String(await holdPort())
  const { status, output } = pg(['start', '--dir', pgDir, '--port', port, '--db', 'comptoir'])
  assert.equal(status, 1, output)
  assert.match(output, new RegExp(`port ${port} is already in use by another process.*PG_PORT`))
  assert.doesNotMatch(output, /ECONNREFUSED|\n\s+at /)
})

test('a cluster running on one port and asked for another says so, not ECONNREFUSED', async () => {
  const port = String(await freePort())
  let run = pg(['start', '--dir', pgDir, '--port', port, '--db', 'comptoir'])
  assert.equal(run.status, 0, run.output)
  const other = String(await freePort())
  run = pg(['start', '--dir', pgDir, '--port', other, '--db', 'comptoir'])
  assert.equal(run.status, 1, run.output)
  assert.match(run.output, new RegExp(`already runs on port ${port}, not ${other}`))
  assert.doesNotMatch(run.output, /ECONNREFUSED|\n\s+at /)
})

test('a port held only by a connection\'s own end (nothing listens: after heavy traffic) is waited for, then PostgreSQL starts', async () => {
  pg(['stop', '--dir', pgDir])
  // An outgoing connection's local end takes an ephemeral port, as nginx's and the load
  // generator's do; PostgreSQL cannot bind that port while the connection lasts.
  const accepted = []
  const peer = net.createServer((socket) => {
    socket.on('error', () => {})
    accepted.push(socket)
  })
  await new Promise((done) => peer.listen(0, '127.0.0.1', done))
  held.push(peer)
  const connection = net.connect({ host: '127.0.0.1', port: peer.address().port })
  await new Promise((done, fail) => connection.once('connect', done).once('error', fail))
  connection.on('end', () => connection.end())
  const port = connection.localPort

  const child = spawn(NODE, [join(ROOT, 'scripts', 'pg.mjs'), 'start', '--dir', pgDir, '--port', String(port), '--db', 'comptoir'], { cwd: ROOT, env: env({}) })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const release = setInterval(() => {
    if (!/held by the local end of other connections/.test(output)) return
    clearInterval(release)
    // The far end closes first, so this end is done at once (no TIME-WAIT on this port).
    for (const socket of accepted) socket.end()
  }, 100)
  const [status] = await new Promise((done) => child.once('exit', (...args) => done(args)))
  clearInterval(release)
  connection.destroy()
  assert.equal(status, 0, output)
  assert.match(output, new RegExp(`port ${port} is held by the local end of other connections`))
  assert.match(output, new RegExp(`PostgreSQL started on 127.0.0.1:${port}`))
  pg(['stop', '--dir', pgDir])
})
