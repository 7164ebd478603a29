import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { invalidateAfterCommit, Tags } from '#core/cache'
import type { Principal } from '#access/principal'
import { canAccessStore, countsBlind } from '#access/policies'
import { assertSameRequest, requestFingerprint, type IdempotencyKey } from '#core/idempotency'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { recordReturn } from '#reporting/services/rollups'
import { refundTaxes } from '#sales/taxes'
import { refundMethodOf } from '#sales/refund_split'
import { PAYMENT_METHOD_FROM_WIRE } from '#sales/wire_names'
import { refundPartsFor } from '#sales/actions/return_refund_parts'
import { assertDrawerCovers, openSessionOf, returnRegisterOf } from '#sales/actions/return_drawer'
import { CLERK_RETURN_WINDOW_HOURS, clerkReturnDeadline } from '#sales/return_window'


export interface ReturnInput {
  /** A line's own remis_en_stock says what becomes of its goods; the same sale line may come twice, part whole, part broken. */
  lignes: ReturnLineInput[] | 'all'
  motif: string
  mode_remboursement?: string
  /** false: damaged goods, refunded but left out of the store's stock. The default of every line. */
  remis_en_stock?: boolean
  /** The register the return is made at (one of the sale's store): its drawer pays a cash refund. Default: the sale's. */
  caisse_id?: number
}

interface ReturnLineInput {
  ligne_id: number
  quantite: number
  remis_en_stock?: boolean
}

interface LockedSale {
  id: number
  store_id: number
  register_id: number
  status: string
  subtotal_cents: number
  total_cents: number
  refunded_cents: number
  change_cents: number
  cash_rounding_cents: number
  created_at: Date
}

interface SaleLineRow {
  id: number
  product_id: number
  quantity: number
  returned_quantity: number
  unit_price_cents: number
}

/**
 * Takes goods back against a sale: each line at most what was sold minus
 * what already came back, stock returns through the ledger, rollups move,
 * and the sale stays (its status and refunded amount change, it is never
 * deleted). The sale row is locked so two returns of one sale serialise.
 */
export async function createReturn(
  saleId: number,
  input: ReturnInput,
  principal: Principal,
  idempotencyKey: IdempotencyKey | null
): Promise<{ returnId: number; replayed: boolean }> {
  const fingerprint = returnFingerprint(saleId, input)
  const replay = (key: IdempotencyKey) => findReturnByKey(key, saleId, fingerprint, principal)
  if (idempotencyKey) {
    const earlier = await replay(idempotencyKey)
    if (earlier) return { returnId: earlier, replayed: true }
  }
  try {
    const returnId = await db.transaction((trx) =>
      recordReturnInTransaction(trx, saleId, input, principal, idempotencyKey, fingerprint)
    )
    return { returnId, replayed: false }
  } catch (error) {
    if (idempotencyKey && (error as { constraint?: string }).constraint === 'returns_idempotency_scope_key_unique') {
      const earlier = await replay(idempotencyKey)
      if (earlier) return { returnId: earlier, replayed: true }
    }
    throw error
  }
}

/**
 * The sale is part of what was asked: the same lines of another sale are another return.
 * Restocking is the default: saying so (true) or not is the same request. Requests without a
 * line of their own choice keep the fingerprint they had before lines could choose.
 */
function returnFingerprint(saleId: number, input: ReturnInput): string {
  const { remis_en_stock: restock, ...asked } = input
  const lineChoice = asked.lignes !== 'all' && asked.lignes.some((line) => line.remis_en_stock !== undefined)
  if (!lineChoice) return requestFingerprint({ sale_id: saleId, ...asked, ...(restock === false ? { remis_en_stock: false } : {}) })
  const lignes = (asked.lignes as ReturnLineInput[]).map(({ ligne_id, quantite, remis_en_stock }) => ({
    ligne_id,
    quantite,
    ...((remis_en_stock ?? restock) === false ? { remis_en_stock: false } : {}),
  }))
  return requestFingerprint({ sale_id: saleId, ...asked, lignes })
}

/**
 * The return an earlier request of this caller with this key made, or null
 * when the key is new to them. A key only replays for the same body (another
 * body, or another sale, is a 409 — checked before the sale's store, so a
 * reused key is a 409 even on another store's sale), and only to someone who
 * may see that sale (else the same 404 as for any sale of another store, and
 * a 409 names no return id it may not read). Returns recorded before
 * fingerprints were kept (NULL) replay for their key alone, as they did.
 */
