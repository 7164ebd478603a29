import type { Infer } from '@vinejs/vine/types'
import { ApiError } from '#core/api_error'
import type { IdempotencyKey } from '#core/idempotency'
import { writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'
import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { warehouseLocation } from '#inventory/services/stock_locations'
import { latestMovementIds, movementsByIds } from '#inventory/queries/stock_queries'
import { movementToWire, type MovementWire } from '#inventory/transformers/stock_transformers'
import { fieldError } from '#core/validation'
import type { receiptBody } from '#inventory/validators/stock_validators'

export interface ReceiptWire {
  fournisseur: string | null
  reference: string | null
  mouvements: MovementWire[]
}

export interface ReceiptOutcome {
  receipt: ReceiptWire
  /** True when an earlier request with the same Idempotency-Key and body is answered again. */
  replayed: boolean
}

const RECEIPTS: IdempotentOperation = { name: 'warehouse_receipt', resource: 'warehouse receipt' }

/**
 * Goods in at the central warehouse (the original had no inbound flow: its
 * central stock could only go down). One `receipt` movement per line; the
 * supplier and their delivery reference go into each movement's reason.
 * With an Idempotency-Key, a re-post (a double click) adds the goods once.
 */
export default class ReceiveWarehouseGoods {
  static async handle(
    principal: Principal,
    input: Infer<typeof receiptBody>,
    idempotencyKey: IdempotencyKey | null = null
  ): Promise<ReceiptOutcome> {
    requireRole(principal, 'manager', 'admin')
    const productIds = input.lignes.map((line) => line.produit_id)
    productIds.forEach((id, index) => {
      // Two lines for one product would merge into one movement; say so instead.
      if (productIds.indexOf(id) !== index) {
        throw fieldError(`lignes.${index}.produit_id`, `Product ${id} appears on two lines`, 'distinct')
      }
    })

    const outcome = await writeIdempotently(RECEIPTS, idempotencyKey, input, async (trx) => {
      const known = await trx.from('products').whereIn('id', productIds).select('id')
      const missing = productIds.findIndex((id) => !known.some((row) => Number(row.id) === id))
      if (missing >= 0) throw ApiError.notFound('Product', productIds[missing], `lignes.${missing}.produit_id`)
      const warehouse = await warehouseLocation(trx)
      await applyStockChanges(
        trx,
        warehouse.id,
        input.lignes.map((line) => ({ productId: line.produit_id, delta: line.quantite })),
        { kind: 'receipt', reason: receiptReason(input.fournisseur, input.reference), userId: principal.user?.id ?? null }
      )
      const ids = await latestMovementIds(trx, warehouse.id, productIds)
      return { stored: { movement_ids: productIds.map((id) => ids.get(id)!) }, fresh: null }
    })

    // Receipts only add stock: no level can cross its reorder point downwards.
    const movements = await movementsByIds(outcome.stored.movement_ids)
    return {
      receipt: {
        fournisseur: input.fournisseur ?? null,
        reference: input.reference ?? null,
        mouvements: movements.map(movementToWire),
      },
      replayed: outcome.replayed,
    }
  }
}

function receiptReason(supplier?: string, reference?: string) {
  return ['Réception fournisseur', supplier, reference ? `réf. ${reference}` : undefined].filter(Boolean).join(' — ')
}
