/*
 * Pid files outlive their processes (a crash, a reboot), and the system hands their pids to
 * other processes. `make start` then said "Already running." while nothing served, and
 * `make stop` sent SIGTERM to the stranger's whole process group; `make lb` skipped starting
 * Redis and `make lb-stop` signalled whatever held the pid in Redis's pid file.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'

import { services, settingsFromEnv } from '../../scripts/lib/lb.mjs'
import { daemon, isAlive, pidOf, sleep, stopDaemon } from '../../scripts/lib/processes.mjs'

const scratch = mkdtempSync(join(tmpdir(), 'comptoir-stale-pid-'))
const strangers = []
after(() => {
  for (const pid of strangers) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {}
  }
  rmSync(scratch, { recursive: true, force: true })
})

/** Another program's process, in its own process group (like any daemon of the system). */
function stranger() {
  const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' })
  child.unref()
  strangers.push(child.pid)
  return child.pid
}

async function waitGone(pid) {
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(20)
  assert.ok(!isAlive(pid), `pid ${pid} did not exit`)
}

test('a pid file whose pid now belongs to another process is stale: not running, and stop leaves the stranger alone', async () => {
  const runDir = join(scratch, 'reused')
  const file = join(runDir, 'api.pid')
  const pid = daemon('api', 'sleep', ['60'], { runDir })
  assert.equal(pidOf('api', runDir), pid)
  process.kill(-pid, 'SIGKILL')
  await waitGone(pid)
  // The kernel clock ticks every 10 ms: the stranger starts visibly later than the daemon did.
  await sleep(50)
  // The pid is reused: same file, another process behind its number.
  const other = stranger()
  writeFileSync(file, readFileSync(file, 'utf8').replace(String(pid), String(other)))

  assert.equal(pidOf('api', runDir), null, 'a stranger was taken for the daemon')
  assert.ok(!existsSync(file), 'the stale pid file was kept')
  assert.equal(await stopDaemon('api', { runDir }), false)
  assert.ok(isAlive(other), 'stopping the daemon killed a stranger')
})

test('a running daemon is found and stopped', async () => {
  const runDir = join(scratch, 'running')
  const pid = daemon('web', 'sleep', ['60'], { runDir })
  assert.equal(pidOf('web', runDir), pid)
  assert.equal(await stopDaemon('web', { runDir, timeoutMs: 5_000 }), true)
  await waitGone(pid)
  assert.equal(pidOf('web', runDir), null)
})

test('a pid file holding the pid alone (written before start times were recorded) still finds its daemon', async () => {
  const runDir = join(scratch, 'legacy')
  const pid = daemon('api', 'sleep', ['60'], { runDir })
  writeFileSync(join(runDir, 'api.pid'), String(pid))
  assert.equal(pidOf('api', runDir), pid)
  assert.equal(await stopDaemon('api', { runDir, timeoutMs: 5_000 }), true)
  await waitGone(pid)
})

test("make lb: a Redis pid file naming another program's process is not Redis", () => {
  const settings = settingsFromEnv({ LB_DATA_DIR: join(scratch, 'lb') })
  const redis = services(settings).find((service) => service.name === 'redis')
  mkdirSync(join(settings.dir, 'redis'), { recursive: true })
  writeFileSync(join(settings.dir, 'redis', 'redis.pid'), `${stranger()}\n`)
  assert.equal(redis.pid(), null)
})
