/*
 * A throwaway redis-server (Debian package) for tests and local stacks,
 * daemonised with its pid under .data/; none is started when REDIS_URL is set.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA } from './paths.mjs'
import { sleep } from './processes.mjs'

export function redisAvailable() {
  return spawnSync('redis-server', ['--version']).status === 0
}

/** Data, log and pid file go to `dir` (default .data/<name>). */
export async function startRedis(port, name = `redis-${port}`, { dir = join(DATA, name) } = {}) {
  mkdirSync(dir, { recursive: true })
  const pidfile = join(dir, 'redis.pid')
  execFileSync('redis-server', [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--daemonize', 'yes',
    '--pidfile', pidfile,
    '--dir', dir,
    '--logfile', join(dir, 'redis.log'),
    '--save', '',
    '--appendonly', 'no',
    '--maxmemory', '256mb',
    '--maxmemory-policy', 'allkeys-lru',
  ])
  for (let i = 0; i < 50; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG')) break
    await sleep(100)
  }
  return { url: `redis://127.0.0.1:${port}`, pidfile }
}

export async function stopRedis(pidfile) {
  if (!existsSync(pidfile)) return
  const pid = Number(readFileSync(pidfile, 'utf8'))
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return
  }
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0)
      await sleep(100)
    } catch {
      return
    }
  }
}