async function findReturnByKey(
  { scope, key }: IdempotencyKey,
  saleId: number,
  fingerprint: string,
  principal: Principal
): Promise<number | null> {
  const existing = await db
    .from('returns')
    .join('sales', 'sales.id', 'returns.sale_id')
    .where({ 'returns.idempotency_scope': scope, 'returns.idempotency_key': key })
    .select('returns.id', 'returns.sale_id', 'returns.request_fingerprint', 'sales.store_id')
    .first()
  if (!existing) return null
  const visible = canAccessStore(principal, existing.store_id)
  // The id of the earlier return only to someone who may read it.
  const conflict = visible ? { return_id: Number(existing.id) } : {}
  if (Number(existing.sale_id) !== saleId) {
    throw ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for another return', {
      idempotency_key: key,
      ...conflict,
    })
  }
  if (!visible) throw ApiError.notFound('Sale', saleId)
  if (existing.request_fingerprint !== null) {
    assertSameRequest(key, existing.request_fingerprint, fingerprint, 'return', conflict)
  }
  return Number(existing.id)
}

async function recordReturnInTransaction(
  trx: TransactionClientContract,
  saleId: number,
  input: ReturnInput,
  principal: Principal,
  idempotencyKey: IdempotencyKey | null,
  fingerprint: string
): Promise<number> {
  invalidateAfterCommit(trx, [Tags.reports])
  const locked = await trx.rawQuery<{ rows: LockedSale[] }>('SELECT * FROM sales WHERE id = ? FOR UPDATE', [saleId])
  const sale = locked.rows[0]
  if (!sale || !canAccessStore(principal, sale.store_id)) throw ApiError.notFound('Sale', saleId)
  assertWithinWindow(principal, sale)

  const saleLines: SaleLineRow[] = await trx.from('sale_lines').where('sale_id', saleId).orderBy('line_number')
  const requested = resolveLines(input.lignes, saleLines, input.remis_en_stock !== false)
  const subtotalCents = requested.reduce((sum, r) => sum + r.quantity * r.line.unit_price_cents, 0)

  const [charged, previous] = await Promise.all([
    trx.from('sale_taxes').where('sale_id', saleId).select('code', 'rate_ppm', 'amount_cents'),
    trx.from('return_lines').join('returns', 'returns.id', 'return_lines.return_id').where('returns.sale_id', saleId).sum('return_lines.subtotal_cents as total').first(),
  ])
  const taxRefunds = refundTaxes(
    charged.map((t) => ({ code: t.code, ratePpm: t.rate_ppm, amountCents: t.amount_cents })),
    Number(previous?.total ?? 0),
    subtotalCents
  )
  const taxCents = taxRefunds.reduce((sum, t) => sum + t.amountCents, 0)
  const totalCents = subtotalCents + taxCents
  const { parts, cashRoundingCents } = await refundPartsFor(trx, sale, input.mode_remboursement, totalCents, principal)
  const registerId = await returnRegisterOf(trx, sale, input.caisse_id, principal)
  const cashCents = parts.filter((part) => part.method === 'cash').reduce((sum, part) => sum + part.cents, 0)
  const sessionId = await openSessionOf(trx, registerId, cashCents > 0)
  if (sessionId !== null) await assertDrawerCovers(trx, registerId, sessionId, cashCents, countsBlind(principal))

  const [inserted] = await trx
    .insertQuery()
    .table('returns')
    .insert({
      sale_id: saleId,
      user_id: principal.user?.id ?? null,
      register_id: registerId,
      register_session_id: sessionId,
      reason: input.motif,
      refund_method: refundMethodOf(parts, PAYMENT_METHOD_FROM_WIRE[input.mode_remboursement ?? ''] ?? 'cash'),
      subtotal_cents: subtotalCents,
      tax_cents: taxCents,
      total_cents: totalCents,
      cash_rounding_cents: cashRoundingCents,
      idempotency_scope: idempotencyKey?.scope ?? null,
      idempotency_key: idempotencyKey?.key ?? null,
      request_fingerprint: idempotencyKey ? fingerprint : null,
      restocked: requested.every((r) => r.restocked),
    })
    .returning('id')
  const returnId = inserted.id as number
  if (parts.length > 0) {
    await trx
      .insertQuery()
      .table('return_refunds')
      .multiInsert(parts.map((part) => ({ return_id: returnId, method: part.method, amount_cents: part.cents })))
  }

  await trx.rawQuery(
    `WITH r AS (SELECT * FROM unnest(?::bigint[], ?::int[], ?::int[], ?::boolean[]) AS x(sale_line_id, quantity, subtotal, restocked)),
     l AS (
       INSERT INTO return_lines (return_id, sale_line_id, quantity, subtotal_cents, restocked)
       SELECT ?, sale_line_id, quantity, subtotal, restocked FROM r
     )
     UPDATE sale_lines s SET returned_quantity = s.returned_quantity + t.quantity
       FROM (SELECT sale_line_id, sum(quantity) AS quantity FROM r GROUP BY sale_line_id) t WHERE s.id = t.sale_line_id`,
    [
      requested.map((r) => r.line.id),
      requested.map((r) => r.quantity),
      requested.map((r) => r.quantity * r.line.unit_price_cents),
      requested.map((r) => r.restocked),
      returnId,
    ] as never
  )

  const fullyReturned = saleLines.every((line) => {
    const now = requested.filter((r) => r.line.id === line.id).reduce((sum, r) => sum + r.quantity, 0)
    return line.returned_quantity + now === line.quantity
  })
  await trx
    .from('sales')
    .where('id', saleId)
    .update({
      refunded_cents: sale.refunded_cents + totalCents,
      status: fullyReturned ? 'returned' : 'partially_returned',
    })

  const location = await trx.from('stock_locations').where('store_id', sale.store_id).select('id').firstOrFail()
  const back = requested.map((r) => ({ productId: r.line.product_id, delta: r.quantity }))
  const movement = { referenceType: 'return', referenceId: returnId, userId: principal.user?.id ?? null }
  await applyStockChanges(trx, location.id, back, { ...movement, kind: 'return', reason: input.motif })
  const writtenOff = requested.filter((r) => !r.restocked).map((r) => ({ productId: r.line.product_id, delta: -r.quantity }))
  if (writtenOff.length > 0) {
    // Damaged: in the ledger the goods come back, then leave the sellable stock, so a manager
    // reading it sees the write-off and its return, and the level ends where it was.
    await applyStockChanges(trx, location.id, writtenOff, { ...movement, kind: 'adjustment', reason: `Articles abîmés, retirés de la vente (retour n° ${returnId})` })
  }
  await recordReturn(trx, {
    returnId,
    storeId: sale.store_id,
    registerId,
    subtotalCents,
    totalCents,
    refunds: parts.map((part) => ({ method: part.method, cents: part.cents })),
    lines: requested.map((r) => ({
      productId: r.line.product_id,
      quantity: r.quantity,
      subtotalCents: r.quantity * r.line.unit_price_cents,
    })),
  })
  return returnId
}

