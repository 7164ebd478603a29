/*
 * Set-based consistency checks over the stock ledger, sales and rollups.
 * Each check is one SQL statement that returns the mismatching keys only
 * (GROUP BYs and windows, no per-row round trips), so it stays
 * fast on millions of lines. `{tz}` is replaced by the business time zone.
 */

import { tenderRollupSource } from '#reporting/services/tender_rollups'

export interface ConsistencyCheck {
  id: string
  label: string
  sql: string
}

const businessDay = (column: string) => `CAST((${column} AT TIME ZONE {tz}) AS date)`
/** toNickel() of #sales/cash_rounding (x / 5 never ends in .5: no tie to break; negatives mirrored, as there). */
const NICKEL_SQL = (cents: string) => `(round((${cents}) / 5.0) * 5)::bigint`

export const CONSISTENCY_CHECKS: ConsistencyCheck[] = [
  {
    id: 'a',
    label: 'every stock level equals the sum of its ledger',
    sql: `
      WITH ledger AS (
        SELECT location_id, product_id, sum(quantity_delta) AS total FROM stock_movements GROUP BY 1, 2)
      SELECT l.location_id, l.product_id, l.quantity AS level, coalesce(g.total, 0) AS ledger
      FROM stock_levels l LEFT JOIN ledger g USING (location_id, product_id)
      WHERE l.quantity <> coalesce(g.total, 0)
      ORDER BY 1, 2`,
  },
  {
    id: 'b',
    label: 'no stock level below zero',
    sql: `SELECT location_id, product_id, quantity FROM stock_levels WHERE quantity < 0 ORDER BY 1, 2`,
  },
  {
    id: 'c',
    label: 'daily_sales_rollups match sale lines and returns (day, store, product)',
    sql: `
      WITH per_sale AS (
        SELECT ${businessDay('s.created_at')} AS day, s.store_id, l.product_id, s.id,
               sum(l.quantity) AS quantity, sum(l.line_total_cents) AS revenue
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id
        GROUP BY 1, 2, 3, 4),
      source AS (
        SELECT day, store_id, product_id, sum(quantity_sold) AS quantity_sold, sum(revenue_cents) AS revenue_cents,
               sum(sale_count) AS sale_count, sum(quantity_returned) AS quantity_returned, sum(refunded_cents) AS refunded_cents
        FROM (
          SELECT day, store_id, product_id, sum(quantity) AS quantity_sold, sum(revenue) AS revenue_cents,
                 count(*) AS sale_count, 0 AS quantity_returned, 0 AS refunded_cents
          FROM per_sale GROUP BY 1, 2, 3
          UNION ALL
          SELECT ${businessDay('r.created_at')}, s.store_id, l.product_id, 0, 0, 0, sum(rl.quantity), sum(rl.subtotal_cents)
          FROM returns r
          JOIN return_lines rl ON rl.return_id = r.id
          JOIN sale_lines l ON l.id = rl.sale_line_id
          JOIN sales s ON s.id = r.sale_id
          GROUP BY 1, 2, 3) parts
        GROUP BY 1, 2, 3)
      SELECT coalesce(r.day, src.day)::text AS day, coalesce(r.store_id, src.store_id) AS store_id,
             coalesce(r.product_id, src.product_id) AS product_id,
             CASE WHEN r.id IS NULL THEN 'missing rollup' WHEN src.day IS NULL THEN 'rollup without sales' ELSE 'differs' END AS problem,
             r.quantity_sold, src.quantity_sold AS expected_quantity_sold, r.revenue_cents, src.revenue_cents AS expected_revenue_cents,
             r.sale_count, src.sale_count AS expected_sale_count, r.quantity_returned, src.quantity_returned AS expected_quantity_returned,
             r.refunded_cents, src.refunded_cents AS expected_refunded_cents
      FROM daily_sales_rollups r
      FULL JOIN source src ON src.day = r.day AND src.store_id = r.store_id AND src.product_id = r.product_id
      WHERE r.id IS NULL OR src.day IS NULL
         OR (r.quantity_sold, r.revenue_cents, r.sale_count, r.quantity_returned, r.refunded_cents)
            IS DISTINCT FROM (src.quantity_sold, src.revenue_cents, src.sale_count, src.quantity_returned, src.refunded_cents)
      ORDER BY 1, 2, 3`,
  },
  {
    id: 'd',
    label: 'daily_register_rollups match sales and returns (day, register)',
    sql: `
      WITH source AS (
        SELECT day, register_id, store_id, sum(sales_count) AS sales_count, sum(subtotal_cents) AS subtotal_cents,
               sum(tax_cents) AS tax_cents, sum(total_cents) AS total_cents, sum(returns_count) AS returns_count,
               sum(refunded_subtotal_cents) AS refunded_subtotal_cents, sum(refunded_total_cents) AS refunded_total_cents
        FROM (
          SELECT ${businessDay('created_at')} AS day, register_id, store_id, count(*) AS sales_count,
                 sum(subtotal_cents) AS subtotal_cents, sum(tax_cents) AS tax_cents, sum(total_cents) AS total_cents,
                 0 AS returns_count, 0 AS refunded_subtotal_cents, 0 AS refunded_total_cents
          FROM sales GROUP BY 1, 2, 3
          UNION ALL
          -- A return counts on its own day, against the register it was made at (as
          -- create_return records it; its refund is paid from that register's drawer).
          SELECT ${businessDay('r.created_at')}, r.register_id, s.store_id, 0, 0, 0, 0,
                 count(*), sum(r.subtotal_cents), sum(r.total_cents)
          FROM returns r JOIN sales s ON s.id = r.sale_id
          GROUP BY 1, 2, 3) parts
        GROUP BY 1, 2, 3)
      SELECT coalesce(r.day, src.day)::text AS day, coalesce(r.register_id, src.register_id) AS register_id,
             CASE WHEN r.id IS NULL THEN 'missing rollup' WHEN src.day IS NULL THEN 'rollup without sales' ELSE 'differs' END AS problem,
             r.sales_count, src.sales_count AS expected_sales_count, r.total_cents, src.total_cents AS expected_total_cents,
             r.returns_count, src.returns_count AS expected_returns_count,
             r.refunded_total_cents, src.refunded_total_cents AS expected_refunded_total_cents
      FROM daily_register_rollups r
      FULL JOIN source src ON src.day = r.day AND src.register_id = r.register_id
      WHERE r.id IS NULL OR src.day IS NULL
         OR (r.store_id, r.sales_count, r.subtotal_cents, r.tax_cents, r.total_cents, r.returns_count,
             r.refunded_subtotal_cents, r.refunded_total_cents)
            IS DISTINCT FROM (src.store_id, src.sales_count, src.subtotal_cents, src.tax_cents, src.total_cents,
             src.returns_count, src.refunded_subtotal_cents, src.refunded_total_cents)
      ORDER BY 1, 2`,
  },
  {
    id: 'e',
    label: 'every sale: subtotal = Σ lines, tax = Σ sale_taxes, its change (and so its cash rounding) the one its rule gives',
    // settleCash() for sales made since 0031 (cash_to_nickel), the exact change of before; paid − change = total +
    // cash_rounding_cents holds by construction (a generated column), the change is what can be wrong.
    sql: `
      WITH lines AS (SELECT sale_id, sum(line_total_cents) AS total FROM sale_lines GROUP BY 1),
           taxes AS (SELECT sale_id, sum(amount_cents) AS total FROM sale_taxes GROUP BY 1),
           paid AS (SELECT sale_id, sum(amount_cents) AS total, coalesce(sum(amount_cents) FILTER (WHERE method = 'cash'), 0) AS cash
                      FROM payments GROUP BY 1),
           settled AS (
             SELECT s.id, s.receipt_number, s.subtotal_cents, s.tax_cents, s.total_cents, s.change_cents, s.cash_rounding_cents,
                    s.cash_to_nickel, coalesce(l.total, 0) AS lines_total, coalesce(t.total, 0) AS taxes_total,
                    coalesce(p.total, 0) AS paid_total, coalesce(p.cash, 0) AS cash,
                    s.total_cents - (coalesce(p.total, 0) - coalesce(p.cash, 0)) AS cash_due
               FROM sales s
               LEFT JOIN lines l ON l.sale_id = s.id
               LEFT JOIN taxes t ON t.sale_id = s.id
               LEFT JOIN paid p ON p.sale_id = s.id),
           rule AS (
             SELECT *, ${NICKEL_SQL('cash_due')} AS cash_due_nickel,
                    CASE WHEN NOT cash_to_nickel THEN paid_total - total_cents
                         WHEN cash > cash_due AND cash >= ${NICKEL_SQL('cash_due')} THEN cash - ${NICKEL_SQL('cash_due')}
                         ELSE 0 END AS expected_change
               FROM settled)
      SELECT id AS sale_id, receipt_number, subtotal_cents, lines_total, tax_cents, taxes_total, total_cents,
             paid_total, cash, change_cents, expected_change, cash_rounding_cents
        FROM rule
       WHERE subtotal_cents <> lines_total
          OR tax_cents <> taxes_total
          OR change_cents <> expected_change
          -- Settled at all: other tenders never beyond the total, and cash from the lower of the exact and rounded dues.
          OR cash_due < 0
          OR (cash = 0 AND cash_due <> 0)
          OR (cash > 0 AND cash < CASE WHEN cash_to_nickel THEN least(cash_due, cash_due_nickel) ELSE cash_due END)
       ORDER BY 1`,
  },
  {
    id: 'f',
    label: 'every sale line: returned_quantity = Σ return_lines.quantity',
    sql: `
      WITH returned AS (SELECT sale_line_id, sum(quantity) AS quantity FROM return_lines GROUP BY 1)
      SELECT l.id AS sale_line_id, l.sale_id, l.quantity, l.returned_quantity, coalesce(r.quantity, 0) AS returned_in_returns
      FROM sale_lines l LEFT JOIN returned r ON r.sale_line_id = l.id
      WHERE l.returned_quantity <> coalesce(r.quantity, 0)
      ORDER BY 1`,
  },
  {
    id: 'g',
    label: 'every return = Σ its lines; every sale: refunded = Σ its returns, status follows what came back',
    sql: `
      WITH return_totals AS (
        SELECT r.id, r.sale_id, r.subtotal_cents, coalesce(sum(rl.subtotal_cents), 0) AS lines_total
        FROM returns r LEFT JOIN return_lines rl ON rl.return_id = r.id GROUP BY r.id),
      refunds AS (SELECT sale_id, sum(total_cents) AS total FROM returns GROUP BY 1),
      returned AS (
        SELECT sale_id, bool_and(returned_quantity = quantity) AS all_back, bool_or(returned_quantity > 0) AS some_back
        FROM sale_lines GROUP BY 1)
      SELECT 'return' AS kind, id, subtotal_cents AS recorded, lines_total AS expected, NULL AS status
      FROM return_totals WHERE subtotal_cents <> lines_total
      UNION ALL
      SELECT 'sale', s.id, s.refunded_cents, coalesce(f.total, 0), s.status
      FROM sales s LEFT JOIN refunds f ON f.sale_id = s.id LEFT JOIN returned q ON q.sale_id = s.id
      WHERE s.refunded_cents <> coalesce(f.total, 0)
         OR s.status <> CASE WHEN q.all_back THEN 'returned' WHEN q.some_back THEN 'partially_returned' ELSE 'completed' END
      ORDER BY 1, 2`,
  },
  {
    id: 'h',
    label: 'every ledger row: balance_after = running sum of its (location, product) in ledger order',
    sql: `
      SELECT id, location_id, product_id, quantity_delta, balance_after, running AS expected_balance_after
      FROM (
        SELECT id, location_id, product_id, quantity_delta, balance_after,
               sum(quantity_delta) OVER (PARTITION BY location_id, product_id ORDER BY id) AS running
        FROM stock_movements) m
      WHERE balance_after <> running
      ORDER BY id`,
  },
  {
    id: 'i',
    label: 'every return: Σ its refund parts per tender = its total + its cash rounding',
    sql: `
      WITH parts AS (SELECT return_id, sum(amount_cents) AS total FROM return_refunds GROUP BY 1)
      SELECT r.id AS return_id, r.total_cents, r.cash_rounding_cents, coalesce(p.total, 0) AS parts_total
      FROM returns r LEFT JOIN parts p ON p.return_id = r.id
      WHERE r.total_cents + r.cash_rounding_cents <> coalesce(p.total, 0)
      ORDER BY 1`,
  },
  {
    id: 'j',
    label: 'daily_tender_rollups match payments, change and refund parts (day, register, tender)',
    sql: `
      WITH source AS (${tenderRollupSource(businessDay)})
      SELECT coalesce(t.day, src.day)::text AS day, coalesce(t.register_id, src.register_id) AS register_id,
             coalesce(t.method, src.method) AS method,
             CASE WHEN t.id IS NULL THEN 'missing rollup' WHEN src.day IS NULL THEN 'rollup without sales' ELSE 'differs' END AS problem,
             t.taken_cents, src.taken_cents AS expected_taken_cents, t.refunded_cents, src.refunded_cents AS expected_refunded_cents
      FROM daily_tender_rollups t
      FULL JOIN source src ON src.day = t.day AND src.register_id = t.register_id AND src.method = t.method
      WHERE t.id IS NULL OR src.day IS NULL
         OR (t.store_id, t.taken_cents, t.refunded_cents) IS DISTINCT FROM (src.store_id, src.taken_cents, src.refunded_cents)
      ORDER BY 1, 2, 3`,
  },
  {
    id: 'k',
    label: "every return since 0031 handed back in cash what the running total of its sale's cash refunds gives (to the nickel, within what the drawer kept)",
    // cashHandedBackFor(): after each return, the cash handed back so far is its value while some of the sale's cash is
    // left, or once none is: when the exact cash refunded reached the sale's, or (either is accepted) after a refund
    // beyond what another tender paid, which refundableByTender takes from the cash too. Returns of before 0031
    // handed back exact cash: they count in the running total and are not checked themselves.
    sql: `
      WITH cash_paid AS (SELECT sale_id, sum(amount_cents) AS cash FROM payments WHERE method = 'cash' GROUP BY 1),
           paid_by AS (SELECT sale_id, method, sum(amount_cents) AS paid FROM payments GROUP BY 1, 2),
           cash_back AS (SELECT return_id, sum(amount_cents) AS cash FROM return_refunds WHERE method = 'cash' GROUP BY 1),
           other_back AS (
             SELECT r.id AS return_id, r.sale_id, rr.method,
                    sum(rr.amount_cents) OVER (PARTITION BY r.sale_id, rr.method ORDER BY r.id) AS refunded
               FROM return_refunds rr JOIN returns r ON r.id = rr.return_id WHERE rr.method <> 'cash'),
           beyond_tender AS (
             SELECT DISTINCT o.return_id FROM other_back o
               LEFT JOIN paid_by p ON p.sale_id = o.sale_id AND p.method = o.method
              WHERE o.refunded > coalesce(p.paid, 0)),
           steps AS (
             SELECT r.id AS return_id, r.sale_id, r.cash_to_nickel, coalesce(b.cash, 0) AS step,
                    sum(coalesce(b.cash, 0)) OVER w AS handed,
                    sum(coalesce(b.cash, 0) - r.cash_rounding_cents) OVER w AS refunded_exact,
                    bool_or(x.return_id IS NOT NULL) OVER w AS elsewhere
               FROM returns r
               LEFT JOIN cash_back b ON b.return_id = r.id
               LEFT JOIN beyond_tender x ON x.return_id = r.id
             WINDOW w AS (PARTITION BY r.sale_id ORDER BY r.id)),
           sale_cash AS (
             SELECT st.*, s.receipt_number,
                    CASE WHEN coalesce(c.cash, 0) > 0 THEN c.cash - s.change_cents ELSE 0 END AS kept,
                    CASE WHEN coalesce(c.cash, 0) > 0 THEN c.cash - s.change_cents - s.cash_rounding_cents ELSE 0 END AS exact
               FROM steps st JOIN sales s ON s.id = st.sale_id LEFT JOIN cash_paid c ON c.sale_id = s.id),
           rule AS (
             SELECT *, least(${NICKEL_SQL('refunded_exact')}, kept) AS while_left,
                    CASE WHEN refunded_exact >= exact THEN kept + ${NICKEL_SQL('refunded_exact - exact')}
                         ELSE least(greatest(0, ${NICKEL_SQL('kept - (exact - refunded_exact)')}), kept) END AS once_none_left
               FROM sale_cash)
      SELECT return_id, sale_id, receipt_number, kept AS cash_kept_cents, refunded_exact AS cash_refunded_exact_cents,
             handed AS cash_handed_back_cents, while_left, once_none_left
        FROM rule
       WHERE cash_to_nickel
         AND CASE WHEN refunded_exact >= exact THEN handed <> once_none_left
                  WHEN elsewhere THEN handed NOT IN (while_left, once_none_left)
                  ELSE handed <> while_left END
         -- A return hands back nothing when the drawer already gave more (cashRefundCents never goes below 0).
         AND NOT (step = 0 AND handed > least(while_left, once_none_left))
       ORDER BY 1`,
  },
  {
    id: 'l',
    label: 'every sale returned in full since 0031 gave back what it took (paid − change), 2 ¢ less to 3 ¢ more at most (nickels)',
    // Exactly, when every refund went back the way the sale was paid. A manager's cash beyond the sale's own, or « autre »
    // beyond its tenders, leaves a running total's rounding (±2 ¢); the sale's own rounding (−2 ¢) and a cash refund's
    // (+2 ¢) can stack to 4 ¢ given beyond what was taken, which the refunds after them absorb but for 1 ¢ at least
    // (never below nothing): 3 ¢. ADR 0023.
    sql: `
      WITH paid AS (SELECT sale_id, sum(amount_cents) AS paid FROM payments GROUP BY 1),
           back AS (
             SELECT r.sale_id, sum(rr.amount_cents) AS back, bool_and(r.cash_to_nickel) AS to_nickel
               FROM returns r LEFT JOIN return_refunds rr ON rr.return_id = r.id GROUP BY 1)
      SELECT s.id AS sale_id, s.receipt_number, p.paid - s.change_cents AS taken_cents, b.back AS given_back_cents
        FROM sales s JOIN paid p ON p.sale_id = s.id JOIN back b ON b.sale_id = s.id
       WHERE s.status = 'returned' AND s.cash_to_nickel AND b.to_nickel
         AND coalesce(b.back, 0) - (p.paid - s.change_cents) NOT BETWEEN -2 AND 3
       ORDER BY 1`,
  },
]

const TIME_ZONE_NAME = /^[A-Za-z0-9_+\-/]+$/

/** The check's SQL with the time zone inlined as a literal (validated: letters, digits, _ + - / only). */
export function sqlFor(check: ConsistencyCheck, timeZone: string): string {
  if (!TIME_ZONE_NAME.test(timeZone)) throw new Error(`Invalid time zone name "${timeZone}"`)
  return check.sql.replaceAll('{tz}', `'${timeZone}'`)
}

/** Wraps a check so the database returns the mismatch count and only the first few examples. */
export function withCountAndExamples(sql: string, examples: number): string {
  return `SELECT count(*) OVER () AS mismatch_count, m.* FROM (${sql}) m LIMIT ${Math.max(1, Math.trunc(examples))}`
}
