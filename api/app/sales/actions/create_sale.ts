import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { invalidateAfterCommit, Tags } from '#core/cache'
import { toCents } from '#core/money_input'
import type { Principal } from '#access/principal'
import { assertStoreAccess } from '#access/policies'
import { applyStockChanges, type AppliedChange } from '#inventory/services/stock_ledger'
import { recordSale } from '#reporting/services/rollups'
import { computeTaxes, totalTax, type TaxAmount } from '#sales/taxes'
import { PAYMENT_METHOD_FROM_WIRE } from '#sales/wire_names'
import type { PaymentMethod } from '#sales/models/payment'
import { resolveSaleProducts } from '#sales/queries/sale_products'
import { loadRegisterContext } from '#sales/queries/register_context'
import type { SaleDetail } from '#sales/queries/sale_detail'

export interface CreateSaleInput {
  caisse_id: number
  lignes: { produit_id?: number; code?: string; code_barre?: string; quantite: number }[]
  paiements: { mode: string; montant: number | string; reference?: string }[]
}

export interface CreatedSale {
  saleId: number
  replayed: boolean
  /** Stock changes, for reorder-point alerts once committed. */
  crossings: AppliedChange[]
  /** The new sale as written (absent on a replay: load it). */
  detail: SaleDetail | null
}

/** Raised inside the transaction when another request already used the key. */
class IdempotentReplay extends Error {}

function fingerprintOf(input: CreateSaleInput) {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex')
}

async function findByIdempotencyKey(key: string, fingerprint: string): Promise<number | null> {
  const existing = await db.from('sales').where('idempotency_key', key).select('id', 'request_fingerprint').first()
  if (!existing) return null
  if (existing.request_fingerprint !== fingerprint) {
    throw ApiError.conflict(
      'IDEMPOTENCY_CONFLICT',
      'This Idempotency-Key was already used for a different sale',
      { idempotency_key: key, sale_id: existing.id }
    )
  }
  return existing.id
}

interface PaymentPlan {
  method: PaymentMethod
  amountCents: number
  reference: string | null
}

/**
 * Tenders must cover the total; only cash may exceed it (the excess is the
 * change handed back), and never by more than the cash tendered.
 */
function planPayments(input: CreateSaleInput, totalCents: number) {
  const payments: PaymentPlan[] = input.paiements.map((p, index) => ({
    method: PAYMENT_METHOD_FROM_WIRE[p.mode],
    amountCents: toCents(p.montant, `paiements.${index}.montant`),
    reference: p.reference ?? null,
  }))
  const zero = payments.findIndex((p) => p.amountCents === 0)
  if (zero >= 0) {
    throw new errors.E_VALIDATION_ERROR([
      { field: `paiements.${zero}.montant`, message: 'A payment must be greater than zero', rule: 'min' },
    ])
  }
  const paidCents = payments.reduce((sum, p) => sum + p.amountCents, 0)
  const cashCents = payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountCents, 0)
  if (paidCents < totalCents) {
    throw ApiError.business('Payments do not cover the total of the sale', {
      total_cents: totalCents,
      paid_cents: paidCents,
      missing_cents: totalCents - paidCents,
    })
  }
  const changeCents = paidCents - totalCents
  if (changeCents > cashCents) {
    throw ApiError.business('Only cash can be overpaid (change is given in cash)', {
      total_cents: totalCents,
      paid_cents: paidCents,
    })
  }
  return { payments, paidCents, changeCents }
}

/**
 * Records a sale at a register: prices come from the database, taxes from
 * the store's rates, stock is decremented under lock (never below zero),
 * and the sale, its lines, taxes, payments, ledger rows and rollups are
 * written in one transaction. With an Idempotency-Key, a retry returns the
 * first sale and sells nothing again.
 */
