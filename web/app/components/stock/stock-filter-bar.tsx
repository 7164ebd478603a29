import { Field } from '~/components/form-field'
import { FilterBar, SelectFilter } from '~/components/list/filter-bar'
import { choicesOf } from '~/lib/list-query'
import { useT } from '~/lib/root-data'
import { STOCK_SORTS, STOCK_STATUSES, stockListFiltered, type StockListFilters } from '~/lib/stock'

/** A stock list's filters (a store's, the warehouse's): text, state, order. */
export function StockFilterBar({ formId, searchLabel, filters }: { formId: string; searchLabel: string; filters: StockListFilters }) {
  const t = useT()
  return (
    <FilterBar label={t('stock.filterLabel')} filtered={stockListFiltered(filters)} actionsClassName="col-sm-2 col-lg-2">
      <Field formId={formId} name="q" type="search" label={searchLabel} defaultValue={filters.search} maxLength={64} className="col-sm-5 col-lg-4" />
      <SelectFilter
        formId={formId}
        name="statut"
        label={t('stock.statusFilter')}
        value={filters.status}
        any={t('stock.allStatuses')}
        choices={choicesOf(STOCK_STATUSES, (status) => t(`stock.status.${status}`))}
        className="col-sm-3 col-lg-2"
      />
      <SelectFilter
        formId={formId}
        name="tri"
        label={t('stock.sort')}
        value={filters.sort}
        choices={choicesOf(STOCK_SORTS, (sort) => t(`stock.sort.${sort}`))}
        className="col-sm-2 col-lg-2"
      />
    </FilterBar>
  )
}
