import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Store from '#stores/models/store'
import { TAXES } from '#database/data/reference_data'
import { openLevelsForLocation } from '#inventory/services/stock_levels'
import { assertStoreNameFree, translateStoreWriteError } from '#stores/services/store_integrity'
import type { StoreChanges } from '#stores/validators/store_validators'
import { ApiError } from '#core/api_error'
import { invalidateAfterCommit, Tags } from '#core/cache'
import type { IdempotencyKey } from '#core/idempotency'
import { madeOrCurrent, writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'

const CREATIONS: IdempotentOperation = { name: 'store_creation', resource: 'store' }

/**
 * Creates a store ready to be stocked and to sell: its stock location, a
 * zero stock level for every product, and the sales taxes every store
 * collects. Registers are added explicitly (POST /stores/{id}/registers).
 * A retry with the same Idempotency-Key answers with the store it created.
 */
export async function createStore(
  input: Required<StoreChanges>,
  idempotencyKey: IdempotencyKey | null = null
): Promise<{ model: Store; replayed: boolean }> {
  let outcome
  try {
    outcome = await writeIdempotently(CREATIONS, idempotencyKey, input, async (trx) => {
      invalidateAfterCommit(trx, [Tags.stores])
      await assertStoreNameFree(trx, input.name)
      const store = await Store.create(input, { client: trx })
      const [location] = await trx
        .insertQuery()
        .table('stock_locations')
        .insert({ kind: 'store', store_id: store.id, name: store.name })
        .returning('id')
      await openLevelsForLocation(trx, Number(location.id))
      await copyTaxRates(trx, store.id)
      return { stored: { store_id: store.id }, fresh: store }
    })
  } catch (error) {
    throw translateStoreWriteError(error, input.name)
  }
  const { made, replayed } = await madeOrCurrent(outcome, (s) => Store.find(s.store_id), (s) => ApiError.notFound('Store', s.store_id))
  return { model: made, replayed }
}

/*
 * Rates are data: the new store collects what the first store collects
 * (rates change by UPDATE, so copying keeps them current), or the reference
 * TPS/TVQ on an empty database. Registration numbers are per store: left
 * null for the manager to fill in.
 */
async function copyTaxRates(trx: TransactionClientContract, storeId: number) {
  const template = await trx
    .from('store_tax_rates')
    .where('store_id', trx.from('store_tax_rates').whereNot('store_id', storeId).min('store_id'))
    .select('code', 'label', 'rate_ppm', 'position')
    .orderBy('position')
  const rates =
    template.length > 0
      ? template.map((t) => ({ code: t.code, label: t.label, rate_ppm: t.rate_ppm, position: t.position }))
      : TAXES.map((t) => ({ code: t.code, label: t.label, rate_ppm: t.ratePpm, position: t.position }))
  await trx
    .insertQuery()
    .table('store_tax_rates')
    .multiInsert(rates.map((rate) => ({ ...rate, store_id: storeId, registration_number: null })))
}
