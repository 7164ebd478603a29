import { centsToWire } from '#core/money'
import { LOCATION_KIND_TO_WIRE } from '#inventory/wire_names'
import { averageTicketCents, divideHalfUp, netCents, percentChange } from '#reporting/services/figures'
import type { CsvTable } from '#reporting/services/csv'
import type { BoundedRange } from '#reporting/services/report_period'
import type { RegisterFigures } from '#reporting/queries/register_figures'
import type { LocationStock, StatusCounts } from '#reporting/queries/inventory'
import type { CustomFigures, CustomRow, Grouping } from '#reporting/queries/custom_report'
import type { SalesReport } from '#reporting/queries/sales_report'

/* The README's report routes (absent from the original): French field names, like the rest of the API. */

export function salesFiguresToWire(f: RegisterFigures) {
  return {
    nombre_ventes: f.salesCount,
    ventes_brutes: centsToWire(f.grossCents),
    remboursements: centsToWire(f.refundCents),
    chiffre_affaires: centsToWire(netCents(f)),
    ticket_moyen: centsToWire(averageTicketCents(f)),
    taxes: centsToWire(f.taxCents),
    total_ttc: centsToWire(f.totalCents),
    nombre_retours: f.returnsCount,
    remboursements_ttc: centsToWire(f.refundTotalCents),
  }
}
type SalesFiguresWire = ReturnType<typeof salesFiguresToWire>

export function salesReportToWire(report: SalesReport) {
  return {
    date_debut: report.range.from,
    date_fin: report.range.to,
    magasin_id: report.storeId,
    totaux: salesFiguresToWire(report.totals),
    par_magasin: report.byStore.map((s) => ({ magasin_id: s.storeId, magasin_nom: s.storeName, ...salesFiguresToWire(s.figures) })),
    par_jour: report.byDay.map((d) => ({ jour: d.day, ...salesFiguresToWire(d.figures) })),
  }
}

const SALES_FIGURE_COLUMNS: (keyof SalesFiguresWire)[] = [
  'nombre_ventes',
  'ventes_brutes',
  'remboursements',
  'chiffre_affaires',
  'ticket_moyen',
  'taxes',
  'total_ttc',
  'nombre_retours',
  'remboursements_ttc',
]

/** CSV of the sales report: the finest grain, one row per (day, store) with sales or returns. */
export function salesReportTable(report: SalesReport): CsvTable {
  return {
    columns: ['jour', 'magasin_id', 'magasin_nom', ...SALES_FIGURE_COLUMNS],
    rows: report.byDayAndStore.map((row) => {
      const figures = salesFiguresToWire(row.figures)
      return [row.day, row.storeId, row.storeName, ...SALES_FIGURE_COLUMNS.map((c) => figures[c])]
    }),
  }
}

function statusesToWire(s: StatusCounts) {
  return { ruptures: s.rupture, critiques: s.critique, faibles: s.faible, normaux: s.normal }
}

function alerts(s: StatusCounts) {
  return s.rupture + s.critique + s.faible
}

export function inventoryReportToWire(storeId: number | null, locations: LocationStock[]) {
  const total = locations.reduce(
    (sum, l) => ({
      quantity: sum.quantity + l.quantity,
      valueCents: sum.valueCents + l.valueCents,
      rupture: sum.rupture + l.statuses.rupture,
      critique: sum.critique + l.statuses.critique,
      faible: sum.faible + l.statuses.faible,
      normal: sum.normal + l.statuses.normal,
    }),
    { quantity: 0, valueCents: 0, rupture: 0, critique: 0, faible: 0, normal: 0 }
  )
  return {
    magasin_id: storeId,
    genere_le: new Date().toISOString(),
    emplacements: locations.map((l) => ({
      type: LOCATION_KIND_TO_WIRE[l.kind],
      magasin_id: l.storeId,
      nom: l.name,
      nombre_produits: l.products,
      quantite_totale: l.quantity,
      valeur: centsToWire(l.valueCents),
      alertes: alerts(l.statuses),
      statuts: statusesToWire(l.statuses),
    })),
    totaux: {
      quantite_totale: total.quantity,
      valeur: centsToWire(total.valueCents),
      alertes: alerts(total),
      statuts: statusesToWire(total),
    },
  }
}
type InventoryReportWire = ReturnType<typeof inventoryReportToWire>

