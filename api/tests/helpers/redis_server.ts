import { execFileSync } from 'node:child_process'

/*
 * The test run's own redis-server (started by scripts/test.mjs from
 * REDIS_URL's port), stopped and started again to test outages.
 */
function port() {
  const url = process.env.REDIS_URL
  if (!url) throw new Error('REDIS_URL is not set: the cache tests need the Redis that `make test` starts')
  return new URL(url).port
}

export function stopRedis() {
  try {
    execFileSync('redis-cli', ['-p', port(), 'shutdown', 'nosave'], { stdio: 'ignore' })
  } catch {
    // redis-cli exits non-zero when the server closes the connection on shutdown
  }
}

export function startRedis() {
  execFileSync('redis-server', ['--port', port(), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no'])
}

export function redisAnswers() {
  try {
    return execFileSync('redis-cli', ['-p', port(), 'ping']).toString().includes('PONG')
  } catch {
    return false
  }
}
