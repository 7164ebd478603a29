import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { DEFAULT_PAGE_SIZE, type Page } from '#core/pagination'
import { businessDay } from '#core/business_time'
import { assertStoreAccess, storeScope } from '#access/policies'
import type { Principal } from '#access/principal'
import { instantToWire } from '#core/instants'
import type { ReplenishmentStatus } from '#inventory/models/replenishment_request'
import type { InFlightRequestWire } from '#inventory/queries/in_flight_requests'
import { STATUS_TO_WIRE } from '#inventory/replenishment_state'
import { stockStatus, type StockStatus } from '#inventory/stock_status'
import type { suggestionsQuery } from '#inventory/validators/replenishment_validators'

/* The original's "Réapprovisionnement urgent" rule, fixed (see docs/api.md). */
const VELOCITY_WINDOW_DAYS = 30
const COVER_TARGET_DAYS = 14
const URGENT_DAYS = 7

export interface SuggestionWire {
  magasin: { id: number; nom: string }
  produit: { id: number; code: string; nom: string }
  quantite: number
  seuil_reappro: number
  statut: StockStatus
  ventes_par_jour: number
  jours_restants: number | null
  en_cours: number
  /** The request in flight (one per store and product): the row shows it rather than offer a request the API would refuse. */
  demande_en_cours: InFlightRequestWire | null
  stock_entrepot: number
  quantite_suggeree: number
  priorite: 'URGENT' | 'MOYEN'
}

/*
 * velocity = units sold over the last 30 business days (today included), net
 * of the units returned in those days (never below 0), ÷ 30, read from the
 * daily rollups (the original divided ALL-TIME sales by 30).
 * A level is suggested when it is at or below its reorder point, or its
 * days of cover (quantity ÷ velocity) are ≤ 14. The suggested quantity
 * brings it to 2 × reorder point + 14 days of sales, minus what is already
 * requested and not yet received; a level already covered by requests in
 * flight is not suggested. Integer arithmetic: 30·q ≤ 14·sold ⇔ q/v ≤ 14.
 */
const SUGGESTIONS_SQL = `
  WITH sold AS (
    SELECT store_id, product_id, GREATEST(SUM(quantity_sold) - SUM(quantity_returned), 0)::bigint AS sold
      FROM daily_sales_rollups
     WHERE day > CAST(:today AS date) - ${VELOCITY_WINDOW_DAYS} AND day <= CAST(:today AS date)
       AND (CAST(:storeId AS int) IS NULL OR store_id = CAST(:storeId AS int))
     GROUP BY store_id, product_id
  ), in_flight AS (
    SELECT DISTINCT ON (store_id, product_id) store_id, product_id,
           SUM(quantity) OVER (PARTITION BY store_id, product_id)::bigint AS quantity,
           id AS request_id, quantity AS request_quantity, status AS request_status, requested_at AS request_at
      FROM replenishment_requests
     WHERE status IN ('pending', 'approved', 'shipped')
       AND (CAST(:storeId AS int) IS NULL OR store_id = CAST(:storeId AS int))
     ORDER BY store_id, product_id, id
  ), levels AS (
    SELECT loc.store_id, st.name AS store_name, sl.product_id, p.code, p.name, sl.quantity, sl.reorder_point,
           COALESCE(s.sold, 0) AS sold, COALESCE(f.quantity, 0) AS in_flight, COALESCE(w.quantity, 0) AS warehouse_quantity,
           f.request_id, f.request_quantity, f.request_status, f.request_at
      FROM stock_levels sl
      JOIN stock_locations loc ON loc.id = sl.location_id AND loc.kind = 'store'
      JOIN stores st ON st.id = loc.store_id
      JOIN products p ON p.id = sl.product_id AND p.is_active
      LEFT JOIN sold s ON s.store_id = loc.store_id AND s.product_id = sl.product_id
      LEFT JOIN in_flight f ON f.store_id = loc.store_id AND f.product_id = sl.product_id
      LEFT JOIN stock_levels w
        ON w.product_id = sl.product_id AND w.location_id = (SELECT id FROM stock_locations WHERE kind = 'warehouse')
     WHERE (CAST(:storeId AS int) IS NULL OR loc.store_id = CAST(:storeId AS int))
  ), suggested AS (
    SELECT *,
           2 * reorder_point + (${COVER_TARGET_DAYS} * sold + ${VELOCITY_WINDOW_DAYS - 1}) / ${VELOCITY_WINDOW_DAYS}
             - quantity - in_flight AS suggested_quantity,
           CASE WHEN quantity = 0 THEN 0
                WHEN sold = 0 THEN NULL
                ELSE ${VELOCITY_WINDOW_DAYS}.0 * quantity / sold END AS days_of_cover,
           (quantity = 0 OR ${VELOCITY_WINDOW_DAYS} * quantity <= ${URGENT_DAYS} * sold) AS urgent
      FROM levels
     WHERE quantity <= reorder_point OR ${VELOCITY_WINDOW_DAYS} * quantity <= ${COVER_TARGET_DAYS} * sold
  )`

