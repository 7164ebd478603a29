/*
 * Daily rollups built alongside the rows they summarise, with the same
 * definitions as the live sale and return actions: a sale counts on the
 * business day of its created_at, a return on the business day of its own
 * created_at, against the store and register of the original sale.
 */

export interface SalesRollup {
  day: string
  storeId: number
  productId: number
  quantitySold: number
  revenueCents: number
  saleCount: number
  quantityReturned: number
  refundedCents: number
}

export interface RegisterRollup {
  day: string
  registerId: number
  storeId: number
  salesCount: number
  subtotalCents: number
  taxCents: number
  totalCents: number
  returnsCount: number
  refundedSubtotalCents: number
  refundedTotalCents: number
}

export class RollupAccumulator {
  private readonly sales = new Map<string, SalesRollup>()
  private readonly registers = new Map<string, RegisterRollup>()

  private salesRow(day: string, storeId: number, productId: number): SalesRollup {
    const key = `${day}|${storeId}|${productId}`
    let row = this.sales.get(key)
    if (!row) {
      row = { day, storeId, productId, quantitySold: 0, revenueCents: 0, saleCount: 0, quantityReturned: 0, refundedCents: 0 }
      this.sales.set(key, row)
    }
    return row
  }

  private registerRow(day: string, registerId: number, storeId: number): RegisterRollup {
    const key = `${day}|${registerId}`
    let row = this.registers.get(key)
    if (!row) {
      row = {
        day,
        registerId,
        storeId,
        salesCount: 0,
        subtotalCents: 0,
        taxCents: 0,
        totalCents: 0,
        returnsCount: 0,
        refundedSubtotalCents: 0,
        refundedTotalCents: 0,
      }
      this.registers.set(key, row)
    }
    return row
  }

  /** One sale line; a sale never holds the same product twice, so each line is one sale of it. */
  addSaleLine(day: string, storeId: number, productId: number, quantity: number, lineTotalCents: number) {
    const row = this.salesRow(day, storeId, productId)
    row.quantitySold += quantity
    row.revenueCents += lineTotalCents
    row.saleCount += 1
  }

  addSale(day: string, registerId: number, storeId: number, subtotalCents: number, taxCents: number) {
    const row = this.registerRow(day, registerId, storeId)
    row.salesCount += 1
    row.subtotalCents += subtotalCents
    row.taxCents += taxCents
    row.totalCents += subtotalCents + taxCents
  }

  addReturnLine(day: string, storeId: number, productId: number, quantity: number, subtotalCents: number) {
    const row = this.salesRow(day, storeId, productId)
    row.quantityReturned += quantity
    row.refundedCents += subtotalCents
  }

  addReturn(day: string, registerId: number, storeId: number, subtotalCents: number, totalCents: number) {
    const row = this.registerRow(day, registerId, storeId)
    row.returnsCount += 1
    row.refundedSubtotalCents += subtotalCents
    row.refundedTotalCents += totalCents
  }

  salesRollups(): SalesRollup[] {
    return [...this.sales.values()]
  }

  registerRollups(): RegisterRollup[] {
    return [...this.registers.values()]
  }
}
