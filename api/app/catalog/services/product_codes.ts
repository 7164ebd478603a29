import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The code prefix of a category, as in the seed (Alimentaire → ALI,
 * Hygiène → HYG): its first three letters without accents, upper-cased.
 */
export function codePrefix(categoryName: string): string {
  const letters = categoryName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
  if (letters.length === 0) return 'PRD'
  return letters.slice(0, 3).padEnd(3, 'X')
}

/**
 * Next free code for a prefix (ALI005 → ALI006), at least three digits.
 * A transaction-scoped advisory lock per prefix serialises concurrent
 * creations, so two products created at once never get the same code.
 */
export async function nextProductCode(trx: TransactionClientContract, categoryName: string): Promise<string> {
  const prefix = codePrefix(categoryName)
  await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`product-code:${prefix}`])
  const result = await trx.rawQuery<{ rows: { last: string | null }[] }>(
    `SELECT max(substring(code FROM ?)::bigint) AS last FROM products WHERE code ~ ?`,
    [`^${prefix}(\\d{1,9})$`, `^${prefix}\\d{1,9}$`]
  )
  const next = Number(result.rows[0]?.last ?? 0) + 1
  return `${prefix}${String(next).padStart(3, '0')}`
}
