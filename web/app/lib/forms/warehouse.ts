// The managers' stock forms: goods received at the warehouse, reorder
// points, adjustments, refusing a request, a request created from a
// suggestion, and a pending request's quantity (clerks too). Checked in the browser (when JavaScript runs) and always in
// the action, with the same limits as the API.
import { FormReader, readField, type FormInput, type Parsed } from './core.ts'
import { IDEMPOTENCY_KEY } from './schemas.ts'

/** The API's largest quantity per movement or request (a typo guard). */
export const MAX_MOVEMENT_QUANTITY = 100_000
/** The API's largest counted quantity or reorder point. */
export const MAX_LEVEL = 1_000_000
const MAX_ID = 2_147_483_647

/** Product codes as the catalog writes them (ALI001, E2E-WH-1…); barcodes are digits. */
const PRODUCT_CODE = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,32}$/

function productCode(form: FormReader, name = 'code'): string {
  const code = form.text(name, { max: 32 })
  if (code !== '' && !PRODUCT_CODE.test(code)) form.fail(name, 'warehouse.codeFormat')
  return code
}

export const RECEIPT_FIELDS = ['code', 'quantite', 'fournisseur', 'reference'] as const

export interface GoodsReceiptInput {
  code: string
  quantity: number
  supplier: string | null
  reference: string | null
}

export function parseGoodsReceipt(input: FormInput): Parsed<GoodsReceiptInput> {
  const form = new FormReader(input)
  const code = productCode(form)
  const quantity = form.integer('quantite', { min: 1, max: MAX_MOVEMENT_QUANTITY })
  const supplier = form.text('fournisseur', { required: false, max: 150 })
  const reference = form.text('reference', { required: false, max: 100 })
  return form.result(() => ({ code, quantity: quantity ?? 0, supplier: supplier || null, reference: reference || null }))
}

export function parseReorderPoint(input: FormInput): Parsed<{ productId: number; reorderPoint: number }> {
  const form = new FormReader(input)
  const productId = form.integer('produit_id', { min: 1, max: MAX_ID })
  const reorderPoint = form.integer('seuil_reappro', { min: 0, max: MAX_LEVEL })
  return form.result(() => ({ productId: productId ?? 0, reorderPoint: reorderPoint ?? 0 }))
}

export const ADJUSTMENT_MODES = ['variation', 'comptage'] as const
export type AdjustmentMode = (typeof ADJUSTMENT_MODES)[number]
export const ADJUSTMENT_FIELDS = ['code', 'mode', 'quantite', 'motif'] as const

export interface AdjustmentInput {
  code: string
  /** variation: a signed change (breakage −3, found +2); comptage: the quantity counted on the shelf. */
  mode: AdjustmentMode
  quantity: number
  reason: string
}

export function parseAdjustment(input: FormInput): Parsed<AdjustmentInput> {
  const form = new FormReader(input)
  const code = productCode(form)
  const mode = form.choice('mode', ADJUSTMENT_MODES, 'variation')
  const quantity =
    mode === 'comptage'
      ? form.integer('quantite', { min: 0, max: MAX_LEVEL })
      : form.integer('quantite', { min: -MAX_MOVEMENT_QUANTITY, max: MAX_MOVEMENT_QUANTITY })
  if (mode !== 'comptage' && quantity === 0) form.fail('quantite', 'warehouse.adjustmentZero')
  const reason = form.text('motif', { min: 2, max: 500 })
  return form.result(() => ({ code, mode: mode ?? 'variation', quantity: quantity ?? 0, reason }))
}

export function parseRejection(input: FormInput): Parsed<{ reason: string }> {
  const form = new FormReader(input)
  const reason = form.text('motif', { min: 2, max: 500 })
  return form.result(() => ({ reason }))
}

/** A pending request's new quantity, within what one request may ask (as at creation). */
export function parseQuantityChange(input: FormInput): Parsed<{ requestId: number; quantity: number }> {
  const form = new FormReader(input)
  const requestId = form.integer('demande_id', { min: 1, max: MAX_ID })
  const quantity = form.integer('quantite', { min: 1, max: MAX_MOVEMENT_QUANTITY })
  return form.result(() => ({ requestId: requestId ?? 0, quantity: quantity ?? 0 }))
}

export interface SuggestedRequestInput {
  storeId: number
  productId: number
  quantity: number
  idempotencyKey: string
}

/** "Create the request" on a suggestion: the key comes with the page, so a double submit creates one request. */
export function parseSuggestedRequest(input: FormInput): Parsed<SuggestedRequestInput> {
  const form = new FormReader(input)
  const storeId = form.integer('magasin_id', { min: 1, max: MAX_ID })
  const productId = form.integer('produit_id', { min: 1, max: MAX_ID })
  const quantity = form.integer('quantite', { min: 1, max: MAX_MOVEMENT_QUANTITY })
  const idempotencyKey = readField(input, 'cle')
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) form.fail('cle', 'form.staleForm')
  return form.result(() => ({ storeId: storeId ?? 0, productId: productId ?? 0, quantity: quantity ?? 0, idempotencyKey }))
}
