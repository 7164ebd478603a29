import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'

import { PrintButton } from '~/components/print-button'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ok } from '~/lib/api/client.server'
import { formatDate, formatMoney, formatNumber, formatSignedMoney } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { centsFromWire } from '~/lib/money'
import { fitPaperToReceipt } from '~/lib/pos/receipt-paper'
import { refundsByTender } from '~/lib/pos/refund-tenders'
import { taxLabel } from '~/lib/pos/tax-labels'
import { ratePpmFromPercent } from '~/lib/pos/taxes'
import { posPath, returnsPath } from '~/lib/paths'
import { idParam, loading, signedIn } from '~/lib/request.server'
import { clerkReturnPeriodOver } from '~/lib/returns'
import { saleReturnsPath } from '~/lib/returns-journal'
import { useT } from '~/lib/root-data'
import { journalToReturnTo, saleAnchor } from '~/lib/sales-journal'
import receiptStylesHref from '~/styles/receipt.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: receiptStylesHref }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'receipt.pageTitleOf', { number: data.receipt.numero_recu }) : pageTitle(matches, 'receipt.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const id = idParam(args.params.id)
  return loading(async () => {
    // A clerk asking for another store's sale gets the API's 404, like a missing one.
    const [receipt, sale] = await Promise.all([
      ok(api.GET('/api/v1/sales/{id}/receipt', { params: { path: { id } } })),
      ok(api.GET('/api/v1/sales/{id}', { params: { path: { id } } })),
    ])
    return {
      receipt,
      saleId: sale.id,
      registerId: sale.caisse_id,
      refunds: refundsByTender(sale),
      // Opened from the journal: the way back to it, and no "next customer" focus.
      journal: journalToReturnTo(new URL(args.request.url)),
      // Past it, a clerk's return needs a manager's authorisation (ADR 0027): say so before they try.
      returnDeadline: clerkReturnPeriodOver(user, sale.retour_caissier_jusqua),
    }
  })
}

const MODE_LABEL = { especes: 'receipt.mode.especes', carte: 'receipt.mode.carte', autre: 'receipt.mode.autre' } as const

