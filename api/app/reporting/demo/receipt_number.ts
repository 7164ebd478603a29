import { compactDate } from '#reporting/demo/business_calendar'

/**
 * `S{store}-R{register}-{YYYYMMDD}-{seq}`: unique because a register prints
 * at most one receipt per sequence number per business day, and readable
 * enough for a clerk to find a sale from a paper receipt.
 */
export function receiptNumber(storeId: number, registerNumber: number, date: string, sequence: number): string {
  return `S${storeId}-R${registerNumber}-${compactDate(date)}-${String(sequence).padStart(4, '0')}`
}

/** Hands out 1, 2, 3 … per register for one business day. */
export class ReceiptSequence {
  private readonly next = new Map<number, number>()

  take(registerId: number): number {
    const value = (this.next.get(registerId) ?? 0) + 1
    this.next.set(registerId, value)
    return value
  }
}
