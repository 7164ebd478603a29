// Tax names in the reader's language. The API names taxes by their French
// codes (TPS, TVQ) and labels them in French ("TPS (5 %)"); English readers
// know them as GST and QST. A tax the dictionaries do not name (a store
// elsewhere in Canada) keeps what the API says.
import { formatRatePpm } from '../format.ts'
import type { MessageKey, Translate } from '../i18n/index.ts'

const TAX_NAMES: ReadonlyMap<string, MessageKey> = new Map([
  ['TPS', 'tax.TPS'],
  ['TVQ', 'tax.TVQ'],
])

/** "TPS" → "GST" in English (the X/Z report's lines); an unknown code as sent. */
export function taxName(t: Translate, code: string): string {
  const key = TAX_NAMES.get(code)
  return key ? t(key) : code
}

/** The cart's line: "TPS (5 %)" or "GST (5 %)"; an unknown tax keeps the store's own label. */
export function taxLabel(t: Translate, tax: { code: string; label: string; ratePpm: number }): string {
  const key = TAX_NAMES.get(tax.code)
  return key ? t('tax.withRate', { name: t(key), rate: formatRatePpm(tax.ratePpm) }) : tax.label
}
