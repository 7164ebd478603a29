import { ratePercent } from '#core/money_input'
import Store from '#stores/models/store'
import StoreTaxRate from '#stores/models/store_tax_rate'
import { storeToWire, type StoreWire } from '#stores/transformers/store_transformer'

export interface StoreTaxWire {
  code: string
  libelle: string
  /** Percent with three decimals, as on receipts: "9.975". */
  taux: string
  numero_enregistrement: string | null
}

export interface StoreDetailWire extends StoreWire {
  taxes: StoreTaxWire[]
}

/**
 * One store with the sales taxes it collects (rates and registration
 * numbers), so clients can preview a total with the store's own rates.
 */
export async function storeDetail(id: number): Promise<StoreDetailWire | null> {
  const store = await Store.find(id)
  if (!store) return null
  const rates = await StoreTaxRate.query().where('store_id', id).orderBy('position').orderBy('code')
  return {
    ...storeToWire(store),
    taxes: rates.map((rate) => ({
      code: rate.code,
      libelle: rate.label,
      taux: ratePercent(rate.ratePpm),
      numero_enregistrement: rate.registrationNumber,
    })),
  }
}
