import vine, { errors } from '@vinejs/vine'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { ownEntry } from '#core/own_entry'

export interface Page<T> {
  total: number
  page: number
  size: number
  items: T[]
}

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

const pageSize = vine.number().withoutDecimals().min(1).max(MAX_PAGE_SIZE).optional()

/** Query fields shared by every paginated list (`page`, `size`, `limit`, `sort`, `search`). */
export const paginationFields = {
  page: vine.number().withoutDecimals().min(1).max(1_000_000).optional(),
  size: pageSize,
  /**
   * The page size under the original README's name; validateQuery makes it the `size` of any
   * query that has both (`limit` wins when both are sent, as it always did on /products).
   */
  limit: pageSize,
  sort: vine
    .string()
    .trim()
    .maxLength(40)
    // The direction in any case (`nom,DESC`, as many client libraries write it); a field in the wrong case is refused by name.
    // Spelled out, not with the i flag: the OpenAPI pattern is the regex's source, and JSON Schema patterns have no flags.
    .regex(/^[a-zA-Z_]+(,([aA][sS][cC]|[dD][eE][sS][cC]))?$/)
    .optional(),
  search: vine.string().trim().maxLength(100).optional(),
}

export interface SortSpec {
  column: string
  direction: 'asc' | 'desc'
}

/**
 * Resolves the `sort=field,dir` parameter against the wire names a list
 * allows; an unknown field is a validation error, not a silent default.
 */
export function resolveSort(
  sort: string | undefined,
  allowed: Record<string, string>,
  fallback: SortSpec
): SortSpec {
  if (!sort) return fallback
  const [field, direction = 'asc'] = sort.split(',')
  const column = ownEntry(allowed, field)
  if (!column) {
    throw vineSortError(field, Object.keys(allowed))
  }
  return { column, direction: direction.toLowerCase() as 'asc' | 'desc' }
}

function vineSortError(field: string, allowed: string[]) {
  const error = new errors.E_VALIDATION_ERROR([
    {
      field: 'sort',
      message: `Cannot sort by '${field}'; allowed: ${allowed.join(', ')}`,
      rule: 'sort',
    },
  ])
  return error
}

/**
 * Names sort the way a French reader expects — "Écolo" among the E's, "pâtes" next to "Pâtes" —
 * not byte by byte, where every accented or lower-case initial came after "Z". PostgreSQL's ICU
 * French collation does that (it needs a server built with ICU, as the embedded one and the
 * official images are); other columns (codes, numbers, dates) keep their natural order.
 */
export const FRENCH_COLLATION = 'fr-CA-x-icu'
const NAME_COLUMN = /(^|\.)(name|full_name|username)$/

/** Adds the ORDER BY of a resolved sort (a column from an allowlist, never user text). */
export function orderBySort<Query extends { orderBy(column: string, direction: 'asc' | 'desc'): unknown; orderByRaw(sql: string): unknown }>(
  query: Query,
  sort: SortSpec
): Query {
  if (!NAME_COLUMN.test(sort.column)) query.orderBy(sort.column, sort.direction)
  else {
    const column = sort.column
      .split('.')
      .map((part) => `"${part}"`)
      .join('.')
    query.orderByRaw(`${column} COLLATE "${FRENCH_COLLATION}" ${sort.direction === 'desc' ? 'desc' : 'asc'}`)
  }
  return query
}

/**
 * Runs a count and a page query with a stable order: the requested column
 * first, then the primary key, so OFFSET pagination never repeats or skips.
 * The key goes the same way as the column: newest first puts the later of
 * two sales stamped at the same instant first, and an index on (column, id)
 * serves either direction by reading it forwards or backwards.
 */
export async function paginate<Model extends LucidModel, T>(
  query: ModelQueryBuilderContract<Model, InstanceType<Model>>,
  options: { page?: number; size?: number; sort: SortSpec; tieBreaker?: string },
  map: (row: InstanceType<Model>) => T
): Promise<Page<T>> {
  const page = options.page ?? 1
  const size = options.size ?? DEFAULT_PAGE_SIZE
  const tieBreaker = options.tieBreaker ?? 'id'
  const countRow = await query.clone().clearSelect().clearOrder().count('* as total').first()
  const total = Number((countRow as unknown as { $extras: { total: number } })?.$extras.total ?? 0)
  const rows = await orderBySort(query, options.sort)
    .if(options.sort.column !== tieBreaker, (q) => q.orderBy(tieBreaker, options.sort.direction))
    .offset((page - 1) * size)
    .limit(size)
  return { total, page, size, items: rows.map(map) }
}
