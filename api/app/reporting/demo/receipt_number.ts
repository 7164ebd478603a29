/**
 * `S{store}-R{register}-{sale id, 8 digits}`, as record_sale() numbers a sale rung up at a
 * register (migration 0025): the history looks like what the registers print, and a clerk
 * searching a receipt finds old and new sales by the same pattern.
 */
export function receiptNumber(storeId: number, registerNumber: number, saleId: number): string {
  return `S${storeId}-R${registerNumber}-${String(saleId).padStart(8, '0')}`
}
