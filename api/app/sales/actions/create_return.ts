import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { invalidateAfterCommit, Tags } from '#core/cache'
import type { Principal } from '#access/principal'
import { canAccessStore } from '#access/policies'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { recordReturn } from '#reporting/services/rollups'
import { refundTaxes } from '#sales/taxes'
import type { PaymentMethod } from '#sales/models/payment'
import { PAYMENT_METHOD_FROM_WIRE } from '#sales/wire_names'

/** How long after a sale a clerk (or an integration) may take it back; managers always can. */
export const CLERK_RETURN_WINDOW_HOURS = Number(process.env.RETURN_WINDOW_HOURS ?? 24)

export interface ReturnInput {
  lignes: { ligne_id: number; quantite: number }[] | 'all'
  motif: string
  mode_remboursement?: string
}

interface LockedSale {
  id: number
  store_id: number
  register_id: number
  status: string
  subtotal_cents: number
  total_cents: number
  refunded_cents: number
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
  idempotencyKey: string | null
): Promise<{ returnId: number; replayed: boolean }> {
  if (idempotencyKey) {
    const replay = await findReturnByKey(idempotencyKey, saleId)
    if (replay) return { returnId: replay, replayed: true }
  }
  try {
    const returnId = await db.transaction((trx) => recordReturnInTransaction(trx, saleId, input, principal, idempotencyKey))
    return { returnId, replayed: false }
  } catch (error) {
    if (idempotencyKey && (error as { constraint?: string }).constraint === 'returns_idempotency_key_unique') {
      const replay = await findReturnByKey(idempotencyKey, saleId)
      if (replay) return { returnId: replay, replayed: true }
    }
    throw error
  }
}

async function findReturnByKey(key: string, saleId: number): Promise<number | null> {
  const existing = await db.from('returns').where('idempotency_key', key).select('id', 'sale_id').first()
  if (!existing) return null
  if (existing.sale_id !== saleId) {
    throw ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for another return', {
      idempotency_key: key,
    })
  }
  return existing.id
}

