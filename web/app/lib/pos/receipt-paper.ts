// Receipts print on 80 mm rolls (72 mm printable). CSS cannot say "80 mm wide, as long as the
// ticket": `size: 80mm auto` is invalid, and Chromium drops the whole declaration — the ticket
// then printed on Letter paper. So receipt.css sets a valid 80 × 297 mm page, and just before
// printing (the print button, Ctrl+P) the page gets the ticket's own length: no blank paper fed.

export const PAPER_WIDTH_MM = 80
export const PAPER_MARGIN_MM = 4
/** What a page holds when the ticket cannot be measured: receipt.css's own size. */
export const PAPER_DEFAULT_LENGTH_MM = 297

const MM_PER_CSS_PX = 25.4 / 96

/** The @page rule for a ticket `ticketHeightPx` CSS pixels long, as printed (72 mm wide, 9 pt). */
export function receiptPageRule(ticketHeightPx: number): string {
  const length =
    Number.isFinite(ticketHeightPx) && ticketHeightPx > 0
      ? Math.ceil(ticketHeightPx * MM_PER_CSS_PX) + 2 * PAPER_MARGIN_MM
      : PAPER_DEFAULT_LENGTH_MM
  return `@page { size: ${PAPER_WIDTH_MM}mm ${length}mm; margin: ${PAPER_MARGIN_MM}mm; }`
}

/**
 * Measures the ticket with its print metrics (class `receipt-measuring`, the same width and font
 * as on paper) and adds the matching @page rule to receipt.css — through the CSSOM: the CSP
 * refuses a <style> element. Called on `beforeprint`; the last rule added wins.
 */
export function fitPaperToReceipt(doc: Document): void {
  const ticket = doc.querySelector<HTMLElement>('.receipt')
  const sheet = Array.from(doc.styleSheets).find((candidate) => candidate.href?.includes('receipt'))
  if (!ticket || !sheet) return
  ticket.classList.add('receipt-measuring')
  const height = ticket.getBoundingClientRect().height
  ticket.classList.remove('receipt-measuring')
  sheet.insertRule(receiptPageRule(height), sheet.cssRules.length)
}
