/*
 * A logical backup of Comptoir's database, written and read by Node alone:
 * the embedded PostgreSQL ships no pg_dump, and Debian's is older than the
 * server (18), which pg_dump refuses. The file is gzipped lines of JSON:
 *
 *   {"$backup": {format, version, created_at, migrations, sequences}}
 *   {"$table": "sales", "columns": [...]}      then one row per line, as row_to_json wrote it
 *   ...
 *   {"$end": {"sales": 149, ...}}              row counts: a file cut short has no end
 *
 * Rows travel as PostgreSQL's own JSON text (never parsed here), so
 * numerics, bigints and timestamps come back exactly. The schema is not in
 * the file: a restore runs the code's migrations, and refuses a backup made
 * under another set of them.
 */
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip, createGzip } from 'node:zlib'

export const FORMAT = 'comptoir-backup'
export const VERSION = 1
/** Bookkeeping the migrations themselves write, and throttling counters nobody needs back. */
const SKIPPED_TABLES = new Set(['adonis_schema', 'adonis_schema_versions', 'rate_limits'])
const BATCH_ROWS = 5_000

const ident = (name) => `"${name.replaceAll('"', '""')}"`

/** The tables to save, parents before children (foreign keys), so a restore inserts in this order. */
export async function tablesInOrder(client) {
  const { rows: tables } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`
  )
  const { rows: links } = await client.query(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`
  )
  const names = tables.map((table) => table.name).filter((name) => !SKIPPED_TABLES.has(name))
  const parents = new Map(names.map((name) => [name, new Set()]))
  for (const link of links) parents.get(link.child)?.add(link.parent)
  const ordered = []
  const placed = new Set()
  while (ordered.length < names.length) {
    const ready = names.filter((name) => !placed.has(name) && [...parents.get(name)].every((parent) => placed.has(parent) || !parents.has(parent)))
    if (ready.length === 0) throw new Error(`foreign keys in a cycle among ${names.filter((name) => !placed.has(name)).join(', ')}`)
    for (const name of ready) {
      ordered.push(name)
      placed.add(name)
    }
  }
  return ordered
}

/** Columns a row can be inserted with: generated ones are computed again. */
async function insertableColumns(client, table) {
  const { rows } = await client.query(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [ident(table)]
  )
  return rows.map((row) => row.name)
}

async function primaryKey(client, table) {
  const { rows } = await client.query(
    `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [ident(table)]
  )
  return rows.map((row) => row.name)
}

export async function appliedMigrations(client) {
  const { rows } = await client.query(`SELECT to_regclass('public.adonis_schema') IS NOT NULL AS present`)
  if (!rows[0].present) return []
  return (await client.query('SELECT name FROM adonis_schema ORDER BY name')).rows.map((row) => row.name)
}

async function sequences(client) {
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`
  )
  const values = {}
  for (const { name } of rows) {
    const { rows: state } = await client.query(`SELECT last_value::text AS last_value, is_called FROM ${ident(name)}`)
    values[name] = state[0]
  }
  return values
}

/**
 * Writes the whole database, as one snapshot (REPEATABLE READ: sales keep
 * being rung up meanwhile, the file holds the database of one instant).
 * `progress(table, rows)` after each table.
 */
export async function writeBackup(client, file, { progress = () => {} } = {}) {
  const gzip = createGzip()
  const out = createWriteStream(file, { mode: 0o600 })
  const finished = new Promise((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
    gzip.on('error', reject)
  })
  // A file that cannot be written (no such directory, a full disk) fails the backup as it happens:
  // unheard until the end, the rejection killed the process and left the partial file behind.
  let failed = null
  finished.catch((error) => {
    failed = error
  })
  gzip.pipe(out)
  const write = async (line) => {
    if (failed) throw failed
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), finished])
    if (failed) throw failed
  }
  const counts = {}
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    const tables = await tablesInOrder(client)
    const header = { format: FORMAT, version: VERSION, created_at: new Date().toISOString(), migrations: await appliedMigrations(client) }
    // Read after the snapshot is taken: every id the file holds is at most these.
    header.sequences = await sequences(client)
    await write(JSON.stringify({ $backup: header }))
    for (const table of tables) {
      const columns = await insertableColumns(client, table)
      await write(JSON.stringify({ $table: table, columns }))
      const order = (await primaryKey(client, table)).map(ident).join(', ')
      const list = columns.map(ident).join(', ')
      await client.query(`DECLARE rows_out NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS line FROM (SELECT ${list} FROM ${ident(table)}${order ? ` ORDER BY ${order}` : ''}) r`)
      let count = 0
      for (;;) {
        const { rows } = await client.query(`FETCH ${BATCH_ROWS} FROM rows_out`)
        // One write per batch: a write per row cost more than reading them.
        if (rows.length > 0) await write(rows.map((row) => row.line).join('\n'))
        count += rows.length
        if (rows.length < BATCH_ROWS) break
      }
      await client.query('CLOSE rows_out')
      counts[table] = count
      progress(table, count)
    }
    await write(JSON.stringify({ $end: counts }))
  } finally {
    await client.query('ROLLBACK')
    gzip.end()
  }
  await finished
  return counts
}

/**
 * The file's lines, split on \n alone. Not node:readline: it also ends a line at
 * U+2028 and U+2029, which PostgreSQL's JSON leaves unescaped in a string (a
 * product name pasted from a web page), so one row came back as two.
 */
