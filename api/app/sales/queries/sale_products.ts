import db from '@adonisjs/lucid/services/db'
import { errors } from '@vinejs/vine'

export interface PricedLine {
  productId: number
  code: string
  name: string
  quantity: number
  unitPriceCents: number
  lineTotalCents: number
}

interface LineRequest {
  produit_id?: number
  code?: string
  code_barre?: string
  quantite: number
}

/**
 * Resolves each requested line (by id, code or barcode) to an active
 * product with its current price — the client never sets a price.
 */
export async function resolveSaleProducts(requests: LineRequest[]): Promise<PricedLine[]> {
  const problems: { field: string; message: string; rule: string }[] = []
  requests.forEach((line, index) => {
    const given = [line.produit_id, line.code, line.code_barre].filter((v) => v !== undefined).length
    if (given !== 1) {
      problems.push({
        field: `lignes.${index}`,
        message: 'Give exactly one of produit_id, code or code_barre',
        rule: 'productReference',
      })
    }
  })
  if (problems.length > 0) throw new errors.E_VALIDATION_ERROR(problems)

  const ids = requests.flatMap((l) => (l.produit_id !== undefined ? [l.produit_id] : []))
  const codes = requests.flatMap((l) => (l.code !== undefined ? [l.code] : []))
  const barcodes = requests.flatMap((l) => (l.code_barre !== undefined ? [l.code_barre] : []))
  // Codes and barcodes name one product in any case (migration 0026's lower() indexes), and the
  // register's scan reads them in any case: `ali001` sells ALI001.
  const rows = await db
    .from('products')
    .where((q) => {
      q.whereIn('id', ids)
        .orWhereRaw('lower(code) = ANY(SELECT lower(c) FROM unnest(?::text[]) c)', [codes])
        .orWhereRaw('lower(barcode) = ANY(SELECT lower(c) FROM unnest(?::text[]) c)', [barcodes])
    })
    .select('id', 'code', 'barcode', 'name', 'price_cents', 'is_active')

  const lines: PricedLine[] = []
  requests.forEach((line, index) => {
    const product = rows.find((p) =>
      line.produit_id !== undefined
        ? p.id === line.produit_id
        : line.code !== undefined
          ? sameInAnyCase(p.code, line.code)
          : sameInAnyCase(p.barcode, line.code_barre)
    )
    if (!product || !product.is_active) {
      const reference = line.produit_id ?? line.code ?? line.code_barre
      const given = line.produit_id !== undefined ? 'produit_id' : line.code !== undefined ? 'code' : 'code_barre'
      problems.push({
        field: `lignes.${index}.${given}`,
        message: product ? `Product ${product.name} is not for sale (inactive)` : `Product ${reference} does not exist`,
        rule: 'exists',
      })
      return
    }
    lines.push({
      productId: product.id,
      code: product.code,
      name: product.name,
      quantity: line.quantite,
      unitPriceCents: product.price_cents,
      lineTotalCents: product.price_cents * line.quantite,
    })
  })
  if (problems.length > 0) throw new errors.E_VALIDATION_ERROR(problems)
  return lines
}

function sameInAnyCase(stored: string | null, given: string | undefined) {
  return stored !== null && given !== undefined && stored.toLowerCase() === given.toLowerCase()
}
