import client from 'prom-client'
import db from '@adonisjs/lucid/services/db'
import { registry } from '#core/metrics'

interface TarnPool {
  numUsed(): number
  numFree(): number
  numPendingAcquires(): number
  max: number
}

function pool(): TarnPool | null {
  const connection = db.manager.get(db.primaryConnectionName)?.connection as
    | { pool?: TarnPool | null }
    | undefined
  return connection?.pool ?? null
}

/* Read at scrape time from the knex (tarn) pool of the primary connection. */
new client.Gauge({
  name: 'db_pool_connections',
  help: 'Database pool connections by state (used, free, pending acquisitions, max)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const p = pool()
    if (!p) return
    this.set({ state: 'used' }, p.numUsed())
    this.set({ state: 'free' }, p.numFree())
    this.set({ state: 'pending' }, p.numPendingAcquires())
    this.set({ state: 'max' }, p.max)
  },
})
