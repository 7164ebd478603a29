import { Fragment } from 'react'

import type { SessionReportWire } from '~/lib/api/wire'
import { isBlind, type BlindSessionReport, type SessionReportView } from '~/lib/pos/blind-count'
import { formatDate, formatMoney, formatNumber, formatSignedMoney } from '~/lib/format'
import { centsFromWire } from '~/lib/money'
import { taxName } from '~/lib/pos/tax-labels'
import { useT } from '~/lib/root-data'

const money = (wire: string | null | undefined) => (wire ? formatMoney(centsFromWire(wire)) : '—')

/** Counted − expected, with what it means: « −0,02 $ (manque) ». */
export function Variance({ wire }: { wire: string | null }) {
  const t = useT()
  if (wire === null) return <>—</>
  const cents = centsFromWire(wire)
  return (
    <>
      {formatMoney(cents)} {cents === 0 ? t('report.balanced') : cents < 0 ? t('report.short') : t('report.over')}
    </>
  )
}

/** A cash rounding line, when there is one (an API from before ADR 0023 sends none). */
function CashRounding({ wire, testId }: { wire: string | undefined; testId: string }) {
  const t = useT()
  const cents = wire ? centsFromWire(wire) : 0
  if (cents === 0) return null
  return (
    <>
      <dt className="col-sm-6 fw-normal ps-4">{t('report.cashRounding')}</dt>
      <dd className="col-sm-6" data-testid={testId}>
        {formatSignedMoney(cents)}
      </dd>
    </>
  )
}

/** The X (running) or Z (closing) report of a drawer session. */
export function SessionReport({ session }: { session: SessionReportWire }) {
  const t = useT()
  const report = session.rapport
  const variance = report.ecart === null ? null : centsFromWire(report.ecart)
  return (
    <div className="card shadow-sm" data-testid="session-report">
      <div className="card-body">
        <h2 className="h5">
          {report.type === 'Z' ? t('report.zTitle') : t('report.xTitle')}{' '}
          <span className={`badge ${session.statut === 'ouverte' ? 'text-bg-success' : 'text-bg-secondary'}`}>
            {session.statut === 'ouverte' ? t('registers.open') : t('registers.closed')}
          </span>
        </h2>
        <dl className="row mb-0">
          <dt className="col-sm-6 fw-normal">{t('report.openedAt')}</dt>
          <dd className="col-sm-6">{formatDate(session.ouverte_le, { withTime: true })}</dd>
          {session.fermee_le ? (
            <>
              <dt className="col-sm-6 fw-normal">{t('report.closedAt')}</dt>
              <dd className="col-sm-6">{formatDate(session.fermee_le, { withTime: true })}</dd>
            </>
          ) : null}
          <dt className="col-sm-6 fw-normal">{t('session.float')}</dt>
          <dd className="col-sm-6 amount text-sm-start">{money(session.fond_de_caisse)}</dd>
          <dt className="col-sm-6 fw-normal">{t('report.salesCount')}</dt>
          <dd className="col-sm-6">{formatNumber(report.ventes.nombre)}</dd>
          <dt className="col-sm-6 fw-normal">{t('pos.totals.subtotal')}</dt>
          <dd className="col-sm-6">{money(report.ventes.sous_total)}</dd>
          {report.ventes.taxes.map((tax) => (
            <Fragment key={tax.code}>
              <dt className="col-sm-6 fw-normal">{taxName(t, tax.code)}</dt>
              <dd className="col-sm-6">{money(tax.montant)}</dd>
            </Fragment>
          ))}
          <dt className="col-sm-6">{t('report.salesTotal')}</dt>
          <dd className="col-sm-6 fw-semibold">{money(report.ventes.total)}</dd>
          {report.paiements.map((payment) => (
            <Fragment key={payment.mode}>
              <dt className="col-sm-6 fw-normal">{t(`report.tender.${payment.mode}`)}</dt>
              <dd className="col-sm-6">{money(payment.montant)}</dd>
            </Fragment>
          ))}
          {/* Cash settles to the nickel (ADR 0023): why the tenders are not the sales total to the cent. */}
          <CashRounding wire={report.ventes.arrondi_especes} testId="sales-cash-rounding" />
          <dt className="col-sm-6 fw-normal">{t('report.returns', { count: formatNumber(report.retours.nombre) })}</dt>
          <dd className="col-sm-6">{money(report.retours.total)}</dd>
          {/* What went back by each tender, cash first: a refund split card + cash counts its part in each. */}
          {report.retours.par_mode.map((part) => (
            <Fragment key={`refund-${part.mode}`}>
              <dt className="col-sm-6 fw-normal ps-4">{t('report.refundedTo', { tender: t(`receipt.mode.${part.mode}`).toLocaleLowerCase('fr-CA') })}</dt>
              <dd className="col-sm-6" data-testid={`refund-${part.mode}`}>
                {money(part.montant)}
              </dd>
            </Fragment>
          ))}
          <CashRounding wire={report.retours.arrondi_especes} testId="refunds-cash-rounding" />
        </dl>
        <hr />
        <dl className="row mb-0 fs-5">
          <dt className="col-sm-6 fw-normal">{t('report.expectedCash')}</dt>
          <dd className="col-sm-6" data-testid="expected-cash">
            {money(report.especes_attendues)}
          </dd>
          {report.especes_comptees !== null ? (
            <>
              <dt className="col-sm-6 fw-normal">{t('report.countedCash')}</dt>
              <dd className="col-sm-6" data-testid="counted-cash">
                {money(report.especes_comptees)}
              </dd>
              <dt className="col-sm-6 fw-normal">{t('report.variance')}</dt>
              <dd
                className={`col-sm-6 fw-semibold ${variance === 0 ? 'text-success' : 'text-danger'}`}
                data-testid="variance"
              >
                <Variance wire={report.ecart} />
              </dd>
            </>
          ) : null}
        </dl>
        {session.note ? (
          // What the clerk wrote at the counter (a shortfall explained, a note for the manager).
          <p className="mt-3 mb-0" data-testid="session-note">
            <span className="fw-semibold">{t('report.note')}</span> {session.note}
          </p>
        ) : null}
      </div>
    </div>
  )
}

