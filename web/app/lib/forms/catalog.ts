// The product and category forms of the management pages, shared by the
// browser (checked before sending) and the actions. The limits are the API's
// own (api/app/catalog/validators): what passes here, the API accepts.
import { FormReader, type FormInput, type Parsed } from './core.ts'

/** Codes appear in URLs (/products/by-code/{code}): letters, digits, dot, dash, underscore. */
// Not `.` or `..`: in /products/by-code/{code} a URL resolves them away (the API refuses them too).
export const PRODUCT_CODE = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/
export const BARCODE = /^[A-Za-z0-9-]+$/
export const MAX_OPENING_STOCK = 1_000_000
const MAX_ID = 2_147_483_647

/** The fields of the product form, in the order they are shown (the first in error gets the focus). */
export const PRODUCT_FIELDS = ['code', 'nom', 'categorie_id', 'prix', 'code_barre', 'quantite_stock', 'description'] as const

/** The box that confirms a price of 0.00: a free product is a choice, never a slip of the keyboard. */
export const FREE_FIELD = 'prix_nul'

/** The form's fields in the order they are shown, the confirmation under the price. */
export const PRODUCT_FORM_ORDER = ['code', 'nom', 'categorie_id', 'prix', FREE_FIELD, 'code_barre', 'quantite_stock', 'description'] as const

export interface ProductInput {
  /** null on creation: the API assigns the next code of the category (ALI006…). */
  code: string | null
  name: string
  description: string | null
  priceCents: number
  categoryId: number
  barcode: string | null
  /** Opening warehouse stock, on creation only (later changes go through stock movements). */
  openingStock: number | null
}

function pattern(form: FormReader, name: string, value: string, regex: RegExp, key: 'products.codePattern' | 'products.barcodePattern') {
  if (value !== '' && !form.errors[name] && !regex.test(value)) form.fail(name, key)
}

export function parseProduct(input: FormInput, { creating }: { creating: boolean }): Parsed<ProductInput> {
  const form = new FormReader(input)
  const code = form.text('code', { max: 32, required: !creating })
  pattern(form, 'code', code, PRODUCT_CODE, 'products.codePattern')
  const name = form.text('nom', { max: 200 })
  const categoryId = form.integer('categorie_id', { min: 1, max: MAX_ID })
  const priceCents = form.money('prix')
  // The API takes 0.00 (an integration may give things away); typed in the form, it is confirmed first.
  form.checked(FREE_FIELD, priceCents === 0 ? 'products.zeroPriceUnconfirmed' : undefined)
  const barcode = form.text('code_barre', { max: 32, required: false })
  pattern(form, 'code_barre', barcode, BARCODE, 'products.barcodePattern')
  const openingStock = creating ? form.integer('quantite_stock', { min: 0, max: MAX_OPENING_STOCK, required: false }) : null
  const description = form.text('description', { max: 1000, required: false })
  return form.result(() => ({
    code: code || null,
    name,
    description: description || null,
    priceCents: priceCents ?? 0,
    categoryId: categoryId ?? 0,
    barcode: barcode || null,
    openingStock,
  }))
}

export const CATEGORY_FIELDS = ['nom', 'description'] as const

export function parseCategory(input: FormInput): Parsed<{ name: string; description: string | null }> {
  const form = new FormReader(input)
  const name = form.text('nom', { max: 100 })
  const description = form.text('description', { max: 500, required: false })
  return form.result(() => ({ name, description: description || null }))
}

