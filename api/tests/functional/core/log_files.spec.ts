import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSecondInstance } from '#tests/helpers/second_instance'

const PORT = Number(process.env.PORT ?? 3399) + 51
const INSTANCE = 'test-logs'
const KEEP = 4

type LogLine = Record<string, unknown>

/** The file's text, or null when rotation removed it after it was listed. */
async function readIfStillThere(path: string) {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Every line of every file the instance wrote, oldest file first (each must be JSON). */
async function readLogFiles(dir: string) {
  const listed = (await readdir(dir)).filter((name) => name.startsWith(`api-${INSTANCE}.`) && name.endsWith('.log'))
  listed.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
  const files: string[] = []
  const lines: LogLine[] = []
  for (const file of listed) {
    // pino-roll's worker rotates while the test reads: an old file can go between readdir and here.
    const text = await readIfStillThere(join(dir, file))
    if (text === null) continue
    files.push(file)
    // What follows the last newline is a line still being written: the next read gets it whole.
    for (const line of text.split('\n').slice(0, -1).filter(Boolean)) lines.push(JSON.parse(line) as LogLine)
  }
  return { files, lines }
}

/** The request lines for the given ids, once pino's worker has written them all. */
async function requestLinesFor(dir: string, ids: string[]) {
  const deadline = Date.now() + 5_000
  for (;;) {
    const { files, lines } = await readLogFiles(dir)
    const wanted = lines.filter((line) => line.msg === 'request' && ids.includes(line.request_id as string))
    const seen = new Set(wanted.map((line) => line.request_id))
    if (ids.every((id) => seen.has(id)) || Date.now() > deadline) return { files, wanted }
    await new Promise((r) => setTimeout(r, 100))
  }
}

function get(path: string, requestId: string) {
  return fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { 'x-request-id': requestId } })
}

/*
 * An API process started with LOG_DIR and a 2 KB rotation size: stdout is
 * unchanged (other tests read it), and the files get the same JSON lines.
 */
test.group('Log files (LOG_DIR)', (group) => {
  let dir: string
  let api: Awaited<ReturnType<typeof startSecondInstance>>

  group.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'comptoir-api-logs-'))
    api = await startSecondInstance(PORT, INSTANCE, {
      LOG_LEVEL: 'info',
      LOG_DIR: dir,
      LOG_ROTATE_SIZE: '2k',
      LOG_ROTATE_KEEP: String(KEEP),
    })
    return async () => {
      await api.stop()
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('one JSON line per request with method, route, status, duration, request id and instance; files rotate', async ({ assert }) => {
    const calls = [
      { path: '/health', route: '/health', status: 200 },
      { path: '/api/v1/products/7', route: '/api/v1/products/:id', status: 401 },
      { path: '/api/v1/no-such-thing', route: 'unmatched', status: 404 },
    ]
    const sent: { id: string; route: string; status: number }[] = []
    for (let i = 0; i < 12; i++) {
      const call = calls[i % calls.length]
      const id = `log-file-${Date.now()}-${i}`
      const response = await get(call.path, id)
      assert.equal(response.status, call.status)
      await response.arrayBuffer()
      sent.push({ id, route: call.route, status: call.status })
    }

    const { files, wanted } = await requestLinesFor(dir, sent.map((s) => s.id))
    assert.lengthOf(wanted, sent.length, 'exactly one request line per request')
    for (const expected of sent) {
      const line = wanted.find((l) => l.request_id === expected.id)!
      assert.include(line, { method: 'GET', route: expected.route, status: expected.status, instance: INSTANCE })
      assert.isNumber(line.duration_ms)
      assert.isAbove(line.duration_ms as number, 0)
    }
    assert.isAbove(files.length, 1, `12 requests of ~250 B in 2 KB files should have rotated (files: ${files.join(', ')})`)
  }).timeout(30_000)

  test(`rotation keeps the ${KEEP} newest files and the newest lines`, async ({ assert }) => {
    let last = ''
    for (let i = 0; i < 120; i++) {
      last = `log-keep-${Date.now()}-${i}`
      await (await get('/health', last)).arrayBuffer()
    }
    const { files, wanted } = await requestLinesFor(dir, [last])
    assert.lengthOf(wanted, 1, 'the last request is in the newest file')
    // ~30 KB went through 2 KB files: more than a dozen rotations, old files removed.
    const numbers = files.map((name) => Number(name.split('.')[1]))
    assert.isAbove(Math.max(...numbers), 10)
    assert.isAtMost(files.length, KEEP + 1)
  }).timeout(30_000)
})

/*
 * stdout gets the lines in batches: a quiet instance still shows a request
 * within the flush interval, and a stopping one writes what it was holding.
 */
test('request lines reach stdout within a second when idle, and at SIGTERM', async ({ assert }) => {
  const quiet = await startSecondInstance(PORT + 2, 'test-stdout', { LOG_LEVEL: 'info' }, { captureStdout: true })
  const lineFor = (id: string) =>
    quiet
      .stdout()
      .split('\n')
      .find((line) => line.includes(`"request_id":"${id}"`))

  const idle = `stdout-idle-${Date.now()}`
  await (await fetch(`${quiet.baseUrl}/health`, { headers: { 'x-request-id': idle } })).arrayBuffer()
  const deadline = Date.now() + 3_000
  while (!lineFor(idle) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  assert.include(JSON.parse(lineFor(idle) ?? '{}'), { msg: 'request', route: '/health', status: 200 })

  const last = `stdout-last-${Date.now()}`
  await (await fetch(`${quiet.baseUrl}/health`, { headers: { 'x-request-id': last } })).arrayBuffer()
  await quiet.stop()
  assert.include(JSON.parse(lineFor(last) ?? '{}'), { msg: 'request', route: '/health', status: 200 })
}).timeout(30_000)

test('an invalid rotation setting stops the API at start with the variable named', async ({ assert }) => {
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    env: { ...process.env, PORT: String(PORT + 1), LOG_DIR: tmpdir(), LOG_ROTATE_SIZE: 'ten megabytes' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  // If it wrongly starts, do not leave it running.
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearTimeout(guard)
  assert.notEqual(code, 0)
  assert.include(output, 'LOG_ROTATE_SIZE')
}).timeout(30_000)
