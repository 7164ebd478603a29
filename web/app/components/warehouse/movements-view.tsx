import { Form, Link, useLocation } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { EmptyState } from '~/components/empty-state'
import { Field, FormError } from '~/components/form-field'
import { Pagination } from '~/components/pagination'
import { formatDate, formatNumber, formatTime } from '~/lib/format'
import type { FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { ADJUSTMENT_MODES, MAX_LEVEL, MAX_MOVEMENT_QUANTITY, parseAdjustment } from '~/lib/forms/warehouse'
import { receiptPath } from '~/lib/paths'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'
import { MOVEMENT_TYPES, replenishmentPath, signedQuantity, type MovementFilters, type MovementRow } from '~/lib/warehouse'

/** The ledger's filters: product code, type, period (plain GET: bookmarkable, works without JavaScript). */
export function MovementFiltersForm({ filters }: { filters: MovementFilters }) {
  const t = useT()
  const location = useLocation()
  const filtered = filters.code !== '' || filters.type !== null || filters.from !== null || filters.to !== null
  return (
    <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={t('movements.filterLabel')}>
      <div className="col-sm-6 col-lg-3">
        <label htmlFor="mvt-produit" className="form-label">
          {t('movements.productCode')}
        </label>
        <input id="mvt-produit" name="produit" type="search" className="form-control" defaultValue={filters.code} maxLength={32} />
      </div>
      <div className="col-sm-6 col-lg-3">
        <label htmlFor="mvt-type" className="form-label">
          {t('movements.type')}
        </label>
        <select id="mvt-type" name="type" className="form-select" defaultValue={filters.type ?? ''}>
          <option value="">{t('movements.allTypes')}</option>
          {MOVEMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`movements.type.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="col-6 col-lg-2">
        <label htmlFor="mvt-du" className="form-label">
          {t('movements.from')}
        </label>
        <input id="mvt-du" name="du" type="date" className="form-control" defaultValue={filters.from ?? ''} />
      </div>
      <div className="col-6 col-lg-2">
        <label htmlFor="mvt-au" className="form-label">
          {t('movements.to')}
        </label>
        <input id="mvt-au" name="au" type="date" className="form-control" defaultValue={filters.to ?? ''} />
      </div>
      <div className="col-lg-2 d-flex gap-2">
        <button type="submit" className="btn btn-primary">
          {t('stock.apply')}
        </button>
        {filtered ? (
          <Link to={location.pathname} className="btn btn-link">
            {t('stock.reset')}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}

export function MovementsTable({
  movements,
  caption,
  empty,
}: {
  movements: { page: number; size: number; total: number; items: MovementRow[] }
  caption: string
  empty: string
}) {
  const t = useT()
  if (movements.items.length === 0) return <EmptyState>{empty}</EmptyState>
  return (
    <>
      <div className="table-responsive bg-body rounded-3 shadow-sm">
        <table className="table table-sm align-middle mb-0" data-testid="movements-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('movements.when')}</th>
              <th scope="col">{t('pos.search.product')}</th>
              <th scope="col">{t('movements.type')}</th>
              <th scope="col" className="amount">
                {t('movements.change')}
              </th>
              <th scope="col" className="amount">
                {t('movements.balance')}
              </th>
              <th scope="col">{t('movements.reason')}</th>
              <th scope="col">{t('movements.by')}</th>
            </tr>
          </thead>
          <tbody>
            {movements.items.map((movement) => (
              <tr key={movement.id}>
                <td>
                  <span className="text-nowrap">{formatDate(movement.at)}</span>
                  <span className="d-block small text-body-secondary">{formatTime(movement.at)}</span>
                </td>
                <td className="pos-product-name">
                  {movement.product}
                  <code className="d-block small">{movement.code}</code>
                </td>
                <td>
                  {t(`movements.type.${movement.type}`)}
                  {movement.link ? (
                    <>
                      {' '}
                      <Link
                        className="small"
                        to={movement.link.kind === 'request' ? replenishmentPath(movement.link.id) : receiptPath(movement.link.id)}
                      >
                        {t(movement.link.kind === 'request' ? 'movements.requestLink' : 'movements.saleLink', { id: movement.link.id })}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td className={`amount ${movement.quantity < 0 ? 'text-danger' : 'text-success'}`}>
                  {signedQuantity(movement.quantity, formatNumber)}
                </td>
                <td className="amount">{formatNumber(movement.balance)}</td>
                <td>{movement.reason ?? ''}</td>
                <td>{movement.by ?? t('movements.byIntegration')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={movements.page} size={movements.size} total={movements.total} label={caption} />
    </>
  )
}

const ADJUSTMENT_ORDER = ['code', 'mode', 'quantite', 'motif'] as const

/** A manager's correction of a level, with its reason (the ledger keeps it). */
export function AdjustmentForm({ action, refusal }: { action: string; refusal: FormRefusal | undefined }) {
  const t = useT()
  const mine = refusal?.intent === 'adjust' ? refusal : undefined
  const { formRef, onSubmit, fieldErrors } = useValidatedForm(parseAdjustment, mine)
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
      <FormError error={mine?.error} />
      <div className="row g-2">
        <Field
          formId="adjust"
          name="code"
          label={t('movements.productCode')}
          className="col-sm-6 col-lg-3 mb-2"
          defaultValue={values.code}
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
