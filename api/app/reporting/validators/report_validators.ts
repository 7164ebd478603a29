import vine from '@vinejs/vine'
import { calendarDate } from '#core/calendar_date'
import { idParam } from '#core/validation'
import { GROUPINGS } from '#reporting/queries/custom_report'

/*
 * Query strings of the report routes. Each accepts the original's English
 * parameters (start_date, end_date, store_id) and the README's French ones
 * (date_debut, date_fin, magasin_id); anything else is a 422, so a typo is
 * never silently ignored (the original ignored its date filters).
 */

const ID_MAX = 2_147_483_647
const id = () => vine.number().withoutDecimals().min(1).max(ID_MAX)

const day = (description: string) =>
  calendarDate().meta({ format: 'date', description }).optional()

const periodFields = {
  start_date: day('First business day (inclusive, APP_TIMEZONE)'),
  end_date: day('Last business day (inclusive)'),
  date_debut: day('Alias of start_date (wins when both are sent)'),
  date_fin: day('Alias of end_date (wins when both are sent)'),
}

const storeFields = {
  store_id: id().optional(),
  magasin_id: id().meta({ description: 'Alias of store_id (wins when both are sent)' }).optional(),
}

const formatField = {
  format: vine
    .enum(['json', 'csv', 'csv-fr'])
    .meta({
      description:
        'csv: a CSV download (same as Accept: text/csv; commas, decimal points). csv-fr: for French-locale spreadsheets (semicolons, decimal commas)',
    })
    .optional(),
}

const limit = (max: number) => vine.number().withoutDecimals().min(1).max(max).optional()

const DOLLARS = /^\d{1,9}(\.\d{1,2})?$/

/* Says what is accepted: the "format is invalid" of .regex() did not, for -1, 1000.125 or 10000000000. */
const dollarsText = vine.createRule(
  (value, _options, field) => {
    if (typeof value !== 'string' || DOLLARS.test(value)) return
    field.report('The {{ field }} field must be an amount of at least 0 with at most two decimals, up to 999999999.99 (such as "1000.00")', 'money', field)
  },
  { toJSONSchema: (schema) => Object.assign(schema, { pattern: DOLLARS.source }) }
)

/** Amount in dollars, e.g. 1000 or 999.99 (query strings are text; cents are exact). */
const dollars = () => vine.string().trim().use(dollarsText()).meta({ example: '1000.00' }).optional()

const bucketPeriod = vine.enum(['daily', 'weekly', 'monthly'])

export const periodStoreQuery = vine.create({ ...periodFields, ...storeFields, ...formatField })
export const periodQuery = vine.create({ ...periodFields, ...formatField })
export const topStoresQuery = vine.create({ ...periodFields, ...formatField, limit: limit(20) })
export const storesPerformanceQuery = vine.create({ ...periodFields, ...formatField, limit: limit(50) })
export const underperformingQuery = vine.create({ ...periodFields, ...formatField, threshold: dollars() })
export const productRankingQuery = vine.create({ ...periodFields, ...storeFields, ...formatField, limit: limit(50) })

export const storeIdParams = vine.create({ id: idParam() })

export const salesByPeriodQuery = vine.create({ ...periodFields, ...storeFields, ...formatField, period: bucketPeriod })

export const revenueTrendsQuery = vine.create({
  ...periodFields,
  ...storeFields,
  ...formatField,
  period: bucketPeriod.optional(),
  months_back: vine.number().withoutDecimals().min(1).max(36).optional(),
})

/* Stock reports are a snapshot of now: dates are refused rather than ignored. */
export const inventoryStatusQuery = vine.create({
  ...storeFields,
  ...formatField,
  low_stock_threshold: vine.number().withoutDecimals().min(0).max(1_000_000).optional(),
})
export const inventoryReportQuery = vine.create({ ...storeFields, ...formatField })

export const formatQuery = vine.create({ ...formatField })

const idList = () => vine.array(id()).maxLength(100).distinct().optional()

export const customReportBody = vine.create({
  date_debut: day('First business day (inclusive); required (or start_date)'),
  date_fin: day('Last business day (inclusive); required (or end_date)'),
  start_date: day('Alias of date_debut'),
  end_date: day('Alias of date_fin'),
  magasin_ids: idList(),
  produit_ids: idList(),
  grouper_par: vine.enum(GROUPINGS).optional(),
})