export default function ReceiptPage() {
  const { receipt, saleId, registerId, refunds, journal, returnDeadline } = useLoaderData<typeof loader>()
  const t = useT()
  const refunded = centsFromWire(receipt.montant_rembourse)
  // Absent from an API older than ADR 0023 (a rolling upgrade): no rounding then.
  const cashRounding = receipt.arrondi_especes ? centsFromWire(receipt.arrondi_especes) : 0
  // After paying, the next customer is one Enter away; from the journal, the way back is.
  // `autoFocus` does it when the page is loaded (and without JavaScript); React ignores it
  // on a link it renders itself — the page reached by a client-side navigation.
  const first = useRef<HTMLAnchorElement>(null)
  useEffect(() => first.current?.focus(), [])
  // Printed (the button, Ctrl+P): the paper as long as the ticket.
  useEffect(() => {
    const fit = () => fitPaperToReceipt(document)
    window.addEventListener('beforeprint', fit)
    return () => window.removeEventListener('beforeprint', fit)
  }, [])
  return (
    <>
      <div className="d-flex flex-wrap gap-2 justify-content-center mb-3 d-print-none">
        {journal ? (
          <Link ref={first} className="btn btn-primary" to={`${journal}#${saleAnchor(saleId)}`} autoFocus>
            {t('receipt.backToSales')}
          </Link>
        ) : (
          <Link ref={first} className="btn btn-primary" to={posPath(registerId)} autoFocus>
            {t('receipt.newSale')}
          </Link>
        )}
        <PrintButton label={t('receipt.print')} />
        <Link className="btn btn-outline-secondary" to={`${returnsPath(registerId)}?recu=${encodeURIComponent(receipt.numero_recu)}`}>
          {t('receipt.returns')}
        </Link>
        {/* Who took what back, when and why. */}
        {refunded > 0 ? (
          <Link className="btn btn-link" to={saleReturnsPath(saleId)}>
            {t('receipt.returnsOfSale')}
          </Link>
        ) : null}
      </div>
      {returnDeadline ? (
        <p className="text-center small text-body-secondary d-print-none" data-testid="return-window-passed">
          {t('receipt.returnWindowPassed', { date: formatDate(returnDeadline, { withTime: true }) })}
        </p>
      ) : null}

      <article className="receipt card shadow-sm p-3" aria-labelledby="receipt-title" data-testid="receipt">
        <header className="text-center">
          <h1 id="receipt-title" className="h5 mb-1">
            {receipt.magasin.nom}
          </h1>
          {receipt.magasin.adresse ? <div>{receipt.magasin.adresse}</div> : null}
          {receipt.magasin.telephone ? <div>{receipt.magasin.telephone}</div> : null}
        </header>
        <div className="receipt-rule" />
        <dl className="mb-0">
          <div className="d-flex justify-content-between">
            <dt className="fw-normal">{t('receipt.number')}</dt>
            <dd className="mb-0" data-testid="receipt-number">
              {receipt.numero_recu}
            </dd>
          </div>
          <div className="d-flex justify-content-between">
            <dt className="fw-normal">{t('receipt.date')}</dt>
            <dd className="mb-0">{formatDate(receipt.date, { withTime: true })}</dd>
          </div>
          <div className="d-flex justify-content-between">
            <dt className="fw-normal">{t('receipt.register')}</dt>
            <dd className="mb-0">{receipt.caisse.nom}</dd>
          </div>
          {receipt.caissier ? (
            <div className="d-flex justify-content-between">
              <dt className="fw-normal">{t('receipt.clerk')}</dt>
              <dd className="mb-0">{receipt.caissier}</dd>
            </div>
          ) : null}
        </dl>
        <div className="receipt-rule" />
        <table data-testid="receipt-lines">
          <caption className="visually-hidden">{t('receipt.lines')}</caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('pos.cart.product')}</th>
              <th scope="col">{t('pos.cart.lineTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.lignes.map((line, index) => (
              <tr key={index}>
                <td>
                  <div className="pos-product-name">{line.nom}</div>
                  <div className="small">
                    {line.quantite} × {formatMoney(centsFromWire(line.prix_unitaire))}
                    {line.quantite_retournee > 0 ? ` · ${t('receipt.returned', { count: formatNumber(line.quantite_retournee) })}` : ''}
                  </div>
                </td>
                <td className="amount">{formatMoney(centsFromWire(line.total))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="receipt-rule" />
        <table>
          <tbody>
            <tr>
              <th scope="row" className="fw-normal">
                {t('pos.totals.subtotal')}
              </th>
              <td className="amount">{formatMoney(centsFromWire(receipt.sous_total))}</td>
            </tr>
            {receipt.taxes.map((tax) => (
              <tr key={tax.code}>
                <th scope="row" className="fw-normal">
                  {taxLabel(t, { code: tax.code, label: tax.libelle, ratePpm: ratePpmFromPercent(tax.taux) })}
                  {tax.numero_enregistrement ? <div className="small">{tax.numero_enregistrement}</div> : null}
                </th>
                <td className="amount">{formatMoney(centsFromWire(tax.montant))}</td>
              </tr>
            ))}
            <tr className="receipt-total">
              <th scope="row">{t('pos.totals.total')}</th>
              <td className="amount" data-testid="receipt-total">
                {formatMoney(centsFromWire(receipt.total))}
              </td>
            </tr>
            {/* Cash settles to the nickel (ADR 0023): what the drawer took beyond the total, or less. */}
            {cashRounding !== 0 ? (
              <tr>
                <th scope="row" className="fw-normal">
                  {t('receipt.cashRounding')}
                </th>
                <td className="amount" data-testid="receipt-cash-rounding">
                  {formatSignedMoney(cashRounding)}
                </td>
              </tr>
            ) : null}
            {receipt.paiements.map((payment, index) => (
              <tr key={index}>
                <th scope="row" className="fw-normal">
                  {t(MODE_LABEL[payment.mode])}
                </th>
                <td className="amount">{formatMoney(centsFromWire(payment.montant))}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="fw-normal">
                {t('receipt.change')}
              </th>
              <td className="amount" data-testid="receipt-change">
                {formatMoney(centsFromWire(receipt.monnaie_rendue))}
              </td>
            </tr>
            {refunded > 0 ? (
              <>
                <tr>
                  <th scope="row" className="fw-normal">
                    {refunds.length === 1 && refunds[0] ? t('receipt.refundedTo', { tender: t(MODE_LABEL[refunds[0].mode]) }) : t('receipt.refunded')}
                  </th>
                  <td className="amount" data-testid="receipt-refunded">
                    {formatMoney(-refunded)}
                  </td>
                </tr>
                {/* Split across tenders: what went back to the card, and the cash handed over. */}
                {refunds.length > 1
                  ? refunds.map((part) => (
                      <tr key={part.mode} className="small" data-testid={`receipt-refunded-${part.mode}`}>
                        <th scope="row" className="fw-normal ps-3">
                          {t('receipt.refundedPart', { tender: t(MODE_LABEL[part.mode]) })}
                        </th>
                        <td className="amount">{formatMoney(-part.cents)}</td>
                      </tr>
                    ))
                  : null}
                <tr>
                  <th scope="row">{t('receipt.net')}</th>
                  <td className="amount">{formatMoney(centsFromWire(receipt.net))}</td>
                </tr>
              </>
            ) : null}
          </tbody>
        </table>
        <div className="receipt-rule" />
        <p className="text-center mb-0">{t('receipt.thanks')}</p>
      </article>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
