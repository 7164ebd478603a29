import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'

import { SelectField } from '~/components/form-controls'
import { Field } from '~/components/form-field'
import type { Message } from '~/lib/i18n/index'
import { ACTIVE_FILTERS, choicesOf, namedChoices, type ActiveFilter, type Choice, type DayRange } from '~/lib/list-query'
import { useT } from '~/lib/root-data'

/**
 * A list's filters: a plain GET form (the filtered list is a URL — bookmarkable,
 * works without JavaScript), its fields, "Filtrer", and "Tout afficher" back to
 * the bare list once something narrows it. Its fields are <Field type="search">
 * and the selects below, all given the page's `formId` (ids `${formId}-${name}`).
 */
export function FilterBar({
  label,
  filtered,
  actionsClassName,
  children,
}: {
  /** Names the search landmark ("Filtrer les produits"). */
  label: string
  filtered: boolean
  /** The grid column of the buttons, after the fields' own columns. */
  actionsClassName: string
  children: ReactNode
}) {
  const t = useT()
  const location = useLocation()
  return (
    <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={label}>
      {children}
      {/* The reset link goes under the button when their column is narrow (a 768 px tablet): beside it, it ran off the page. */}
      <div className={`${actionsClassName} d-flex flex-wrap gap-2`}>
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

/** A labelled select of choices; `any` adds the empty "all" option first (no filter). */
export function SelectFilter({
  formId,
  name,
  label,
  value,
  choices,
  any,
  error,
  className,
}: {
  formId: string
  name: string
  label: string
  value: string | number | null
  choices: readonly Choice[]
  any?: string
  /** What the URL asked for and the list could not use (an unknown store). */
  error?: Message
  className?: string
}) {
  return (
    <SelectField formId={formId} name={name} label={label} className={className} defaultValue={value ?? ''} error={error}>
      {any === undefined ? null : <option value="">{any}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </SelectField>
  )
}

/** The management lists' "État" select: all, active only, inactive only (`?statut=`). */
export function ActiveFilterSelect({
  formId,
  value,
  className,
  optionLabel,
}: {
  formId: string
  value: ActiveFilter
  className?: string
  /** Each choice's label, when the list has its own words ("Utilisables" for tokens). */
  optionLabel?: (filter: ActiveFilter) => string
}) {
  const t = useT()
  return (
    <SelectFilter
      formId={formId}
      name="statut"
      label={t('admin.statusFilter')}
      value={value}
      choices={choicesOf(ACTIVE_FILTERS, optionLabel ?? ((filter) => t(`admin.filter.${filter}`)))}
      className={className}
    />
  )
}

/** The store a list narrows to (`?magasin=`), or all of them. */
export function StoreFilter({
  formId,
  value,
  stores,
  label,
  any,
  error,
  className,
}: {
  formId: string
  value: number | null
  stores: readonly { id: number; name: string }[]
  label: string
  any: string
  error?: Message
  className?: string
}) {
  return <SelectFilter formId={formId} name="magasin" label={label} value={value} any={any} choices={namedChoices(stores)} error={error} className={className} />
}

/** The first and last day a list covers (?du=, ?au=); a day the list could not read is marked on its field. */
export function DayRangeFields({ formId, range, className = 'col-6 col-lg-2' }: { formId: string; range: DayRange; className?: string }) {
  const t = useT()
  // Keyed by the days shown: after a client-side navigation the fields show the days in order too.
  const key = `${range.from ?? ''}/${range.to ?? ''}`
  return (
    <>
      <Field key={`du-${key}`} formId={formId} name="du" type="date" label={t('movements.from')} defaultValue={range.from ?? ''} error={range.errors.du} className={className} />
      <Field
        key={`au-${key}`}
        formId={formId}
        name="au"
        type="date"
        label={t('movements.to')}
        defaultValue={range.to ?? ''}
        error={range.errors.au}
        help={range.swapped ? t('filters.daysSwapped') : undefined}
        className={className}
      />
    </>
  )
}