/** A clerk's X report (ADR 0026): what the session holds, no amount that gives the count away. */
function BlindReport({ session }: { session: BlindSessionReport }) {
  const t = useT()
  return (
    <div className="card shadow-sm" data-testid="session-report">
      <div className="card-body">
        <h2 className="h5">
          {t('report.xTitle')} <span className="badge text-bg-success">{t('registers.open')}</span>
        </h2>
        <dl className="row">
          <dt className="col-sm-6 fw-normal">{t('report.openedAt')}</dt>
          <dd className="col-sm-6">{formatDate(session.ouverte_le, { withTime: true })}</dd>
          <dt className="col-sm-6 fw-normal">{t('session.float')}</dt>
          <dd className="col-sm-6 amount text-sm-start">{money(session.fond_de_caisse)}</dd>
          <dt className="col-sm-6 fw-normal">{t('report.salesCount')}</dt>
          <dd className="col-sm-6">{formatNumber(session.salesCount)}</dd>
          <dt className="col-sm-6 fw-normal">{t('report.returnsCount')}</dt>
          <dd className="col-sm-6">{formatNumber(session.returnsCount)}</dd>
        </dl>
        <p className="mb-0 text-body-secondary" data-testid="blind-count">
          {t('report.blindCount')}
        </p>
      </div>
    </div>
  )
}

/** The session's report as the loader let this user see it: full, or blind for a clerk while it is open. */
export function SessionReportFor({ view }: { view: SessionReportView }) {
  return isBlind(view) ? <BlindReport session={view} /> : <SessionReport session={view} />
}
