import { execFileSync } from 'node:child_process'

/*
 * The test run's own redis-server (started by scripts/test.mjs from
 * REDIS_URL's port), stopped and started again to test outages. It is
 * restarted with the pid file, directory and log it had, so the run that
 * started it still stops it at the end (it would outlive the run otherwise).
 */
function port() {
  const url = process.env.REDIS_URL
  if (!url) throw new Error('REDIS_URL is not set: the cache tests need the Redis that `make test` starts')
  return new URL(url).port
}

let previousSettings: string[] = []

/** `CONFIG GET` answers name, value, name, value... */
function settingsToKeep(): string[] {
  const settings: string[] = []
  for (const name of ['pidfile', 'dir', 'logfile']) {
    const [, value] = execFileSync('redis-cli', ['-p', port(), 'config', 'get', name]).toString().trim().split('\n')
    if (value) settings.push(`--${name}`, value)
  }
  return settings
}

export function stopRedis() {
  previousSettings = settingsToKeep()
  try {
    execFileSync('redis-cli', ['-p', port(), 'shutdown', 'nosave'], { stdio: 'ignore' })
  } catch {
    // redis-cli exits non-zero when the server closes the connection on shutdown
  }
}

export function startRedis() {
  execFileSync('redis-server', [
    '--port', port(),
    '--bind', '127.0.0.1',
    '--daemonize', 'yes',
    '--save', '',
    '--appendonly', 'no',
    ...previousSettings,
  ])
}

export function redisAnswers() {
  try {
    return execFileSync('redis-cli', ['-p', port(), 'ping']).toString().includes('PONG')
  } catch {
    return false
  }
}
