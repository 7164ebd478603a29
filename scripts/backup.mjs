#!/usr/bin/env node
/*
 * Backing up and restoring the database (`make backup`, `make restore`):
 *
 *   node scripts/backup.mjs create  [--out FILE]
 *   node scripts/backup.mjs restore --file FILE [--replace]
 *
 * The database is DATABASE_URL's, else the embedded PostgreSQL (started if
 * needed). The file format and its guarantees: scripts/lib/db-backup.mjs.
 */
// First: on a node older than the project's, runs this command again on node_modules/.bin/node.
import './lib/project-node.mjs'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import pg from 'pg'

import { API_DIR } from './lib/app.mjs'
import { appliedMigrations, loadBackup, readBackup, tablesWithRows, writeBackup } from './lib/db-backup.mjs'
import { apiEnv, databaseUrl } from './lib/environment.mjs'
import { DATA, ROOT } from './lib/paths.mjs'
import { pidOf, run } from './lib/processes.mjs'

function parseArgs(argv) {
  const [command, ...rest] = argv
  const options = { replace: false }
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--replace') options.replace = true
    else if (rest[i] === '--out' || rest[i] === '--file') options[rest[i].slice(2)] = rest[++i]
    else throw new Error(`unknown option ${rest[i]}`)
  }
  return { command, options }
}

const shown = (file) => (resolve(file).startsWith(`${ROOT}/`) ? relative(ROOT, resolve(file)) : file)
const progress = (table, rows) => console.log(`  ${table.padEnd(32)} ${String(rows).padStart(10)} rows`)

async function connected(url, work) {
  const client = new pg.Client({ connectionString: url, application_name: 'comptoir-backup' })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function create({ out }) {
  const url = await databaseUrl()
  const stamp = new Date().toISOString().replace(/\..*$/, '').replaceAll(':', '-')
  const name = `comptoir-${stamp}.ndjson.gz`
  // OUT naming a directory (one that exists, or any ending in /): the backup goes in it, under the usual name.
  const file = !out ? join(DATA, 'backups', name) : out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory()) ? join(out, name) : out
  // An earlier backup is never replaced: it may be the only good one.
  if (existsSync(file)) throw new Error(`${shown(file)} already exists: choose another OUT, or move that backup away first`)
  mkdirSync(dirname(file), { recursive: true })
  // Written aside, then renamed: a backup interrupted never sits under the name of a finished one.
  const partial = `${file}.partial`
  // Interrupted (Ctrl-C, make's SIGTERM): the partial file goes too.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      rmSync(partial, { force: true })
      console.error(`Backup interrupted: nothing written to ${shown(file)}`)
      process.exit(130)
    })
  }
  console.log(`Backing up the database to ${shown(file)}`)
  try {
    const counts = await connected(url, async (client) => {
      // A DATABASE_URL that names another database would give an empty "backup" that looks fine.
      if ((await appliedMigrations(client)).length === 0) throw new Error('this database holds no Comptoir schema (no migration applied): is DATABASE_URL the right one?')
      return writeBackup(client, partial, { progress })
    })
    renameSync(partial, file)
    console.log(`Done: ${Object.keys(counts).length} tables, ${totalRows(counts)} rows, ${(statSync(file).size / 1024).toFixed(0)} KiB in ${shown(file)}`)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

async function headerOf(file) {
  for await (const item of readBackup(file)) return item.header
}

/** The DATABASE_URL a process was started with; null where /proc cannot tell. */
function databaseUrlOf(pid) {
  try {
    const variable = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').find((entry) => entry.startsWith('DATABASE_URL='))
    return variable ? variable.slice('DATABASE_URL='.length) : null
  } catch {
    return null
  }
}

/** An API still running would serve what its cache holds of the data replaced, and write meanwhile. */
async function assertAlone(client) {
  const { rows } = await client.query(
    // Clients only: an autovacuum worker shows up there too, on a database just loaded or sold into.
    `SELECT count(*)::int AS others, string_agg(DISTINCT coalesce(nullif(application_name, ''), client_addr::text, 'local'), ', ') AS who
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`
  )
  if (rows[0].others > 0) {
    throw new Error(`${rows[0].others} other connection(s) to the database (${rows[0].who}): stop the API first (make stop, make lb-stop), then restore`)
  }
}

const totalRows = (counts) => Object.values(counts).reduce((sum, count) => sum + count, 0)

async function restore({ file, replace }) {
  if (!file) throw new Error(`which backup? make restore FILE=${shown(join(DATA, 'backups'))}/comptoir-….ndjson.gz`)
  if (!existsSync(file)) throw new Error(`${file}: no such file`)
  const header = await headerOf(file)
  const url = await databaseUrl()
  // An API keeps one connection (pool min 1), which the count below sees; `make start`'s is also
  // known by its pid file, which holds even before its first query opened that connection.
  const api = pidOf('api')
  if (api && [url, null].includes(databaseUrlOf(api))) {
    throw new Error(`the API started by make start runs on this database (pid ${api}): stop it first (make stop), then restore`)
  }
  await connected(url, async (client) => {
    await assertAlone(client)
    const holding = await tablesWithRows(client)
    if (holding.length > 0 && !replace) {
      throw new Error(`the database already holds data (${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}): REPLACE=1 replaces it, in the same transaction as the restore`)
    }
  })
  console.log('Bringing the schema up to date (migrations)')
  await run(process.execPath, ['ace', 'migration:run', '--force'], { cwd: API_DIR, env: apiEnv({ mode: 'development', databaseUrl: url }) })
  await connected(url, async (client) => {
    const here = await appliedMigrations(client)
    if (here.join('\n') !== header.migrations.join('\n')) {
      throw new Error(
        `the backup was made under ${header.migrations.length} migrations (last: ${header.migrations.at(-1)}), this code has ${here.length} (last: ${here.at(-1)}): ` +
          'restore it with the version of Comptoir that made it, then upgrade'
      )
    }
    console.log(`Restoring ${shown(file)} (made ${header.created_at})${replace ? ', replacing what the database held' : ''}`)
    // Again after the migrations, which took seconds, with every table locked: an API started
    // before is seen here; one started after waits for the commit and reads the restored data.
    const { counts } = await loadBackup(client, file, { replace, progress, whileLocked: () => assertAlone(client) })
    console.log(`Done: ${Object.keys(counts).length} tables, ${totalRows(counts)} rows. Check it with make stock-verify.`)
  })
}

const { command, options } = parseArgs(process.argv.slice(2))
const commands = { create, restore }
if (!commands[command]) {
  console.error('usage: backup.mjs create [--out FILE] | restore --file FILE [--replace]')
  process.exit(2)
}
try {
  await commands[command](options)
} catch (error) {
  console.error(`${command === 'create' ? 'Backup' : 'Restore'} failed: ${error.message}`)
  process.exitCode = 1
}