export function inventoryReportTable(report: InventoryReportWire): CsvTable {
  return {
    columns: ['type', 'magasin_id', 'nom', 'nombre_produits', 'quantite_totale', 'valeur', 'alertes', 'ruptures', 'critiques', 'faibles', 'normaux'],
    rows: report.emplacements.map((l) => [
      l.type,
      l.magasin_id,
      l.nom,
      l.nombre_produits,
      l.quantite_totale,
      l.valeur,
      l.alertes,
      l.statuts.ruptures,
      l.statuts.critiques,
      l.statuts.faibles,
      l.statuts.normaux,
    ]),
  }
}

function comparison(current: number, previous: number, money: boolean) {
  return {
    valeur: money ? centsToWire(current) : current,
    precedent: money ? centsToWire(previous) : previous,
    variation_pct: percentChange(current, previous),
  }
}

export function kpisToWire(input: {
  range: BoundedRange
  previousRange: BoundedRange
  storeId: number | null
  current: RegisterFigures
  previous: RegisterFigures
  stock: StatusCounts
}) {
  const { current, previous } = input
  return {
    periode: { date_debut: input.range.from, date_fin: input.range.to },
    periode_precedente: { date_debut: input.previousRange.from, date_fin: input.previousRange.to },
    magasin_id: input.storeId,
    chiffre_affaires: comparison(netCents(current), netCents(previous), true),
    transactions: comparison(current.salesCount, previous.salesCount, false),
    ticket_moyen: comparison(averageTicketCents(current), averageTicketCents(previous), true),
    ventes_brutes: comparison(current.grossCents, previous.grossCents, true),
    alertes_stock: { total: alerts(input.stock), ...statusesToWire(input.stock) },
  }
}
type KpisWire = ReturnType<typeof kpisToWire>

export function kpisTable(kpis: KpisWire): CsvTable {
  const rows = (['chiffre_affaires', 'transactions', 'ticket_moyen', 'ventes_brutes'] as const).map((name) => [
    name,
    kpis[name].valeur,
    kpis[name].precedent,
    kpis[name].variation_pct,
  ])
  rows.push(['alertes_stock', kpis.alertes_stock.total, null, null])
  return { columns: ['indicateur', 'valeur', 'precedent', 'variation_pct'], rows }
}

function customFiguresToWire(f: CustomFigures) {
  return {
    quantite_vendue: f.quantitySold - f.quantityReturned,
    quantite_retournee: f.quantityReturned,
    ventes_brutes: centsToWire(f.grossCents),
    remboursements: centsToWire(f.refundCents),
    chiffre_affaires: centsToWire(f.grossCents - f.refundCents),
    nombre_ventes: f.salesCount,
    ticket_moyen: f.salesCount === null ? null : centsToWire(divideHalfUp(f.grossCents - f.refundCents, f.salesCount)),
  }
}

function customRowToWire(row: CustomRow) {
  return {
    ...(row.start !== undefined ? { periode_debut: row.start, periode_fin: row.end } : {}),
    ...(row.storeId !== undefined ? { magasin_id: row.storeId } : {}),
    ...(row.productId !== undefined ? { produit_id: row.productId, code: row.code } : {}),
    libelle: row.label,
    ...customFiguresToWire(row.figures),
  }
}

export function customReportToWire(input: {
  range: BoundedRange
  storeIds: number[] | null
  productIds: number[] | null
  grouping: Grouping | undefined
  totals: CustomFigures
  rows: CustomRow[]
}) {
  return {
    date_debut: input.range.from,
    date_fin: input.range.to,
    magasin_ids: input.storeIds,
    produit_ids: input.productIds,
    grouper_par: input.grouping ?? null,
    totaux: customFiguresToWire(input.totals),
    lignes: input.rows.map(customRowToWire),
  }
}
type CustomReportWire = ReturnType<typeof customReportToWire>

const CUSTOM_KEY_COLUMNS: Record<Grouping | 'total', string[]> = {
  jour: ['periode_debut', 'periode_fin'],
  semaine: ['periode_debut', 'periode_fin'],
  mois: ['periode_debut', 'periode_fin'],
  magasin: ['magasin_id'],
  produit: ['produit_id', 'code'],
  total: [],
}

export function customReportTable(report: CustomReportWire): CsvTable {
  const columns = [...CUSTOM_KEY_COLUMNS[report.grouper_par ?? 'total'], 'libelle', ...Object.keys(report.totaux)]
  return {
    columns,
    rows: report.lignes.map((row) => columns.map((c) => (row as Record<string, string | number | null>)[c])),
  }
}
