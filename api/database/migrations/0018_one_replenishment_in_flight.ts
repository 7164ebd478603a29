import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
 * A store may have one replenishment request in flight (pending, approved or
 * shipped) per product: a second one, from a double request or a clerk who
 * did not know of the first, made the warehouse ship twice. The API checks
 * first and answers 409 REPLENISHMENT_IN_FLIGHT; this partial unique index
 * is what stops two concurrent requests from both passing that check.
 *
 * Duplicates already in the table are resolved before the index is built:
 * - pending duplicates are cancelled (no stock has moved for them), keeping
 *   per store and product the request furthest along (shipped, then
 *   approved), then the oldest, which is first in the warehouse's queue.
 *   They are stamped cancelled now, by no user (the history shows no name),
 *   and their ids are printed;
 * - two or more approved/shipped requests for the same store and product
 *   already took stock out of the warehouse: cancelling them here would move
 *   stock behind everybody's back. The migration then stops and names them;
 *   a manager receives (shipped) or cancels (approved) the extra ones, and
 *   the migration is run again.
 */
export const IN_FLIGHT_INDEX = 'replenishment_requests_one_in_flight'
const IN_FLIGHT = "status IN ('pending', 'approved', 'shipped')"

/** Cancels the pending duplicates; answers their ids and the duplicates it cannot resolve. */
export async function resolveInFlightDuplicates(client: QueryClientContract) {
  const cancelled = await client.rawQuery<{ rows: { id: number }[] }>(`
    WITH ranked AS (
      SELECT id, status,
             row_number() OVER (
               PARTITION BY store_id, product_id
               ORDER BY CASE status WHEN 'shipped' THEN 0 WHEN 'approved' THEN 1 ELSE 2 END, requested_at, id
             ) AS rank
        FROM replenishment_requests
       WHERE ${IN_FLIGHT}
    )
    UPDATE replenishment_requests r
       SET status = 'cancelled', cancelled_at = now(), cancelled_by = NULL, updated_at = now()
      FROM ranked
     WHERE r.id = ranked.id AND ranked.rank > 1 AND ranked.status = 'pending'
    RETURNING r.id`)
  const remaining = await client.rawQuery<{ rows: { store_id: number; product_id: number; ids: number[] }[] }>(`
    SELECT store_id, product_id, array_agg(id ORDER BY id) AS ids
      FROM replenishment_requests
     WHERE ${IN_FLIGHT}
     GROUP BY store_id, product_id
    HAVING count(*) > 1
     ORDER BY store_id, product_id`)
  return { cancelled: cancelled.rows.map((row) => Number(row.id)).sort((a, b) => a - b), unresolved: remaining.rows }
}

export default class extends BaseSchema {
  async up() {
    this.defer(async (client) => {
      const { cancelled, unresolved } = await resolveInFlightDuplicates(client)
      if (cancelled.length > 0) {
        console.info(`[0018] cancelled ${cancelled.length} duplicate pending replenishment request(s): ${cancelled.join(', ')}`)
      }
      if (unresolved.length > 0) {
        const list = unresolved.map((d) => `store ${d.store_id}, product ${d.product_id}: requests ${d.ids.join(', ')}`).join('; ')
        throw new Error(
          `Several approved/shipped replenishment requests for the same store and product (${list}). ` +
            'Stock has left the warehouse for each: receive the shipped ones or cancel the extra approved ones, then migrate again.'
        )
      }
      await client.rawQuery(`CREATE UNIQUE INDEX ${IN_FLIGHT_INDEX} ON replenishment_requests (store_id, product_id) WHERE ${IN_FLIGHT}`)
    })
  }

  async down() {
    this.schema.raw(`DROP INDEX IF EXISTS ${IN_FLIGHT_INDEX}`)
  }
}