async function recordReturnInTransaction(
  trx: TransactionClientContract,
  saleId: number,
  input: ReturnInput,
  principal: Principal,
  idempotencyKey: string | null
): Promise<number> {
  invalidateAfterCommit(trx, [Tags.reports])
  const locked = await trx.rawQuery<{ rows: LockedSale[] }>('SELECT * FROM sales WHERE id = ? FOR UPDATE', [saleId])
  const sale = locked.rows[0]
  if (!sale || !canAccessStore(principal, sale.store_id)) throw ApiError.notFound('Sale', saleId)
  assertWithinWindow(principal, sale)

  const saleLines: SaleLineRow[] = await trx.from('sale_lines').where('sale_id', saleId).orderBy('line_number')
  const requested = resolveLines(input.lignes, saleLines)
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
  const refundMethod = await resolveRefundMethod(trx, saleId, input.mode_remboursement)
  const sessionId = await openSessionOf(trx, sale.register_id, refundMethod === 'cash')

  const [inserted] = await trx
    .insertQuery()
    .table('returns')
    .insert({
      sale_id: saleId,
      user_id: principal.user?.id ?? null,
      register_session_id: sessionId,
      reason: input.motif,
      refund_method: refundMethod,
      subtotal_cents: subtotalCents,
      tax_cents: taxCents,
      total_cents: totalCents,
      idempotency_key: idempotencyKey,
    })
    .returning('id')
  const returnId = inserted.id as number

  await trx.rawQuery(
    `WITH r AS (SELECT * FROM unnest(?::bigint[], ?::int[], ?::int[]) AS x(sale_line_id, quantity, subtotal)),
     l AS (
       INSERT INTO return_lines (return_id, sale_line_id, quantity, subtotal_cents)
       SELECT ?, sale_line_id, quantity, subtotal FROM r
     )
     UPDATE sale_lines s SET returned_quantity = s.returned_quantity + r.quantity
       FROM r WHERE s.id = r.sale_line_id`,
    [
      requested.map((r) => r.line.id),
      requested.map((r) => r.quantity),
      requested.map((r) => r.quantity * r.line.unit_price_cents),
      returnId,
    ] as never
  )

  const fullyReturned = saleLines.every((line) => {
    const now = requested.find((r) => r.line.id === line.id)?.quantity ?? 0
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
  await applyStockChanges(
    trx,
    location.id,
    requested.map((r) => ({ productId: r.line.product_id, delta: r.quantity })),
    { kind: 'return', referenceType: 'return', referenceId: returnId, userId: principal.user?.id ?? null, reason: input.motif }
  )
  await recordReturn(trx, {
    returnId,
    storeId: sale.store_id,
    registerId: sale.register_id,
    subtotalCents,
    totalCents,
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
  const ageHours = (Date.now() - new Date(sale.created_at).getTime()) / 3_600_000
  if (ageHours > CLERK_RETURN_WINDOW_HOURS) {
    throw ApiError.forbidden(
      `Un retour plus de ${CLERK_RETURN_WINDOW_HOURS} h après la vente doit être fait par un gérant`,
      { window_hours: CLERK_RETURN_WINDOW_HOURS }
    )
  }
}

function resolveLines(requested: ReturnInput['lignes'], saleLines: SaleLineRow[]) {
  const wanted =
    requested === 'all'
      ? saleLines
          .filter((l) => l.quantity > l.returned_quantity)
          .map((l) => ({ ligne_id: l.id, quantite: l.quantity - l.returned_quantity }))
      : requested
  if (wanted.length === 0) throw ApiError.conflict('NOTHING_TO_RETURN', 'Tous les articles de cette vente ont déjà été retournés')

  const merged = new Map<number, number>()
  for (const w of wanted) merged.set(w.ligne_id, (merged.get(w.ligne_id) ?? 0) + w.quantite)
  const problems: { field: string; message: string; rule: string }[] = []
  const lines: { line: SaleLineRow; quantity: number }[] = []
  for (const [lineId, quantity] of merged) {
    const line = saleLines.find((l) => l.id === lineId)
    if (!line) {
      problems.push({ field: 'lignes', message: `Line ${lineId} is not a line of this sale`, rule: 'exists' })
      continue
    }
    const remaining = line.quantity - line.returned_quantity
    if (quantity > remaining) {
      throw ApiError.conflict('RETURN_EXCEEDS_SOLD', 'Quantité retournée supérieure à la quantité vendue restante', {
        line_id: lineId,
        sold: line.quantity,
        already_returned: line.returned_quantity,
        requested: quantity,
      })
    }
    lines.push({ line, quantity })
  }
  if (problems.length > 0) throw new errors.E_VALIDATION_ERROR(problems)
  return lines
}

/** "original" refunds in cash when the customer paid any cash, else in the first tender's method. */
async function resolveRefundMethod(
  trx: TransactionClientContract,
  saleId: number,
  wire: string | undefined
): Promise<PaymentMethod> {
  if (wire && wire !== 'original') return PAYMENT_METHOD_FROM_WIRE[wire]
  const payments = await trx.from('payments').where('sale_id', saleId).orderBy('id').select('method')
  return payments.some((p) => p.method === 'cash') ? 'cash' : (payments[0]?.method ?? 'cash')
}

/** Cash comes out of a drawer, so a cash refund needs the register's session to be open. */
async function openSessionOf(trx: TransactionClientContract, registerId: number, required: boolean) {
  const open = await trx.from('register_sessions').where('register_id', registerId).whereNull('closed_at').select('id').first()
  if (!open && required) {
    throw ApiError.conflict('REGISTER_CLOSED', "Un remboursement en espèces demande une session de caisse ouverte", {
      register_id: registerId,
    })
  }
  return (open?.id as number | undefined) ?? null
}