function assertWithinWindow(principal: Principal, sale: LockedSale) {
  const role = principal.user?.role
  if (role === 'manager' || role === 'admin') return
  if (Date.now() > clerkReturnDeadline(new Date(sale.created_at)).getTime()) {
    throw ApiError.forbidden(
      `A return more than ${CLERK_RETURN_WINDOW_HOURS} h after the sale is a manager’s to make`,
      { window_hours: CLERK_RETURN_WINDOW_HOURS }
    )
  }
}

/**
 * The sale lines asked for, merged per line and per fate (back to stock or not): the same line
 * may come twice, part whole and part damaged, and what it sums to is checked against what is left.
 */
function resolveLines(requested: ReturnInput['lignes'], saleLines: SaleLineRow[], restockByDefault: boolean) {
  const wanted: ReturnLineInput[] =
    requested === 'all'
      ? saleLines
          .filter((l) => l.quantity > l.returned_quantity)
          .map((l) => ({ ligne_id: l.id, quantite: l.quantity - l.returned_quantity }))
      : requested
  if (wanted.length === 0) throw ApiError.conflict('NOTHING_TO_RETURN', 'Every item of this sale has already been returned')

  const merged = new Map<string, { lineId: number; quantity: number; restocked: boolean }>()
  const perLine = new Map<number, number>()
  for (const w of wanted) {
    const restocked = w.remis_en_stock ?? restockByDefault
    const key = `${w.ligne_id}:${restocked}`
    const entry = merged.get(key) ?? merged.set(key, { lineId: w.ligne_id, quantity: 0, restocked }).get(key)!
    entry.quantity += w.quantite
    perLine.set(w.ligne_id, (perLine.get(w.ligne_id) ?? 0) + w.quantite)
  }
  const problems: { field: string; message: string; rule: string }[] = []
  for (const [lineId, quantity] of perLine) {
    const line = saleLines.find((l) => l.id === lineId)
    if (!line) {
      // Named by where it was sent (the first time, when a line is listed twice), as other body errors are.
      const index = wanted.findIndex((w) => w.ligne_id === lineId)
      problems.push({ field: `lignes.${index}.ligne_id`, message: `Line ${lineId} is not a line of this sale`, rule: 'exists' })
      continue
    }
    const remaining = line.quantity - line.returned_quantity
    if (quantity > remaining) {
      throw ApiError.conflict('RETURN_EXCEEDS_SOLD', 'The quantity returned is more than what is left of the quantity sold', {
        line_id: lineId,
        sold: line.quantity,
        already_returned: line.returned_quantity,
        requested: quantity,
      })
    }
  }
  if (problems.length > 0) throw new errors.E_VALIDATION_ERROR(problems)
  return [...merged.values()].map((entry) => ({
    line: saleLines.find((l) => l.id === entry.lineId)!,
    quantity: entry.quantity,
    restocked: entry.restocked,
  }))
}
