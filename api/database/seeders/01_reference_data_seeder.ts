import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { randomInt, seededRandom } from '#core/util/seeded_random'
import {
  CATEGORIES,
  PRODUCTS,
  REGISTERS_PER_STORE,
  STORES,
  STORE_STOCK_RANGE,
  TAXES,
  WAREHOUSE_NAME,
  WAREHOUSE_STOCK_RANGE,
} from '#database/data/reference_data'

/**
 * Stores, registers, taxes, catalog, stock locations and opening stock.
 * Idempotent: rows are matched on their natural keys and existing stock is
 * never touched, so re-running it on a live database changes nothing.
 */
export default class ReferenceDataSeeder extends BaseSeeder {
  async run() {
    await db.transaction(async (trx) => {
      const storeIds = await this.seedStores(trx)
      const productIds = await this.seedCatalog(trx)
      const warehouseId = await this.seedLocations(trx, storeIds)
      await this.seedOpeningStock(trx, storeIds, warehouseId, productIds)
    })
  }

  private async seedStores(trx: TransactionClientContract) {
    const storeIds: number[] = []
    for (const [index, store] of STORES.entries()) {
      const [row] = await trx
        .insertQuery()
        .table('stores')
        .insert({ name: store.name, address: store.address, phone: store.phone, email: store.email })
        .onConflict('name')
        .merge(['name'])
        .returning('id')
      const storeId = Number(row.id)
      storeIds.push(storeId)

      for (let number = 1; number <= REGISTERS_PER_STORE; number++) {
        await trx
          .insertQuery()
          .table('registers')
          .insert({ store_id: storeId, number, name: `Caisse ${number}` })
          .onConflict(['store_id', 'number'])
          .ignore()
      }

      const random = seededRandom(9000 + index)
      for (const tax of TAXES) {
        // Development registration numbers, in the format printed on Quebec receipts.
        const digits = String(randomInt(random, 100_000_000, 999_999_999))
        const registrationNumber = tax.code === 'TPS' ? `${digits} RT0001` : `${digits}0 TQ0001`
        await trx
          .insertQuery()
          .table('store_tax_rates')
          .insert({
            store_id: storeId,
            code: tax.code,
            label: tax.label,
            rate_ppm: tax.ratePpm,
            registration_number: registrationNumber,
            position: tax.position,
          })
          .onConflict(['store_id', 'code'])
          .ignore()
      }
    }
    return storeIds
  }

  private async seedCatalog(trx: TransactionClientContract) {
    const categoryIds = new Map<string, number>()
    for (const category of CATEGORIES) {
      const [row] = await trx
        .insertQuery()
        .table('categories')
        .insert(category)
        .onConflict('name')
        .merge(['name'])
        .returning('id')
      categoryIds.set(category.name, Number(row.id))
    }
    const productIds: number[] = []
    for (const product of PRODUCTS) {
      const [row] = await trx
        .insertQuery()
        .table('products')
        .insert({
          code: product.code,
          name: product.name,
          description: product.description,
          price_cents: product.priceCents,
          category_id: categoryIds.get(product.category),
        })
        .onConflict('code')
        .merge(['code'])
        .returning('id')
      productIds.push(Number(row.id))
    }
    return productIds
  }

  private async seedLocations(trx: TransactionClientContract, storeIds: number[]) {
    for (const [index, storeId] of storeIds.entries()) {
      await trx
        .insertQuery()
        .table('stock_locations')
        .insert({ kind: 'store', store_id: storeId, name: STORES[index].name })
        .onConflict('store_id')
        .ignore()
    }
    const existing = await trx.from('stock_locations').where('kind', 'warehouse').first()
    if (existing) return Number(existing.id)
    const [row] = await trx
      .insertQuery()
      .table('stock_locations')
      .insert({ kind: 'warehouse', name: WAREHOUSE_NAME })
      .returning('id')
    return Number(row.id)
  }

  private async seedOpeningStock(
    trx: TransactionClientContract,
    storeIds: number[],
    warehouseId: number,
    productIds: number[]
  ) {
    const storeLocations = await trx.from('stock_locations').whereIn('store_id', storeIds).select('id', 'store_id')
    const locationOfStore = new Map(storeLocations.map((l) => [Number(l.store_id), Number(l.id)]))

    const plans: { locationId: number; kind: 'adjustment' | 'receipt'; range: typeof STORE_STOCK_RANGE | typeof WAREHOUSE_STOCK_RANGE; seed: number }[] = [
      ...storeIds.map((storeId, index) => ({
        locationId: locationOfStore.get(storeId)!,
        kind: 'adjustment' as const,
        range: STORE_STOCK_RANGE,
        seed: 1000 + index,
      })),
      { locationId: warehouseId, kind: 'receipt' as const, range: WAREHOUSE_STOCK_RANGE, seed: 5000 },
    ]

    for (const plan of plans) {
      const random = seededRandom(plan.seed)
      for (const productId of productIds) {
        const quantity = randomInt(random, plan.range.quantity[0], plan.range.quantity[1])
        const reorderPoint = randomInt(random, plan.range.reorderPoint[0], plan.range.reorderPoint[1])
        const inserted = await trx
          .insertQuery()
          .table('stock_levels')
          .insert({ location_id: plan.locationId, product_id: productId, quantity, reorder_point: reorderPoint })
          .onConflict(['location_id', 'product_id'])
          .ignore()
          .returning('id')
        if (inserted.length === 0) continue
        await trx.insertQuery().table('stock_movements').insert({
          location_id: plan.locationId,
          product_id: productId,
          quantity_delta: quantity,
          balance_after: quantity,
          kind: plan.kind,
          reason: 'Stock initial',
        })
      }
    }
  }
}
