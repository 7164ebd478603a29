import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import { invalidateSoon, Tags } from '#core/cache'
import { findIdempotentReplay, requestFingerprint, type IdempotencyKey, type IdempotentTable } from '#core/idempotency'
import { wireToCents } from '#core/money'
import { MAX_SALE_CENTS, toCents } from '#core/money_input'
import type { Principal } from '#access/principal'
import { assertStoreAccess } from '#access/policies'
import {
  insufficientStock,
  mergeByProduct,
  toAppliedChanges,
  type AppliedChange,
  type AppliedRow,
  type ShortItem,
} from '#inventory/services/stock_ledger'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import { computeTaxes, totalTax, type TaxAmount } from '#sales/taxes'
import { settleCash, toNickel } from '#sales/cash_rounding'
import { PAYMENT_METHOD_FROM_WIRE } from '#sales/wire_names'
import type { PaymentMethod } from '#sales/models/payment'
import { resolveSaleProducts } from '#sales/queries/sale_products'
import { loadRegisterContext, type RegisterContext } from '#sales/queries/register_context'
import type { SaleDetail } from '#sales/queries/sale_detail'

export interface CreateSaleInput {
  caisse_id: number
  lignes: {
    produit_id?: number
    code?: string
    code_barre?: string
    quantite: number
  }[]
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

const SALES: IdempotentTable = {
  table: 'sales',
  resource: 'sale',
  idDetail: 'sale_id',
}

interface PaymentPlan {
  method: PaymentMethod
  amountCents: number
  reference: string | null
}

/**
 * Tenders must cover the total; only cash may exceed it (the excess is the
 * change handed back), and never by more than the cash tendered. What the
 * other tenders leave is due in cash rounded to the nickel (ADR 0023).
 */
function planPayments(input: CreateSaleInput, totalCents: number) {
  const payments: PaymentPlan[] = input.paiements.map((p, index) => ({
    method: PAYMENT_METHOD_FROM_WIRE[p.mode],
    amountCents: toCents(p.montant, `paiements.${index}.montant`),
    reference: p.reference ?? null,
  }))
  const paidCents = payments.reduce((sum, p) => sum + p.amountCents, 0)
  const cashCents = payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountCents, 0)
  assertStorable(totalCents, paidCents)
  const exactCashDueCents = totalCents - (paidCents - cashCents)
  if (exactCashDueCents < 0) {
    throw ApiError.business('Only cash can be overpaid (change is given in cash)', {
      total_cents: totalCents,
      paid_cents: paidCents,
    })
  }
  const cash = cashCents > 0 ? settleCash(exactCashDueCents, cashCents) : exactCashDueCents === 0 ? NO_CASH : null
  if (!cash) {
    const missingCents = cashCents > 0 ? toNickel(exactCashDueCents) - cashCents : exactCashDueCents
    throw ApiError.business('Payments do not cover the total of the sale', {
      total_cents: totalCents,
      paid_cents: paidCents,
      missing_cents: missingCents,
      // What cash would settle it (to the nickel), when that is something: a card leaves the exact remainder missing.
      ...(toNickel(exactCashDueCents) > 0 ? { cash_due_cents: toNickel(exactCashDueCents) } : {}),
    })
  }
  return { payments, paidCents, changeCents: cash.changeCents, cashRoundingCents: cash.roundingCents }
}

const NO_CASH = { keptCents: 0, changeCents: 0, roundingCents: 0 }

/** A sale whose total, or what was tendered for it, the integer cents columns cannot hold is refused, not half-written. */
function assertStorable(totalCents: number, paidCents: number) {
  if (totalCents <= MAX_SALE_CENTS && paidCents <= MAX_SALE_CENTS) return
  throw ApiError.business('A sale cannot exceed 20000000.00, in total or in what is tendered: split it into several sales', {
    total_cents: totalCents,
    paid_cents: paidCents,
    max_cents: MAX_SALE_CENTS,
  })
}

/**
 * What makes two sale requests the same, for an Idempotency-Key: amounts in cents, so that a
 * retry writing a payment as "10", "10.00" or 10 is the same payment (a client that re-serialises
 * its request on retry must not get a 409).
 */
function saleIdentity(input: CreateSaleInput) {
  return { ...input, paiements: input.paiements.map((payment) => ({ ...payment, montant: wireToCents(payment.montant) })) }
}

/**
 * Records a sale at a register: prices come from the database, taxes from
 * the store's rates, stock is decremented under lock (never below zero),
 * and the sale, its lines, taxes, payments, ledger rows and rollups are
 * written in one transaction (one database statement). With an Idempotency-Key, a retry by the same
 * caller returns the first sale and sells nothing again.
 */
