import { centsToWire } from '#core/money'
import { PAYMENT_METHOD_WIRE } from '#sales/wire_names'
import type { CsvTable } from '#reporting/services/csv'
import type { TenderFigures, TenderReport } from '#reporting/queries/tender_report'

function figuresToWire(f: TenderFigures) {
  return {
    encaisse: centsToWire(f.takenCents),
    rembourse: centsToWire(f.refundedCents),
    net: centsToWire(f.takenCents - f.refundedCents),
  }
}

export function tenderReportToWire(report: TenderReport) {
  return {
    date_debut: report.range.from,
    date_fin: report.range.to,
    magasin_id: report.storeId,
    totaux: report.totals.map((t) => ({ mode: PAYMENT_METHOD_WIRE[t.method], ...figuresToWire(t) })),
    total: {
      ...figuresToWire({
        takenCents: report.totals.reduce((sum, t) => sum + t.takenCents, 0),
        refundedCents: report.totals.reduce((sum, t) => sum + t.refundedCents, 0),
      }),
      arrondi_especes: centsToWire(report.cashRoundingCents),
    },
    par_jour: report.cells.map((c) => ({
      jour: c.day,
      magasin_id: c.storeId,
      magasin_nom: c.storeName,
      mode: PAYMENT_METHOD_WIRE[c.method],
      ...figuresToWire(c),
    })),
  }
}

type TenderReportWire = ReturnType<typeof tenderReportToWire>

/** CSV: one row per day, store and tender that took or refunded anything (a terminal's batch, a drawer's cash). */
export function tenderReportTable(body: TenderReportWire): CsvTable {
  return {
    columns: ['jour', 'magasin_id', 'magasin_nom', 'mode', 'encaisse', 'rembourse', 'net'],
    rows: body.par_jour.map((r) => [r.jour, r.magasin_id, r.magasin_nom, r.mode, r.encaisse, r.rembourse, r.net]),
  }
}
