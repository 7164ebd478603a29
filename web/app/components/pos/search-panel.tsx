import { Link } from '@remix-run/react'
import { forwardRef, type FormEvent, type KeyboardEvent } from 'react'

import { StockStatusBadge } from '~/components/status-badge'
import { actionsColumn, amountColumn, TableHead } from '~/components/table-head'
import { formatMoney, formatNumber } from '~/lib/format'
import type { Message } from '~/lib/i18n/index'
import type { PosView } from '~/lib/pos/types'
import { useMessage, useT } from '~/lib/root-data'

import { PosForm } from './pos-form'

interface SearchPanelProps {
  action: string
  search: PosView['search']
  disabled: boolean
  error?: Message
  /** What was refused, named under the field: the field itself is left empty for the next scan. */
  value?: string
  autoFocus: boolean
  /** F2 is advertised only where it works: with JavaScript. */
  shortcuts: boolean
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  onScanSubmit?: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * The scan field (a barcode scanner types the code and Enter) and the
 * products it found. Each result has its own small "Ajouter" form. A refused
 * entry is not put back into the field as the page is drawn: without
 * JavaScript the caret lands before it and the next scan is glued to it,
 * refused in turn. The page's script puts it back selected instead.
 * With JavaScript, ↓ in the field goes to the first result's "Ajouter"
 * (Enter adds it), ↑/↓ move between results, Échap goes back to the field:
 * Tab went through the search button and the clear link first.
 */
export const SearchPanel = forwardRef<HTMLInputElement, SearchPanelProps>(function SearchPanel(
  { action, search, disabled, error, value, autoFocus, shortcuts, onSubmit, onScanSubmit },
  scanRef
) {
  const t = useT()
  const describe = useMessage()
  const title = search.term ? t('pos.search.resultsFor', { term: search.term }) : t('pos.search.quickPicks')
  return (
    <section aria-labelledby="search-heading" className="card shadow-sm mb-3">
      <div className="card-body">
        <PosForm action={action} onSubmit={onScanSubmit} intent="scan" role="search" autoComplete="off">
          <label htmlFor="pos-scan" className="form-label fw-semibold">
            {t('pos.search.label')} {shortcuts ? <kbd>F2</kbd> : null}
          </label>
          <div className="input-group">
            <input
              ref={scanRef}
              id="pos-scan"
              name="q"
              type="search"
              className={`form-control form-control-lg${error ? ' is-invalid' : ''}`}
              placeholder={t('pos.search.placeholder')}
              maxLength={64}
              required
              disabled={disabled}
              autoFocus={autoFocus}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'pos-scan-error pos-scan-help' : 'pos-scan-help'}
              enterKeyHint="search"
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown' && focusResult(event.currentTarget, null, 1)) event.preventDefault()
              }}
            />
            <button type="submit" className="btn btn-primary" disabled={disabled}>
              {t('pos.search.submit')}
            </button>
          </div>
          {error ? (
            <div id="pos-scan-error" className="invalid-feedback d-block" role="alert">
              {describe(error)}
              {/* « Aucun produit ne correspond à « … » » names it already. */}
              {value && error.key !== 'pos.noMatch' ? (
                <span className="d-block" data-testid="scan-refused-entry">
                  {t('pos.search.refusedEntry', { entry: visible(value) })}
                </span>
              ) : null}
            </div>
          ) : null}
          <div id="pos-scan-help" className="form-text">
            {t('pos.search.help')}
          </div>
        </PosForm>
      </div>
      <div className="border-top">
        <div className="d-flex align-items-center justify-content-between px-3 pt-2">
          <h2 id="search-heading" className="h6 mb-0">
            {title}
          </h2>
          {search.term ? (
            <Link to={action} className="small">
              {t('pos.search.clear')}
            </Link>
          ) : null}
        </div>
        {search.items.length === 0 ? (
          <p className="px-3 py-2 text-body-secondary mb-0">{t('pos.search.none')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-hover table-sm align-middle mb-0" data-testid="search-results" onKeyDown={moveAmongResults}>
              <TableHead
                columns={[
                  // Beside the cart (a tablet, a small screen), the code goes under the name: its own column
                  // pushed "Ajouter" out of sight when a code was long.
                  { label: t('pos.search.code'), className: 'd-none d-xl-table-cell' },
                  t('pos.search.product'),
                  amountColumn(t('pos.search.price')),
                  amountColumn(t('pos.search.stock')),
                  actionsColumn(t('pos.cart.actions')),
                ]}
              />
              <tbody>
                {search.items.map((item) => (
                  <tr key={item.productId}>
                    <td className="text-nowrap d-none d-xl-table-cell">
                      <code>{item.code}</code>
                    </td>
                    <td className="pos-product-name">
                      {item.name}
                      <div className="small d-xl-none">
                        <code>{item.code}</code>
                      </div>
                    </td>
                    <td className="amount">{formatMoney(item.unitPriceCents)}</td>
                    <td className="amount">
                      {formatNumber(item.quantity)} {item.status !== 'normal' ? <StockStatusBadge status={item.status} /> : null}
                    </td>
                    <td className="text-end">
                      <PosForm action={action} onSubmit={onSubmit} intent="add" fields={{ produit_id: item.productId, quantite: 1 }}>
                        <button
                          type="submit"
                          className="btn btn-sm btn-outline-primary"
                          disabled={disabled || item.quantity <= 0}
                          aria-label={t('pos.search.addNamed', { name: item.name })}
                          data-result-add
                        >
                          {t('pos.search.add')}
                        </button>
                      </PosForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {search.total > search.items.length ? (
          <p className="small text-body-secondary px-3 py-2 mb-0">
            {t('pos.search.more', { shown: formatNumber(search.items.length), total: formatNumber(search.total) })}
          </p>
        ) : null}
      </div>
    </section>
  )
})

const RESULT_ADD = 'button[data-result-add]:not(:disabled)'

/** Moves the focus to the result `step` away from `from` (null: the first one); false if there is none. */
function focusResult(within: Element, from: Element | null, step: 1 | -1): boolean {
  const panel = within.closest('section')
  const buttons = panel ? Array.from(panel.querySelectorAll<HTMLButtonElement>(RESULT_ADD)) : []
  const next = from === null ? buttons[0] : buttons[buttons.indexOf(from as HTMLButtonElement) + step]
  next?.focus()
  return next !== undefined
}

const focusScanField = () => document.getElementById('pos-scan')?.focus()

function moveAmongResults(event: KeyboardEvent<HTMLTableElement>) {
  const from = event.target
  if (!(from instanceof HTMLButtonElement) || !from.matches(RESULT_ADD)) return
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault()
    const moved = focusResult(from, from, event.key === 'ArrowDown' ? 1 : -1)
    // Up from the first result: back to the field, as a list under a search box does.
    if (!moved && event.key === 'ArrowUp') focusScanField()
  } else if (event.key === 'Escape') {
    // Back to the field, the results kept (the page's Échap, from the field, clears them).
    event.stopPropagation()
    focusScanField()
  }
}

/* A refused entry may hold control characters (a bad scan, a paste): each is shown as the replacement sign. */
function visible(entry: string): string {
  // eslint-disable-next-line no-control-regex -- replacing them is the point
  return entry.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd')
}