export async function createSale(
  input: CreateSaleInput,
  principal: Principal,
  idempotencyKey: IdempotencyKey | null
): Promise<CreatedSale> {
  const fingerprint = requestFingerprint(saleIdentity(input))
  try {
    const register = await loadRegisterContext(input.caisse_id)
    assertStoreAccess(principal, register.storeId)
    const lines = await resolveSaleProducts(input.lignes)
    const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0)
    const taxes: TaxAmount[] = computeTaxes(subtotalCents, register.taxRates)
    const taxCents = totalTax(taxes)
    const totalCents = subtotalCents + taxCents
    const { payments, paidCents, changeCents, cashRoundingCents } = planPayments(input, totalCents)

    const stock = mergeByProduct(
      lines.map((line) => ({
        productId: line.productId,
        delta: -line.quantity,
      }))
    )
    const recorded = await recordSaleInDatabase(
      {
        register_id: register.registerId,
        register_number: register.registerNumber,
        store_id: register.storeId,
        location_id: register.locationId,
        clerk_id: principal.user?.id ?? null,
        subtotal_cents: subtotalCents,
        tax_cents: taxCents,
        total_cents: totalCents,
        paid_cents: paidCents,
        change_cents: changeCents,
        idempotency_scope: idempotencyKey?.scope ?? null,
        idempotency_key: idempotencyKey?.key ?? null,
        fingerprint,
        business_timezone: BUSINESS_TIMEZONE,
        lines: lines.map((l) => ({
          product_id: l.productId,
          quantity: l.quantity,
          unit_price_cents: l.unitPriceCents,
          line_total_cents: l.lineTotalCents,
        })),
        taxes: taxes.map((t) => ({
          code: t.code,
          label: t.label,
          rate_ppm: t.ratePpm,
          registration_number: t.registrationNumber,
          base_cents: t.baseCents,
          amount_cents: t.amountCents,
        })),
        payments: payments.map((p) => ({
          method: p.method,
          amount_cents: p.amountCents,
          reference: p.reference,
        })),
        stock: stock.map((c) => ({ product_id: c.productId, delta: c.delta })),
        by_product: salesByProduct(lines),
      },
      register
    )
    if (!recorded) throw new IdempotentReplay()
    // One statement, so committed by now: readers may drop what they cached.
    invalidateSoon([Tags.reports, Tags.stockOf(register.locationId)])

    const detail: SaleDetail = {
      id: recorded.id,
      receiptNumber: recorded.receipt_number,
      storeId: register.storeId,
      registerId: register.registerId,
      registerSessionId: recorded.session_id,
      clerkId: principal.user?.id ?? null,
      // Kept by the database for receipts; the sale's own answer does not show it.
      storeHeader: null,
      status: 'completed',
      subtotalCents,
      taxCents,
      totalCents,
      paidCents,
      changeCents,
      cashRoundingCents,
      refundedCents: 0,
      createdAt: new Date(recorded.created_at),
      lines: lines.map((line, index) => ({
        id: recorded.line_ids[index],
        lineNumber: index + 1,
        productId: line.productId,
        code: line.code,
        name: line.name,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents: line.lineTotalCents,
        returnedQuantity: 0,
      })),
      taxes: taxes.map((t) => ({
        code: t.code,
        label: t.label,
        ratePpm: t.ratePpm,
        registrationNumber: t.registrationNumber,
        amountCents: t.amountCents,
      })),
      payments: payments.map((p) => ({
        method: p.method,
        amountCents: p.amountCents,
        reference: p.reference,
      })),
      returns: [],
      refundsByTender: [],
    }
    const crossings = toAppliedChanges(register.locationId, recorded.applied)
    return { saleId: recorded.id, replayed: false, crossings, detail }
  } catch (error) {
    // A retry (or a reused key) is answered from the first sale, even when
    // this attempt failed on its own (stock gone, register closed since).
    if (idempotencyKey) {
      // Sales recorded before amounts were compared in cents kept the fingerprint of the body as sent.
      const existingId = await findIdempotentReplay(SALES, idempotencyKey, [fingerprint, requestFingerprint(input)])
      if (existingId)
        return {
          saleId: existingId,
          replayed: true,
          crossings: [],
          detail: null,
        }
    }
    throw error
  }
}

/** What record_sale() returns: the new rows' ids and the stock it moved, or why it wrote nothing. */
type RecordOutcome =
  | { refused: 'register_closed' }
  | { refused: 'insufficient_stock'; items: ShortItem[] }
  | RecordedSale

interface RecordedSale {
  refused?: undefined
  id: number
  session_id: number
  created_at: string
  receipt_number: string
  line_ids: number[]
  applied: AppliedRow[]
}

/**
 * One statement — so one transaction and one round trip — for every write
 * of the sale (migration 0010, ADR 0011): the register must have an open
 * session and every stock level must cover its line (else nothing is
 * written), and the caller's key must be free (null otherwise: a replay).
 */
async function recordSaleInDatabase(sale: Record<string, unknown>, register: RegisterContext): Promise<RecordedSale | null> {
  const result = await db.rawQuery<{ rows: { outcome: RecordOutcome | null }[] }>('SELECT record_sale(?::jsonb) AS outcome', [
    JSON.stringify(sale),
  ])
  const outcome = result.rows[0].outcome
  if (outcome?.refused === 'register_closed') {
    throw ApiError.conflict('REGISTER_CLOSED', 'The register is not open: open a register session before selling', {
      register_id: register.registerId,
    })
  }
  if (outcome?.refused === 'insufficient_stock') throw await insufficientStock(db.connection(), register.locationId, outcome.items)
  return outcome
}

/** Quantities and revenue per product, for the daily rollups. */
function salesByProduct(lines: { productId: number; quantity: number; lineTotalCents: number }[]) {
  const byProduct = new Map<number, { product_id: number; quantity: number; revenue_cents: number }>()
  for (const line of lines) {
    const entry = byProduct.get(line.productId) ?? {
      product_id: line.productId,
      quantity: 0,
      revenue_cents: 0,
    }
    entry.quantity += line.quantity
    entry.revenue_cents += line.lineTotalCents
    byProduct.set(line.productId, entry)
  }
  return [...byProduct.values()].sort((a, b) => a.product_id - b.product_id)
}
