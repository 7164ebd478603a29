/*
 * What the failover scenario breaks: one API instance of `make lb`, killed with SIGKILL (no
 * graceful shutdown, in-flight requests cut), then started again after the run so the
 * topology is whole for the next one.
 */
import { apiName, lbDatabaseUrl, lbRedisUrl, runDirOf, startApiInstance } from '../lib/lb.mjs'
import { pidOf, waitForHttp } from '../lib/processes.mjs'

function instanceIndex(lb, name) {
  const index = lb.ports.api.findIndex((_, i) => apiName(i) === name)
  if (index < 0) throw new Error(`make lb has no instance named ${name}`)
  return index
}

/** @returns {{ atSeconds: number, run: () => Promise<string>, restore: () => Promise<void> }} */
export function killInstanceDisruption(lb, { kill, atFraction }, durationSeconds) {
  const index = instanceIndex(lb, kill)
  const startedAt = Date.now()
  const pid = pidOf(kill, runDirOf(lb))
  if (!pid) throw new Error(`${kill} is not running: start the topology with make lb`)
  return {
    atSeconds: Math.round(durationSeconds * atFraction),
    async run() {
      process.kill(pid, 'SIGKILL')
      const at = ((Date.now() - startedAt) / 1000).toFixed(1)
      console.log(`[bench] killed ${kill} (pid ${pid}, SIGKILL) at ${at} s`)
      return `${kill} (pid ${pid}) killed with SIGKILL at ${at} s of ${durationSeconds} s`
    },
    async restore() {
      if (pidOf(kill, runDirOf(lb))) return
      console.log(`[bench] starting ${kill} again...`)
      startApiInstance(lb, index, { databaseUrl: lbDatabaseUrl(lb), redisUrl: lbRedisUrl(lb) })
      await waitForHttp(`http://127.0.0.1:${lb.ports.api[index]}/health`, 60_000, kill)
    },
  }
}
