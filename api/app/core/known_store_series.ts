import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { initialiseStoreSeries } from '#core/metrics'

/*
 * Before each scrape, every store and stock location in the database gets its per-store and
 * per-location counter series at 0 (see initialiseStoreSeries). Read at scrape time rather than
 * once at start: a store created later, on any instance, is known to every instance from its next
 * scrape on, before its first sale. Two small reads every scrape interval.
 *
 * /metrics must answer even when the database does not (its metrics tell why): a failed or slow
 * read is logged and skipped, the series it would have created come at the next scrape.
 */
const READ_TIMEOUT_MS = 2_000

async function readKnownIds() {
  const stores = await db.from('stores').select('id')
  const locations = await db.from('stock_locations').select('id')
  return { stores: stores.map((row) => Number(row.id)), locations: locations.map((row) => Number(row.id)) }
}

/* A read still waiting for a connection (database down) is shared, not repeated by every scrape. */
let reading: ReturnType<typeof readKnownIds> | null = null

function readOnce() {
  reading ??= readKnownIds().finally(() => {
    reading = null
  })
  return reading
}

export async function initialiseSeriesOfKnownStores() {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS)
    timer.unref()
  })
  try {
    const { stores, locations } = await Promise.race([readOnce(), timeout])
    initialiseStoreSeries(stores, locations)
  } catch (error) {
    logger.warn({ err: error }, 'metrics: could not read the stores and locations to initialise their series')
  } finally {
    clearTimeout(timer)
  }
}
