import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'

import { logFileSettings } from '../../app/lib/env.server.ts'
import { logError } from '../../app/lib/log.server.ts'
import { createLog } from '../../server/log.js'

test('log files are off without LOG_DIR, and default to 10m / daily / 7 kept with it', () => {
  assert.equal(logFileSettings({}), null)
  assert.deepEqual(logFileSettings({ LOG_DIR: '/var/log/comptoir' }), { dir: '/var/log/comptoir', size: '10m', frequency: 'daily', keep: 7 })
  assert.deepEqual(logFileSettings({ LOG_DIR: 'logs', LOG_ROTATE_SIZE: '500k', LOG_ROTATE_FREQUENCY: 'hourly', LOG_ROTATE_KEEP: '3' }), {
    dir: 'logs',
    size: '500k',
    frequency: 'hourly',
    keep: 3,
  })
})

test('a bad rotation setting is refused with the variable named, even before LOG_DIR is set', () => {
  assert.throws(() => logFileSettings({ LOG_ROTATE_SIZE: 'ten megabytes' }), /LOG_ROTATE_SIZE/)
  assert.throws(() => logFileSettings({ LOG_DIR: 'x', LOG_ROTATE_FREQUENCY: 'weekly' }), /LOG_ROTATE_FREQUENCY/)
  assert.throws(() => logFileSettings({ LOG_DIR: 'x', LOG_ROTATE_KEEP: '0' }), /LOG_ROTATE_KEEP/)
  assert.throws(() => logFileSettings({ LOG_DIR: 'x', LOG_ROTATE_KEEP: '-2' }), /LOG_ROTATE_KEEP/)
})

test('lines go to stdout unchanged and to rotated files web-<instance>.<n>.log, keeping the newest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-web-logs-'))
  const stdout: string[] = []
  try {
    const log = await createLog({
      instance: 'web:3000',
      file: { dir, size: '1k', frequency: 'daily', keep: 2 },
      stdout: { write: (line: string) => stdout.push(line) },
    })
    for (let i = 0; i < 60; i++) {
      log.info('request', { n: i, path: '/health', padding: 'x'.repeat(60) })
      // pino-roll rotates once a write has drained.
      await new Promise((r) => setTimeout(r, 2))
    }
    logError('api_error', { request_id: 'r-1', status: 502 })
    await log.close()
  } finally {
    Reflect.deleteProperty(globalThis, Symbol.for('comptoir.web.log'))
  }

  const files = readdirSync(dir)
  assert.ok(files.every((name) => /^web-web-3000\.\d+\.log$/.test(name)), files.join(', '))
  const numbers = files.map((name) => Number(name.split('.')[1]))
  assert.ok(Math.max(...numbers) > 3, `60 lines of ~150 B in 1 KB files rotate several times (${files.join(', ')})`)
  assert.ok(files.length <= 3, `2 rotated files + the current one at most (${files.join(', ')})`)

  const fileLines = files
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean))
  // The newest lines survive, identical to what stdout got.
  assert.deepEqual(fileLines, stdout.join('').split('\n').filter(Boolean).slice(-fileLines.length))
  const last = JSON.parse(fileLines.at(-1)!) as Record<string, unknown>
  assert.deepEqual({ ...last, time: 'x' }, { time: 'x', level: 'error', msg: 'api_error', instance: 'web:3000', request_id: 'r-1', status: 502 })
  const previous = JSON.parse(fileLines.at(-2)!) as Record<string, unknown>
  assert.equal(previous.n, 59)
  rmSync(dir, { recursive: true, force: true })
})