export async function createSale(
  input: CreateSaleInput,
  principal: Principal,
  idempotencyKey: string | null
): Promise<CreatedSale> {
  const fingerprint = fingerprintOf(input)
  try {
    const register = await loadRegisterContext(input.caisse_id)
    assertStoreAccess(principal, register.storeId)
    const lines = await resolveSaleProducts(input.lignes)
    const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0)
    const taxes: TaxAmount[] = computeTaxes(subtotalCents, register.taxRates)
    const taxCents = totalTax(taxes)
    const totalCents = subtotalCents + taxCents
    const { payments, paidCents, changeCents } = planPayments(input, totalCents)

    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.reports])
      const inserted = await trx.rawQuery<{
        rows: { id: number; session_id: number; created_at: Date; receipt_number: string }[]
      }>(
        `WITH session AS (
           SELECT id FROM register_sessions WHERE register_id = ? AND closed_at IS NULL FOR SHARE
         ), next AS (SELECT nextval(pg_get_serial_sequence('sales', 'id')) AS id)
         INSERT INTO sales (id, receipt_number, store_id, register_id, register_session_id, clerk_id, status,
                            subtotal_cents, tax_cents, total_cents, paid_cents, change_cents,
                            idempotency_key, request_fingerprint)
         SELECT next.id, 'S' || ? || '-R' || ? || '-' || lpad(next.id::text, 8, '0'), ?, ?, session.id, ?, 'completed',
                ?, ?, ?, ?, ?, ?, ?
           FROM next, session
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, register_session_id AS session_id, created_at, receipt_number`,
        [
          register.registerId,
          register.storeId,
          register.registerNumber,
          register.storeId,
          register.registerId,
          principal.user?.id ?? null,
          subtotalCents,
          taxCents,
          totalCents,
          paidCents,
          changeCents,
          idempotencyKey,
          fingerprint,
        ] as never
      )
      if (inserted.rows.length === 0) {
        // Either the register is closed or another request holds this key.
        await assertSessionOpen(trx, register.registerId)
        throw new IdempotentReplay()
      }
      const { id: saleId, session_id: sessionId, created_at: createdAt, receipt_number: receiptNumber } = inserted.rows[0]

      const lineIds = await insertDetails(trx, saleId, lines, taxes, payments)
      const applied = await applyStockChanges(
        trx,
        register.locationId,
        lines.map((line) => ({ productId: line.productId, delta: -line.quantity })),
        { kind: 'sale', referenceType: 'sale', referenceId: saleId, userId: principal.user?.id ?? null }
      )
      await recordSale(trx, {
        saleId,
        storeId: register.storeId,
        registerId: register.registerId,
        subtotalCents,
        taxCents,
        totalCents,
        lines,
      })
      const detail: SaleDetail = {
        id: saleId,
        receiptNumber,
        storeId: register.storeId,
        registerId: register.registerId,
        registerSessionId: sessionId,
        clerkId: principal.user?.id ?? null,
        status: 'completed',
        subtotalCents,
        taxCents,
        totalCents,
        paidCents,
        changeCents,
        refundedCents: 0,
        createdAt,
        lines: lines.map((line, index) => ({
          id: lineIds[index],
          lineNumber: index + 1,
          productId: line.productId,
          code: line.code,
          name: line.name,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
          lineTotalCents: line.lineTotalCents,
          returnedQuantity: 0,
        })),
        taxes: taxes.map((t) => ({ code: t.code, label: t.label, ratePpm: t.ratePpm, registrationNumber: t.registrationNumber, amountCents: t.amountCents })),
        payments: payments.map((p) => ({ method: p.method, amountCents: p.amountCents, reference: p.reference })),
        returns: [],
      }
      return { saleId, replayed: false, crossings: applied, detail }
    })
  } catch (error) {
    // A retry (or a reused key) is answered from the first sale, even when
    // this attempt failed on its own (stock gone, register closed since).
    if (idempotencyKey) {
      const existingId = await findByIdempotencyKey(idempotencyKey, fingerprint)
      if (existingId) return { saleId: existingId, replayed: true, crossings: [], detail: null }
    }
    throw error
  }
}

/**
 * Sales need an open drawer session (the insert takes it FOR SHARE, so it
 * stays open until the sale commits); explains an insert that wrote nothing.
 */
async function assertSessionOpen(trx: TransactionClientContract, registerId: number) {
  const session = await trx.rawQuery<{ rows: { id: number }[] }>(
    'SELECT id FROM register_sessions WHERE register_id = ? AND closed_at IS NULL',
    [registerId]
  )
  if (session.rows.length === 0) {
    throw ApiError.conflict('REGISTER_CLOSED', "La caisse n'est pas ouverte : ouvrez une session de caisse avant de vendre", {
      register_id: registerId,
    })
  }
}

async function insertDetails(
  trx: TransactionClientContract,
  saleId: number,
  lines: { productId: number; quantity: number; unitPriceCents: number; lineTotalCents: number }[],
  taxes: TaxAmount[],
  payments: PaymentPlan[]
): Promise<number[]> {
  const result = await trx.rawQuery<{ rows: { id: number; line_number: number }[] }>(
    `WITH l AS (
       INSERT INTO sale_lines (sale_id, line_number, product_id, quantity, unit_price_cents, line_total_cents)
       SELECT ?, n, product_id, quantity, unit_price, line_total
         FROM unnest(?::int[], ?::int[], ?::int[], ?::int[]) WITH ORDINALITY AS x(product_id, quantity, unit_price, line_total, n)
       RETURNING id, line_number
     ), t AS (
       INSERT INTO sale_taxes (sale_id, code, label, rate_ppm, registration_number, base_cents, amount_cents)
       SELECT ?, code, label, rate_ppm, registration_number, base_cents, amount_cents
         FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::int[], ?::int[])
           AS x(code, label, rate_ppm, registration_number, base_cents, amount_cents)
     ), p AS (
       INSERT INTO payments (sale_id, method, amount_cents, reference)
       SELECT ?, method, amount_cents, reference
         FROM unnest(?::text[], ?::int[], ?::text[]) AS x(method, amount_cents, reference)
     )
     SELECT id, line_number FROM l ORDER BY line_number`,
    [
      saleId,
      lines.map((l) => l.productId),
      lines.map((l) => l.quantity),
      lines.map((l) => l.unitPriceCents),
      lines.map((l) => l.lineTotalCents),
      saleId,
      taxes.map((t) => t.code),
      taxes.map((t) => t.label),
      taxes.map((t) => t.ratePpm),
      taxes.map((t) => t.registrationNumber),
      taxes.map((t) => t.baseCents),
      taxes.map((t) => t.amountCents),
      saleId,
      payments.map((p) => p.method),
      payments.map((p) => p.amountCents),
      payments.map((p) => p.reference),
    ] as never
  )
  return result.rows.map((row) => row.id)
}
