import { Fragment, type FormEvent } from 'react'

import { actionsColumn, amountColumn, TableHead } from '~/components/table-head'
import { formatMoney, formatNumber } from '~/lib/format'
import { MAX_LINE_QUANTITY } from '~/lib/forms/schemas'
import { taxLabel } from '~/lib/pos/tax-labels'
import type { CartLineView, PosView } from '~/lib/pos/types'
import { useT } from '~/lib/root-data'

import { PosForm } from './pos-form'

interface CartPanelProps {
  action: string
  cart: PosView['cart']
  pending: boolean
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  /** Changes when a cart change was refused: the quantity fields are drawn again with the cart's quantities. */
  revision?: number
}

/** The cart: one row per product, quantity controls, totals with TPS and TVQ. */
export function CartPanel({ action, cart, pending, onSubmit, revision = 0 }: CartPanelProps) {
  const t = useT()
  const itemCount = cart.lines.reduce((sum, line) => sum + line.quantity, 0)
  return (
    <section aria-labelledby="cart-heading" className="card shadow-sm mb-3">
      <div className="card-header d-flex align-items-center justify-content-between">
        <h2 id="cart-heading" className="h5 mb-0">
          {t('pos.cart.title')}{' '}
          <span className="badge text-bg-secondary" aria-label={t('pos.cart.itemCount', { count: formatNumber(itemCount) })}>
            {formatNumber(itemCount)}
          </span>
        </h2>
        <div className="d-flex align-items-center gap-2">
          <span className="small text-body-secondary" role="status" aria-live="polite">
            {pending ? t('pos.cart.updating') : ''}
          </span>
          {cart.lines.length > 0 ? (
            <PosForm action={action} onSubmit={onSubmit} intent="clear">
              <button type="submit" className="btn btn-outline-danger btn-sm">
                {t('pos.cart.clear')}
              </button>
            </PosForm>
          ) : null}
        </div>
      </div>
      {cart.lines.length === 0 ? (
        <div className="card-body">
          <p className="text-body-secondary mb-0">{t('pos.cart.empty')}</p>
          {cart.restorable > 0 ? (
            <PosForm action={action} onSubmit={onSubmit} intent="restore" className="mt-2">
              <button type="submit" className="btn btn-outline-primary btn-sm" data-testid="restore-cart">
                {t('pos.cart.restore')}
              </button>
            </PosForm>
          ) : null}
        </div>
      ) : (
        <div className="table-responsive pos-cart-scroll">
          <table className="table table-sm pos-cart-table mb-0" data-testid="cart">
            <TableHead
              columns={[
                t('pos.cart.product'),
                { label: t('pos.cart.quantity'), className: 'text-center' },
                amountColumn(t('pos.cart.lineTotal')),
                actionsColumn(t('pos.cart.actions')),
              ]}
            />
            <tbody>
              {cart.lines.map((line) => (
                <CartRow key={line.productId} line={line} action={action} onSubmit={onSubmit} revision={revision} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="card-body border-top py-2">
        <dl className="row mb-0" data-testid="totals">
          <dt className="col-7 fw-normal small">{t('pos.totals.subtotal')}</dt>
          <dd className="col-5 amount small mb-0">{formatMoney(cart.totals.subtotalCents)}</dd>
          {cart.totals.taxes.map((tax) => (
            <Fragment key={tax.code}>
              <dt className="col-7 fw-normal small">{taxLabel(t, tax)}</dt>
              <dd className="col-5 amount small mb-0">{formatMoney(tax.amountCents)}</dd>
            </Fragment>
          ))}
          <dt className="col-7 h5 mb-0 align-self-center">{t('pos.totals.total')}</dt>
          <dd className="col-5 amount pos-total mb-0" data-testid="cart-total">
            {formatMoney(cart.totals.totalCents)}
          </dd>
        </dl>
      </div>
    </section>
  )
}

function CartRow({
  line,
  action,
  onSubmit,
  revision,
}: {
  line: CartLineView
  action: string
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  revision: number
}) {
  const t = useT()
  const name = line.name || t('pos.cart.unknownProduct')
  // Each control of the line is its own POS step on this product (a quantity of 0 removes it).
  const step = (intent: 'set-qty' | 'remove', quantity?: number) => {
    const fields: Record<string, number> = { produit_id: line.productId }
    if (quantity !== undefined) fields.quantite = quantity
    return { action, onSubmit, intent, fields }
  }
  return (
    <tr className={line.unavailable ? 'table-warning' : undefined} data-testid="cart-line">
      <td className="pos-product-name">
        <span className="fw-semibold">{name}</span>
        <br />
        <span className="small text-body-secondary">
          {line.code} · {formatMoney(line.unitPriceCents)}
        </span>
        {line.unavailable ? <span className="d-block small text-danger">{t('pos.cart.unavailable')}</span> : null}
      </td>
      <td>
        <div className="d-flex align-items-center justify-content-center gap-1">
          <PosForm {...step('set-qty', line.quantity - 1)}>
            <button type="submit" className="btn btn-outline-secondary btn-sm" aria-label={t('pos.cart.decrease', { name })}>
              −
            </button>
          </PosForm>
          {/* noValidate: out of range, the clerk gets our message (in the page's language), not the browser's popup. */}
          <PosForm {...step('set-qty')} noValidate>
            <input
              type="number"
              name="quantite"
              min={0}
              max={MAX_LINE_QUANTITY}
              defaultValue={line.quantity}
              key={`${line.quantity}:${revision}`}
              className="form-control form-control-sm pos-qty text-center"
              aria-label={t('pos.cart.quantityOf', { name })}
              inputMode="numeric"
            />
            {/* Out of the Tab order: an invisible stop lost the keyboard's focus (Enter in the field submits). */}
            <button type="submit" className="visually-hidden" tabIndex={-1}>
              {t('pos.cart.updateQuantity')}
            </button>
          </PosForm>
          <PosForm {...step('set-qty', Math.min(line.quantity + 1, MAX_LINE_QUANTITY))}>
            <button type="submit" className="btn btn-outline-secondary btn-sm" aria-label={t('pos.cart.increase', { name })}>
              +
            </button>
          </PosForm>
        </div>
      </td>
      <td className="amount">{formatMoney(line.lineTotalCents)}</td>
      <td className="text-end">
        <PosForm {...step('remove')}>
          <button type="submit" className="btn btn-link btn-sm text-danger pos-remove" aria-label={t('pos.cart.remove', { name })}>
            {/* A cross on a tablet: the word took the room the product's name needs (« pamplem/ousse »). */}
            <span className="d-none d-lg-inline">{t('pos.cart.removeShort')}</span>
            <span className="d-lg-none" aria-hidden="true">
              ✕
            </span>
          </button>
        </PosForm>
      </td>
    </tr>
  )
}
