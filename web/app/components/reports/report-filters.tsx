import { Form, Link, useLocation, useNavigation } from '@remix-run/react'

import type { FieldErrors } from '~/lib/forms/core'
import { DEFAULT_PRESET, PERIOD_PRESETS, type FilterInput, type ReportFilters } from '~/lib/reports/filters'
import { useMessage, useT } from '~/lib/root-data'

/**
 * The period and store filters: a GET form, so the figures are a URL (a
 * bookmark, a link in an e-mail) and it works without JavaScript. "Apply"
 * takes the dates; a preset button (7, 30, 90 days, this month) replaces
 * them. A refused field is marked, described and focused.
 */
export function ReportFiltersForm({
  id,
  filters,
  input,
  errors,
  stores,
  today,
}: {
  id: string
  filters: ReportFilters
  input: FilterInput
  errors: FieldErrors
  stores: readonly { id: number; name: string }[]
  today: string
}) {
  const t = useT()
  const describe = useMessage()
  const location = useLocation()
  const navigation = useNavigation()
  const pending = navigation.state !== 'idle' && navigation.location?.pathname === location.pathname
  const firstError = (['du', 'au', 'magasin'] as const).find((name) => errors[name])
  const filtered = filters.preset !== DEFAULT_PRESET || filters.storeId !== null

  const fieldProps = (name: 'du' | 'au' | 'magasin') => {
    const error = errors[name]
    return {
      id: `${id}-${name}`,
      name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-${name}-error` : undefined,
      autoFocus: firstError === name,
    }
  }
  const errorOf = (name: 'du' | 'au' | 'magasin') =>
    errors[name] ? (
      <div id={`${id}-${name}-error`} className="invalid-feedback d-block">
        {describe(errors[name])}
      </div>
    ) : null

  return (
    // Keyed on the URL: after a navigation the fields show the new filters (they are uncontrolled).
    <Form key={location.search} method="get" className="card card-body shadow-sm mb-4 d-print-none" aria-label={t('reports.filters.label')} noValidate>
      {/* Aligned at the top: a refused field's message grows its column downwards, not the others up. */}
      <div className="row g-2 align-items-start">
        <div className="col-6 col-md-3">
          <label htmlFor={`${id}-du`} className="form-label">
            {t('reports.filters.from')}
          </label>
          <input type="date" className={`form-control${errors.du ? ' is-invalid' : ''}`} defaultValue={input.du} max={today} {...fieldProps('du')} />
          {errorOf('du')}
        </div>
        <div className="col-6 col-md-3">
          <label htmlFor={`${id}-au`} className="form-label">
            {t('reports.filters.to')}
          </label>
          <input type="date" className={`form-control${errors.au ? ' is-invalid' : ''}`} defaultValue={input.au} max={today} {...fieldProps('au')} />
          {errorOf('au')}
        </div>
        <div className="col-12 col-md-4">
          <label htmlFor={`${id}-magasin`} className="form-label">
            {t('reports.filters.store')}
          </label>
          <select className={`form-select${errors.magasin ? ' is-invalid' : ''}`} defaultValue={input.magasin} {...fieldProps('magasin')}>
            <option value="">{t('reports.filters.allStores')}</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
          {errorOf('magasin')}
        </div>
        <div className="col-12 col-md-2 d-flex flex-column">
          {/* An empty label's height: the button lines up with the fields beside it. */}
          <span className="form-label d-none d-md-block" aria-hidden="true">
            &nbsp;
          </span>
          {/* First submit button: Enter in a date field applies the dates. */}
          <button type="submit" className="btn btn-primary" aria-disabled={pending || undefined}>
            {pending ? t('reports.filters.applying') : t('reports.filters.apply')}
          </button>
        </div>
      </div>
      <div className="d-flex flex-wrap align-items-center gap-2 mt-3" role="group" aria-label={t('reports.filters.presets')}>
        <span className="small text-body-secondary">{t('reports.filters.presets')}</span>
        {PERIOD_PRESETS.map((preset) => {
          const active = filters.preset === preset
          return (
            <button
              key={preset}
              type="submit"
              name="periode"
              value={preset}
              className={`btn btn-sm ${active ? 'btn-secondary' : 'btn-outline-secondary'}`}
              aria-current={active ? 'true' : undefined}
            >
              {t(`reports.preset.${preset}`)}
            </button>
          )
        })}
        {filtered ? (
          <Link to={location.pathname} className="btn btn-sm btn-link">
            {t('reports.filters.reset')}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
