import { instantToWire } from '#core/instants'
import { centsToWire } from '#core/money'
import { PAYMENT_METHOD_WIRE } from '#sales/wire_names'
import type { PaymentMethod } from '#sales/models/payment'
import type { SessionFigures, SessionRecord } from '#sales/queries/session_report'

/** The session without its report. */
export function sessionSummaryToWire(s: SessionRecord) {
  return {
    id: s.id,
    caisse_id: s.registerId,
    statut: s.closedAt ? 'fermee' : 'ouverte',
    ouverte_par: s.openedBy,
    ouverte_le: instantToWire(s.openedAt),
    fond_de_caisse: centsToWire(s.openingFloatCents),
    fermee_par: s.closedBy,
    fermee_le: instantToWire(s.closedAt),
    note: s.note,
  }
}

/** A line of a register's session history: the summary, and for a closed one what the count found. */
export function sessionHistoryItemToWire(s: SessionRecord) {
  const closed = s.closedAt !== null && s.expectedCashCents !== null && s.countedCashCents !== null
  return {
    ...sessionSummaryToWire(s),
    especes_attendues: closed ? centsToWire(s.expectedCashCents!) : null,
    especes_comptees: closed ? centsToWire(s.countedCashCents!) : null,
    ecart: closed ? centsToWire(s.countedCashCents! - s.expectedCashCents!) : null,
  }
}

/**
 * The session with its report as this caller may see it: an open session's X
 * report for a clerk holds its counts only (ADR 0026), the amounts come with
 * the Z report.
 */
export function sessionForCaller(figures: SessionFigures, blind: boolean) {
  if (!blind || figures.session.closedAt) return sessionToWire(figures)
  return {
    ...sessionSummaryToWire(figures.session),
    rapport_aveugle: { type: 'X', ventes: { nombre: figures.salesCount }, retours: { nombre: figures.returnsCount } },
  }
}

export function sessionToWire(figures: SessionFigures) {
  const s = figures.session
  const counted = s.countedCashCents
  const expected = s.closedAt ? (s.expectedCashCents ?? figures.expectedCashCents) : figures.expectedCashCents
  return {
    ...sessionSummaryToWire(s),
    rapport: {
      type: s.closedAt ? 'Z' : 'X',
      ventes: {
        nombre: figures.salesCount,
        sous_total: centsToWire(figures.subtotalCents),
        taxes: figures.taxes.map((t) => ({ code: t.code, montant: centsToWire(t.amountCents) })),
        total: centsToWire(figures.totalCents),
        // The drawer's cash settles to the nickel (ADR 0023): Σ paiements = total + arrondi_especes.
        arrondi_especes: centsToWire(figures.cashRoundingCents),
      },
      paiements: figures.tenders.map((t) => ({
        mode: PAYMENT_METHOD_WIRE[t.method as PaymentMethod] ?? t.method,
        montant: centsToWire(t.amountCents),
      })),
      retours: {
        nombre: figures.returnsCount,
        total: centsToWire(figures.refundedCents),
        especes: centsToWire(figures.cashRefundedCents),
        arrondi_especes: centsToWire(figures.refundRoundingCents),
        par_mode: figures.refundTenders.map((t) => ({
          mode: PAYMENT_METHOD_WIRE[t.method as PaymentMethod] ?? t.method,
          montant: centsToWire(t.amountCents),
        })),
      },
      especes_attendues: centsToWire(expected),
      especes_comptees: counted === null ? null : centsToWire(counted),
      ecart: counted === null ? null : centsToWire(counted - expected),
    },
  }
}
