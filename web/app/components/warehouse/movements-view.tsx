import { Form, Link } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { DayRangeFields, FilterBar, SelectFilter } from '~/components/list/filter-bar'
import { ProductCell } from '~/components/list/product-cell'
import { NarrowLabel, amountColumn } from '~/components/table-head'
import { formatDate, formatNumber, formatTime } from '~/lib/format'
import type { FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { ADJUSTMENT_MODES, MAX_LEVEL, MAX_MOVEMENT_QUANTITY, parseAdjustment } from '~/lib/forms/warehouse'
import { choicesOf, type Paged } from '~/lib/list-query'
import { receiptPath } from '~/lib/paths'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'
import { MOVEMENT_TYPES_AT, replenishmentPath, signedQuantity, type MovementFilters, type MovementRow } from '~/lib/warehouse'

/** The ledger's filters: product code, type, period (plain GET: bookmarkable, works without JavaScript). */
export function MovementFiltersForm({ filters, location }: { filters: MovementFilters; location: 'warehouse' | 'store' }) {
  const t = useT()
  const filtered = filters.code !== '' || filters.type !== null || filters.from !== null || filters.to !== null || Object.keys(filters.errors).length > 0
  return (
    <FilterBar label={t('movements.filterLabel')} filtered={filtered} actionsClassName="col-lg-2">
      <Field formId="mvt" name="produit" type="search" label={t('movements.productFilter')} defaultValue={filters.code} maxLength={32} className="col-sm-6 col-lg-3" />
      <SelectFilter
        formId="mvt"
        name="type"
        label={t('movements.type')}
        value={filters.type}
        any={t('movements.allTypes')}
        choices={choicesOf(MOVEMENT_TYPES_AT[location], (type) => t(`movements.type.${type}`))}
        className="col-sm-6 col-lg-3"
      />
      <DayRangeFields formId="mvt" range={filters} />
    </FilterBar>
  )
}

/**
 * A location's ledger, newest first: what moved, why, by whom, and the level after.
 * `requestLinks`: whether the reader may open a replenishment request (a clerk may not: the
 * link led to a 403); without, the request is named as text.
 */
export function MovementsTable({
  movements,
  caption,
  empty,
  requestLinks,
}: {
  movements: Paged<MovementRow>
  caption: string
  empty: string
  requestLinks: boolean
}) {
  const t = useT()
  return (
    <ListTable
      list={movements}
      testId="movements-table"
      compact
      caption={caption}
      empty={empty}
      columns={[
        t('movements.when'),
        t('pos.search.product'),
        t('movements.type'),
        // « Mouvement » set the column's width (its figures are short): with a user's name of one long word (« Administratrice ») and a long code, the ledger scrolled 17 px sideways on a 768 px tablet.
        amountColumn(<NarrowLabel full={t('movements.change')} short={t('movements.changeShort')} />),
        amountColumn(t('movements.balance')),
        t('movements.reason'),
        t('movements.by'),
      ]}
    >
      {(movement) => (
        <tr key={movement.id}>
          {/* The date breaks between its words, the type and the reason inside a long one (cell-text): unbroken, they scrolled the ledger sideways on a 768 px tablet. */}
          <td>
            <span>{formatDate(movement.at)}</span>
            <span className="d-block small text-body-secondary">{formatTime(movement.at)}</span>
          </td>
          <ProductCell name={movement.product} code={movement.code} />
          <td className="cell-text">
            {t(`movements.type.${movement.type}`)}
            {movement.link ? (
              <>
                {' '}
                {movement.link.kind === 'request' && !requestLinks ? (
                  <span className="small">{t('movements.requestLink', { id: movement.link.id })}</span>
                ) : (
                  <Link className="small" to={movement.link.kind === 'request' ? replenishmentPath(movement.link.id) : receiptPath(movement.link.id)}>
                    {t(movement.link.kind === 'request' ? 'movements.requestLink' : 'movements.saleLink', { id: movement.link.id })}
                  </Link>
                )}
              </>
            ) : null}
          </td>
          <td className={`amount ${movement.quantity < 0 ? 'text-danger' : 'text-success'}`}>{signedQuantity(movement.quantity, formatNumber)}</td>
          <td className="amount">{formatNumber(movement.balance)}</td>
          <td className="cell-text">{movement.reason ?? ''}</td>
          <td>{movement.by ?? t('movements.byIntegration')}</td>
        </tr>
      )}
    </ListTable>
  )
}

const ADJUSTMENT_ORDER = ['code', 'mode', 'quantite', 'motif'] as const

/**
 * A manager's correction of a level, with its reason (the ledger keeps it).
 * `formKey` is this rendering's Idempotency-Key: a double submit adjusts once.
 */
export function AdjustmentForm({
  action,
  refusal,
  formKey,
  code = '',
}: {
  action: string
  refusal: FormRefusal | undefined
  formKey: string
  /** The product the ledger is filtered on: the one a manager came to correct. */
  code?: string
}) {
  const t = useT()
  const mine = refusal?.intent === 'adjust' ? refusal : undefined
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm(parseAdjustment, mine)
  const values = mine?.values ?? {}
  const pending = useIsPending({ formAction: action, intent: 'adjust' })
  const firstError = ADJUSTMENT_ORDER.find((name) => fieldErrors[name])
  return (
    <Form method="post" action={action} ref={formRef} onSubmit={onSubmit} noValidate id="adjustment" aria-labelledby="adjustment-heading">
      <h2 id="adjustment-heading" className="h5">
        {t('movements.adjustTitle')}
      </h2>
      <p className="small text-body-secondary">{t('movements.adjustHelp')}</p>
      <CsrfField />
      <input type="hidden" name="intent" value="adjust" />
      <input type="hidden" name="cle" value={formKey} />
      <FormError error={formError} />
      <div className="row g-2">
        <Field
          formId="adjust"
          name="code"
          label={t('movements.productCode')}
          className="col-sm-6 col-lg-3 mb-2"
          defaultValue={values.code ?? code}
          error={fieldErrors.code}
          autoFocus={firstError === 'code'}
          maxLength={32}
          required
        />
        <div className="col-sm-6 col-lg-3 mb-2">
          <label htmlFor="adjust-mode" className="form-label">
            {t('movements.mode')}
          </label>
          <select id="adjust-mode" name="mode" className="form-select" defaultValue={values.mode || 'variation'}>
            {ADJUSTMENT_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`movements.mode.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          formId="adjust"
          name="quantite"
          label={t('movements.quantity')}
          help={t('movements.quantityHelp')}
          className="col-sm-6 col-lg-2 mb-2"
          type="number"
          inputMode="numeric"
          min={-MAX_MOVEMENT_QUANTITY}
          max={MAX_LEVEL}
          defaultValue={values.quantite}
          error={fieldErrors.quantite}
          autoFocus={firstError === 'quantite'}
          required
        />
        <Field
          formId="adjust"
          name="motif"
          label={t('movements.reason')}
          className="col-sm-6 col-lg-4 mb-2"
          defaultValue={values.motif}
          error={fieldErrors.motif}
          autoFocus={firstError === 'motif'}
          maxLength={500}
          required
        />
      </div>
      <button type="submit" className="btn btn-warning" disabled={pending}>
        {pending ? t('movements.adjusting') : t('movements.adjustSubmit')}
      </button>
    </Form>
  )
}