interface SuggestionRow {
  store_id: number
  store_name: string
  product_id: number
  code: string
  name: string
  quantity: number
  reorder_point: number
  sold: number
  in_flight: number
  warehouse_quantity: number
  request_id: number | null
  request_quantity: number | null
  request_status: ReplenishmentStatus | null
  request_at: Date | null
  suggested_quantity: number
  days_of_cover: string | null
  urgent: boolean
}

/** Most urgent first: fewest days of cover (no sales: last), then store and product. */
export async function replenishmentSuggestions(
  principal: Principal,
  filters: Infer<typeof suggestionsQuery>
): Promise<Page<SuggestionWire>> {
  if (filters.magasin_id !== undefined) assertStoreAccess(principal, filters.magasin_id)
  const storeId = storeScope(principal) ?? filters.magasin_id ?? null
  const page = filters.page ?? 1
  const size = filters.size ?? DEFAULT_PAGE_SIZE
  const bindings = { today: businessDay(), storeId, limit: size, offset: (page - 1) * size }

  const [count, rows] = await Promise.all([
    db.rawQuery<{ rows: { total: number }[] }>(
      `${SUGGESTIONS_SQL} SELECT count(*)::int AS total FROM suggested WHERE suggested_quantity > 0`,
      bindings
    ),
    db.rawQuery<{ rows: SuggestionRow[] }>(
      `${SUGGESTIONS_SQL} SELECT * FROM suggested WHERE suggested_quantity > 0
        ORDER BY days_of_cover ASC NULLS LAST, store_id, product_id LIMIT :limit OFFSET :offset`,
      bindings
    ),
  ])
  return { total: count.rows[0].total, page, size, items: rows.rows.map(suggestionToWire) }
}

function suggestionToWire(row: SuggestionRow): SuggestionWire {
  const sold = Number(row.sold)
  return {
    magasin: { id: row.store_id, nom: row.store_name },
    produit: { id: row.product_id, code: row.code, nom: row.name },
    quantite: row.quantity,
    seuil_reappro: row.reorder_point,
    statut: stockStatus(row.quantity, row.reorder_point),
    ventes_par_jour: Math.round((sold / VELOCITY_WINDOW_DAYS) * 100) / 100,
    jours_restants: row.days_of_cover === null ? null : Math.round(Number(row.days_of_cover) * 10) / 10,
    en_cours: Number(row.in_flight),
    demande_en_cours:
      row.request_id === null
        ? null
        : {
            id: Number(row.request_id),
            quantite: Number(row.request_quantity),
            statut: STATUS_TO_WIRE[row.request_status!],
            demande_le: instantToWire(row.request_at!),
          },
    stock_entrepot: Number(row.warehouse_quantity),
    quantite_suggeree: Number(row.suggested_quantity),
    priorite: row.urgent ? 'URGENT' : 'MOYEN',
  }
}
