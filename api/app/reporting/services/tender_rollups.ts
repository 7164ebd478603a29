/*
 * daily_tender_rollups as the sales themselves say it should be: per
 * business day, register and tender, what was taken (cash net of the change
 * handed back) and what returns gave back (their refund parts, on the
 * return's day, against the register it was made at). stock:verify compares
 * the table with it; demo:generate fills the table from it for the history
 * it writes. `day` turns a timestamp column into its business day;
 * `salesWhere` narrows the sales (`s`) counted.
 */
export function tenderRollupSource(day: (column: string) => string, salesWhere = 'TRUE'): string {
  return `
    SELECT day, register_id, store_id, method, sum(taken) AS taken_cents, sum(refunded) AS refunded_cents
      FROM (
        SELECT ${day('s.created_at')} AS day, s.register_id, s.store_id, p.method,
               p.amount_cents::bigint AS taken, 0::bigint AS refunded
          FROM payments p JOIN sales s ON s.id = p.sale_id
         WHERE ${salesWhere}
        UNION ALL
        SELECT ${day('s.created_at')}, s.register_id, s.store_id, 'cash', -s.change_cents, 0
          FROM sales s
         WHERE s.change_cents > 0 AND ${salesWhere}
        UNION ALL
        SELECT ${day('r.created_at')}, r.register_id, s.store_id, rr.method, 0, rr.amount_cents
          FROM return_refunds rr JOIN returns r ON r.id = rr.return_id JOIN sales s ON s.id = r.sale_id
         WHERE ${salesWhere}
      ) moves
     GROUP BY day, register_id, store_id, method`
}