async function* linesOf(file) {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  const input = createReadStream(file)
  const gunzip = createGunzip()
  // pipe() forwards no error: one reading the file (a directory, no permission) went unhandled.
  input.on('error', (error) => gunzip.destroy(error))
  try {
    for await (const chunk of input.pipe(gunzip)) {
      const parts = (rest + decoder.write(chunk)).split('\n')
      rest = parts.pop()
      yield* parts
    }
  } catch (error) {
    // zlib's own words (« unexpected end of file », « incorrect header check ») name neither the file nor the cause.
    if (String(error.code).startsWith('Z_')) throw new Error(`${file} is not a whole gzip file (${error.message}): cut short, damaged, or not a backup`)
    throw error
  } finally {
    input.destroy()
  }
  rest += decoder.end()
  if (rest !== '') yield rest
}

/** Reads a backup's lines in order: ({ kind: 'header' | 'table' | 'row' | 'end', ... }). */
export async function* readBackup(file) {
  const lines = linesOf(file)
  let first = true
  let number = 0
  for await (const line of lines) {
    number += 1
    if (line === '') continue
    if (first) {
      const header = JSON.parse(line).$backup
      if (header?.format !== FORMAT) throw new Error(`${file} is not a Comptoir backup`)
      if (header.version !== VERSION) throw new Error(`${file} is a backup of format version ${header.version}; this code reads version ${VERSION}`)
      first = false
      yield { kind: 'header', header }
    } else if (line.startsWith('{"$table":')) {
      const { $table, columns } = JSON.parse(line)
      yield { kind: 'table', table: $table, columns }
    } else if (line.startsWith('{"$end":')) {
      yield { kind: 'end', counts: JSON.parse(line).$end }
    } else {
      // Its place in the file, for a refusal to name the row (counted from 1, as editors do).
      yield { kind: 'row', line, number }
    }
  }
  if (first) throw new Error(`${file} is empty`)
}

/** Tables of the backup that hold rows in this database (a restore goes into an empty one, or replaces). */
export async function tablesWithRows(client) {
  const found = []
  for (const table of await tablesInOrder(client)) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS any`)
    if (rows[0].any) found.push(table)
  }
  return found
}

/**
 * Loads a backup into a database whose schema the migrations made, in one
 * transaction: a file cut short, a row refused, and nothing is written (with
 * `replace`, the data there before is still there). Triggers of our own are
 * off meanwhile — one stamps a sale line with the product's current name,
 * which would rewrite history with today's names.
 */
export async function loadBackup(client, file, { replace = false, progress = () => {}, whileLocked = async () => {} } = {}) {
  let header = null
  let current = null
  let batch = []
  let ended = null
  const counts = {}
  const insert = (rows) => {
    const list = current.columns.map(ident).join(', ')
    return client.query(
      `INSERT INTO ${ident(current.table)} (${list}) OVERRIDING SYSTEM VALUE
       SELECT ${list} FROM json_populate_recordset(NULL::${ident(current.table)}, $1::json)`,
      [`[${rows.map((row) => row.line).join(',')}]`]
    )
  }
  const flush = async () => {
    if (!current || batch.length === 0) return
    // A savepoint per batch: when PostgreSQL refuses one of its rows, the rows go in
    // again one by one to find which, so the error names its line in the file.
    await client.query('SAVEPOINT batch')
    try {
      await insert(batch)
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT batch')
      for (const row of batch) {
        try {
          await insert([row])
        } catch (refused) {
          refused.message = `line ${row.number} of ${file}, a row of ${current.table}: ${refused.message}`
          throw refused
        }
      }
      throw error
    }
    await client.query('RELEASE SAVEPOINT batch')
    counts[current.table] += batch.length
    batch = []
  }
  await client.query('BEGIN')
  try {
    const tables = await tablesInOrder(client)
    // Every table locked until the commit, then the caller's last check: a client that connects
    // after it waits for the whole restore, instead of reading tables half loaded (or, in an
    // empty database, still empty) and caching that.
    await client.query(`LOCK TABLE ${tables.map(ident).join(', ')} IN ACCESS EXCLUSIVE MODE`)
    await whileLocked()
    if (replace) await client.query(`TRUNCATE ${tables.map(ident).join(', ')} RESTART IDENTITY CASCADE`)
    for (const table of tables) await client.query(`ALTER TABLE ${ident(table)} DISABLE TRIGGER USER`)
    for await (const item of readBackup(file)) {
      if (item.kind === 'header') header = item.header
      else if (item.kind === 'table') {
        await flush()
        if (current) progress(current.table, counts[current.table])
        if (!tables.includes(item.table)) throw new Error(`the backup has a table this database does not: ${item.table}`)
        current = { table: item.table, columns: item.columns }
        counts[item.table] = 0
      } else if (item.kind === 'row') {
        batch.push(item)
        if (batch.length === BATCH_ROWS) await flush()
      } else ended = item.counts
    }
    await flush()
    if (current) progress(current.table, counts[current.table])
    if (!ended) throw new Error(`${file} ends before its last line: it was cut short (nothing restored)`)
    for (const [table, count] of Object.entries(ended)) {
      if (counts[table] !== count) throw new Error(`${table}: the backup says ${count} rows, ${counts[table] ?? 0} were read (nothing restored)`)
    }
    for (const [name, state] of Object.entries(header.sequences ?? {})) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [ident(name), state.last_value, state.is_called])
    }
    for (const table of tables) await client.query(`ALTER TABLE ${ident(table)} ENABLE TRIGGER USER`)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    if (!error.message.includes('nothing restored')) {
      error.message += `${current && !error.message.includes(`a row of ${current.table}`) ? ` (at table ${current.table})` : ''} (nothing restored)`
    }
    throw error
  }
  return { header, counts }
}
