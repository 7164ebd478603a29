/*
 * `make backup` and `make restore` round trip: the database the whole stack
 * suite wrote to (sales, returns, sessions, replenishments…) is backed up,
 * restored into a new database, and every table comes back identical, sale
 * lines keeping the names they were sold under; stock:verify accepts it. A
 * restore that cannot finish writes nothing.
 *
 *   DATABASE_URL=… node --test ops/live-tests/backup.test.mjs
 * (scripts/test.mjs runs it last in its `stack` step.)
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { after, before, describe, test } from 'node:test'
import pg from 'pg'

import { writeBackup } from '../../scripts/lib/db-backup.mjs'

const ROOT = join(import.meta.dirname, '..', '..')
const SOURCE = process.env.DATABASE_URL
const TARGET_DB = 'comptoir_restore_check'
const TARGET = (() => {
  const url = new URL(SOURCE ?? 'postgres://localhost/none')
  url.pathname = `/${TARGET_DB}`
  return url.toString()
})()
const RENAMED = ' (renommé\u2028\u2029)'
const work = mkdtempSync(join(tmpdir(), 'comptoir-backup-'))
const file = join(work, 'backup.ndjson.gz')

/** Runs scripts/backup.mjs on a database; its exit code and what it printed. */
function backupCli(databaseUrl, ...args) {
  const extra = typeof args.at(-1) === 'object' ? args.pop() : {}
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'backup.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...extra },
    encoding: 'utf8',
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

/** Every table's rows as one digest (rate limits aside: counters nobody restores). */
async function fingerprints(url) {
  const tables = await query(
    url,
    `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname NOT IN ('rate_limits', 'adonis_schema', 'adonis_schema_versions') ORDER BY 1`
  )
  const digests = {}
  for (const { relname } of tables) {
    const [row] = await query(url, `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${relname}" t`)
    digests[relname] = `${row.n}:${row.digest}`
  }
  return digests
}

/** The backup file with its lines changed by `edit` (a file cut short, another schema). */
function rewritten(name, edit) {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n')
  const path = join(work, name)
  writeFileSync(path, gzipSync(`${edit(lines).join('\n')}\n`))
  return path
}

describe('make backup and make restore', () => {
  let source
  let renamed

  before(async () => {
    assert.ok(SOURCE, 'DATABASE_URL must point at the database the stack suites used')
    // A product renamed after it was sold: its sale lines must keep the name printed on the receipt.
    // The new name holds U+2028 and U+2029 (pasted from a web page), which JSON leaves unescaped:
    // a reader splitting lines there (node:readline) read that row as two.
    ;[renamed] = await query(
      SOURCE,
      `UPDATE products SET name = name || $1::text WHERE id = (SELECT product_id FROM sale_lines ORDER BY id LIMIT 1) RETURNING id, name`,
      [RENAMED]
    )
    assert.ok(renamed, 'the stack suites sold something')
    await query(SOURCE, `DROP DATABASE IF EXISTS ${TARGET_DB}`)
    await query(SOURCE, `CREATE DATABASE ${TARGET_DB}`)
    source = await fingerprints(SOURCE)
  })

  after(async () => {
    rmSync(work, { recursive: true, force: true })
    if (!SOURCE) return
    await query(SOURCE, `DROP DATABASE IF EXISTS ${TARGET_DB} WITH (FORCE)`)
    if (renamed) await query(SOURCE, `UPDATE products SET name = left(name, -length($2::text)) WHERE id = $1`, [renamed.id, RENAMED])
  })

  test('a backup restored into an empty database gives back every table, row for row', async () => {
    const made = backupCli(SOURCE, 'create', '--out', file)
    assert.equal(made.code, 0, made.output)
    assert.match(made.output, /sale_lines +\d+ rows/, 'progress per table')
    const restored = backupCli(TARGET, 'restore', '--file', file)
    assert.equal(restored.code, 0, restored.output)
    assert.deepEqual(await fingerprints(TARGET), source)
    const [line] = await query(TARGET, 'SELECT l.product_name, p.name FROM sale_lines l JOIN products p ON p.id = l.product_id WHERE p.id = $1 LIMIT 1', [renamed.id])
    assert.notEqual(line.product_name, line.name, 'the sold name, not the product’s name of today')
    // Ids go on where they stopped: the next sale does not collide with a restored one.
    const [next] = await query(TARGET, `SELECT (SELECT last_value FROM sales_id_seq) >= (SELECT coalesce(max(id), 0) FROM sales) AS ahead`)
    assert.equal(next.ahead, true)
    // As `make stock-verify` runs it on the restored database.
    const verify = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ace.mjs'), 'stock:verify'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: TARGET }, encoding: 'utf8' })
    assert.equal(verify.status, 0, `${verify.stdout}${verify.stderr}`)
  })

  test('OUT naming a directory puts the backup in it; a file that cannot be written fails the backup, as it happens', async () => {
    const dir = join(work, 'in-a-directory')
    const made = backupCli(SOURCE, 'create', '--out', `${dir}/`)
    assert.equal(made.code, 0, made.output)
    assert.match(readdirSync(dir).join(' '), /^comptoir-[\dT-]+\.ndjson\.gz$/)
    // A full disk: the error reaches the caller (which removes its partial file), never an unhandled rejection.
    const client = new pg.Client({ connectionString: SOURCE })
    await client.connect()
    try {
      await assert.rejects(writeBackup(client, '/dev/full'), { code: 'ENOSPC' })
    } finally {
      await client.end()
    }
  })

  test('a backup never replaces an existing file, and a database without our schema is no backup', async () => {
    const before = readFileSync(file)
    const again = backupCli(SOURCE, 'create', '--out', file)
    assert.equal(again.code, 1)
    assert.match(again.output, /already exists: choose another OUT/)
    assert.deepEqual(readFileSync(file), before, 'the earlier backup is untouched')
    // The cluster's maintenance database: a wrong DATABASE_URL, not an empty shop.
    const postgres = new URL(SOURCE)
    postgres.pathname = '/postgres'
    const empty = backupCli(postgres.toString(), 'create', '--out', join(work, 'empty.ndjson.gz'))
    assert.equal(empty.code, 1)
    assert.match(empty.output, /holds no Comptoir schema .*is DATABASE_URL the right one/)
    assert.equal(existsSync(join(work, 'empty.ndjson.gz')) || existsSync(join(work, 'empty.ndjson.gz.partial')), false, 'nothing written')
  })

  test('a database that holds data is not overwritten unless asked (REPLACE=1)', async () => {
    const refused = backupCli(TARGET, 'restore', '--file', file)
    assert.equal(refused.code, 1)
    assert.match(refused.output, /already holds data .*REPLACE=1/)
    const replaced = backupCli(TARGET, 'restore', '--file', file, '--replace')
    assert.equal(replaced.code, 0, replaced.output)
    assert.deepEqual(await fingerprints(TARGET), source)
  })

  test('a client that connects during a restore waits for it, and reads the restored data, not empty tables', async () => {
    await query(SOURCE, `DROP DATABASE ${TARGET_DB} WITH (FORCE)`)
    await query(SOURCE, `CREATE DATABASE ${TARGET_DB}`)
    const restoring = spawn(process.execPath, [join(ROOT, 'scripts', 'backup.mjs'), 'restore', '--file', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: TARGET },
    })
    let output = ''
    restoring.stdout.on('data', (chunk) => (output += chunk))
    restoring.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise((resolve) => restoring.once('exit', resolve))
    // The load has begun once the restore's own connection has written (an API starting then);
    // the migrations before it write from another one.
    const loading = async () =>
      (await query(SOURCE, `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name = 'comptoir-backup' AND backend_xid IS NOT NULL`, [TARGET_DB]))
        .length > 0
    const deadline = Date.now() + 60_000
    while (!(await loading())) {
      assert.ok(Date.now() < deadline && restoring.exitCode === null, `the restore never began loading: ${output}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const [seen] = await query(TARGET, 'SELECT count(*)::int AS sales FROM sales')
    assert.equal(await exited, 0, output)
    const [restored] = await query(TARGET, 'SELECT count(*)::int AS sales FROM sales')
    assert.ok(restored.sales > 0)
    assert.equal(seen.sales, restored.sales, 'the client read the sales once restored, not the tables being loaded')
    assert.deepEqual(await fingerprints(TARGET), source)
  })

  test('a file cut short restores nothing: the database keeps what it held', async () => {
    const cut = rewritten('cut.ndjson.gz', (lines) => lines.slice(0, -3))
    const failed = backupCli(TARGET, 'restore', '--file', cut, '--replace')
    assert.equal(failed.code, 1)
    assert.match(failed.output, /cut short \(nothing restored\)/)
    assert.deepEqual(await fingerprints(TARGET), source)
    // Cut in its bytes (a copy interrupted, a .partial): zlib's « unexpected end of file » named neither.
    const bytes = readFileSync(file)
    const halved = join(work, 'halved.ndjson.gz')
    writeFileSync(halved, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const broken = backupCli(TARGET, 'restore', '--file', halved, '--replace')
    assert.equal(broken.code, 1)
    assert.match(broken.output, /halved\.ndjson\.gz is not a whole gzip file \(unexpected end of file\): cut short, damaged, or not a backup .*\(nothing restored\)/)
    // A directory: an error, not a stack trace.
    const directory = backupCli(TARGET, 'restore', '--file', work, '--replace')
    assert.equal(directory.code, 1)
    assert.match(directory.output, /^Restore failed: EISDIR/m)
    assert.deepEqual(await fingerprints(TARGET), source)
  })

  test('a row the database refuses names its line in the file, and nothing is restored', async () => {
    let refusedLine = 0
    const negative = rewritten('negative.ndjson.gz', (lines) => {
      const table = lines.findIndex((line) => line.startsWith('{"$table":"stock_levels"'))
      // The third stock row: inside the first batch, so the batch's other rows go in and this one alone is refused.
      const index = table + 3
      const row = JSON.parse(lines[index])
      row.quantity = -4
      lines[index] = JSON.stringify(row)
      refusedLine = index + 1
      return lines
    })
    const failed = backupCli(TARGET, 'restore', '--file', negative, '--replace')
    assert.equal(failed.code, 1)
    assert.match(failed.output, new RegExp(`line ${refusedLine} of .*negative\\.ndjson\\.gz, a row of stock_levels: .*stock_levels_quantity_non_negative.* \\(nothing restored\\)`))
    assert.deepEqual(await fingerprints(TARGET), source)
  })

  test('a backup made under other migrations is refused, and so is a restore while something is connected', async () => {
    const other = rewritten('other.ndjson.gz', ([first, ...rest]) => {
      const header = JSON.parse(first)
      header.$backup.migrations.push('database/migrations/9999_from_a_later_version')
      return [JSON.stringify(header), ...rest]
    })
    const refused = backupCli(TARGET, 'restore', '--file', other, '--replace')
    assert.equal(refused.code, 1)
    assert.match(refused.output, /made under \d+ migrations .*restore it with the version of Comptoir that made it/)

    const api = new pg.Client({ connectionString: TARGET })
    await api.connect()
    try {
      const busy = backupCli(TARGET, 'restore', '--file', file, '--replace')
      assert.equal(busy.code, 1)
      assert.match(busy.output, /other connection\(s\) to the database \(.*\): stop the API first/)
    } finally {
      await api.end()
    }
    assert.deepEqual(await fingerprints(TARGET), source)
  })

  test('a restore refuses while the API of make start runs on the database, known by its pid file too', async () => {
    const data = join(work, 'data')
    mkdirSync(join(data, 'run'), { recursive: true })
    const idleApi = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { env: { ...process.env, DATABASE_URL: TARGET } })
    try {
      writeFileSync(join(data, 'run', 'api.pid'), String(idleApi.pid))
      const refused = backupCli(TARGET, 'restore', '--file', file, '--replace', { COMPTOIR_DATA_DIR: data })
      assert.equal(refused.code, 1)
      assert.match(refused.output, /the API started by make start runs on this database \(pid \d+\): stop it first/)
      // One running on another database does not stand in the way.
      writeFileSync(join(data, 'run', 'api.pid'), String(process.pid))
      const allowed = backupCli(TARGET, 'restore', '--file', file, '--replace', { COMPTOIR_DATA_DIR: data })
      assert.equal(allowed.code, 0, allowed.output)
    } finally {
      idleApi.kill()
    }
    assert.deepEqual(await fingerprints(TARGET), source)
  })
})
