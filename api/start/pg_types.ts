/*
 * node-postgres returns BIGINT (sums, bigserial ids) as strings and DATE as
 * a local-midnight Date. Our ids and cent sums stay far below 2^53, and a
 * business day is a calendar date, not an instant: parse both as such.
 */
import pg from 'pg'

const INT8_OID = 20
const DATE_OID = 1082

pg.types.setTypeParser(INT8_OID, (value) => Number.parseInt(value, 10))
pg.types.setTypeParser(DATE_OID, (value) => value)
