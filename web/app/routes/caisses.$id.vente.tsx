import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigate } from '@remix-run/react'
import { useEffect, useReducer, useRef, useState, type FormEvent } from 'react'

import { FormError } from '~/components/form-field'
import { PageHeader } from '~/components/page-header'
import { CartPanel } from '~/components/pos/cart-panel'
import { PaymentForm } from '~/components/pos/payment-form'
import { SearchPanel } from '~/components/pos/search-panel'
import { SessionOpenForm } from '~/components/pos/session-open-form'
import { usePosSubmit } from '~/components/pos/use-pos-submit'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { formatMoney, formatTimeToday } from '~/lib/format'
import { useHydrated } from '~/lib/hydrated'
import { useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { parseOpenSession, parsePayment, parseScan, type FieldErrors } from '~/lib/forms/schemas'
import { pageTitle } from '~/lib/meta'
import { posPath, registerSessionsPath } from '~/lib/paths'
import { loadPos, runPosAction } from '~/lib/pos/pos.server'
import type { PosActionResult, PosIntent } from '~/lib/pos/types'
import { idParam, loading, mutation, signedIn } from '~/lib/request.server'
import { useCarriedRefusal, useT } from '~/lib/root-data'

export const handle = { wide: true }

const CART_STEPS: PosIntent[] = ['add', 'set-qty', 'remove', 'clear']
const isCartStep = (intent: PosIntent) => CART_STEPS.includes(intent)

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'pos.title', { register: data.register.nom, store: data.register.storeName }) : pageTitle(matches, 'pos.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  const ctx = await signedIn(args)
  return loading(() => loadPos(ctx, idParam(args.params.id), new URL(args.request.url)))
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  return loading(() => runPosAction(ctx, idParam(args.params.id)))
}

export default function PointOfSalePage() {
  const view = useLoaderData<typeof loader>()
  // Without JavaScript a refusal comes back through a redirect (runPosAction): carried by the root loader.
  const carried = useCarriedRefusal<PosActionResult>()
  const serverResult = (useActionData<typeof action>() as PosActionResult | undefined) ?? carried
  const t = useT()
  const navigate = useNavigate()
  const action = posPath(view.register.id)
  const scanRef = useRef<HTMLInputElement>(null)
  // Redraws the cart's quantity fields after a refused change: a refused 5000 must not stay typed there.
  const [cartRefusals, countCartRefusal] = useReducer((count: number) => count + 1, 0)
  // After a step that went through (a cart change, the drawer opened), the clerk is back in the scan
  // field: the quantity field just used is rendered anew, and the focus would fall to <body>. So after
  // a cart change refused: its message is announced (role="alert"), and the scanner's next code must
  // land in the scan field, not on the message.
  const { fetcher, result: fetched, dismiss, onSubmit, pending } = usePosSubmit(action, (answer) => {
    if (answer !== undefined && isCartStep(answer.intent)) countCartRefusal()
    if (answer === undefined || isCartStep(answer.intent)) scanRef.current?.focus()
  })
  const payRef = useRef<HTMLInputElement>(null)
  // Errors found in the browser before sending (same schemas as the server).
  const [local, setLocal] = useState<{ intent: PosIntent; fieldErrors: FieldErrors; values?: Record<string, string> } | null>(null)

  const result: PosActionResult | undefined = local ?? fetched ?? serverResult
  const resultFor = (...intents: PosIntent[]) => (result && intents.includes(result.intent) ? result : undefined)
  const paying = pending && String(fetcher.formData?.get('intent') ?? '').startsWith('pay')
  const open = view.session !== null
  // Shortcuts need JavaScript: without it they are not advertised.
  const hydrated = useHydrated()

  const submitCart = (event: FormEvent<HTMLFormElement>) => {
    setLocal(null)
    onSubmit(event)
  }

  const submitScan = (event: FormEvent<HTMLFormElement>) => {
    let accepted = false
    onSubmit(event, (formData) => {
      const parsed = parseScan(formData)
      setLocal(parsed.ok ? null : { intent: 'scan', fieldErrors: parsed.errors })
      accepted = parsed.ok
      return parsed.ok
    })
    // A scanner types the next code right away: the field is free again at once. Refused here (a
    // quantity out of range), the entry stays selected: the next scan replaces it instead of joining it.
    // Selected at once, not on the next frame: a scanner's next code may already be coming.
    if (accepted && scanRef.current) scanRef.current.value = ''
    else scanRef.current?.select()
  }

  const submitPayment = (event: FormEvent<HTMLFormElement>) => {
    onSubmit(event, (formData) => {
      if (formData.get('intent') !== 'pay') {
        setLocal(null)
        return true
      }
      const parsed = parsePayment(formData, view.cart.totals.totalCents)
      const values = { carte: String(formData.get('carte') ?? ''), especes: String(formData.get('especes') ?? '') }
      setLocal(parsed.ok ? null : { intent: 'pay', fieldErrors: parsed.errors, values })
      return parsed.ok
    })
  }

  const submitOpen = (event: FormEvent<HTMLFormElement>) => {
    onSubmit(event, (formData) => {
      const parsed = parseOpenSession(formData)
      setLocal(parsed.ok ? null : { intent: 'open', fieldErrors: parsed.errors })
      return parsed.ok
    })
  }

  // A scan the server could not match comes back to the field, selected, for correction — unless
  // the clerk is already typing the next code (a scanner's burst): that code is not overwritten.
  useEffect(() => {
    const scanResult = fetched?.intent === 'scan' ? fetched : undefined
    if (scanResult?.values?.q && scanRef.current && scanRef.current.value === '') {
      scanRef.current.value = scanResult.values.q
      scanRef.current.select()
    }
  }, [fetched])

  // A refusal, found here or by the server, takes the focus: the API refusing the payment while its
  // button was disabled, a cart change refused (its button may be gone, or the focus left on it).
  useFocusOnRefusal(local)
  useFocusOnRefusal(fetched && !isCartStep(fetched.intent) ? fetched : undefined)

  // Keyboard: F2 search, F4 pay, Esc clears the search.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F2') {
        event.preventDefault()
        scanRef.current?.focus()
        scanRef.current?.select()
      } else if (event.key === 'F4') {
        event.preventDefault()
        payRef.current?.focus()
      } else if (event.key === 'Escape') {
        const input = scanRef.current
        if (input && input.value !== '') {
          input.value = ''
          input.focus()
        } else if (view.search.term) {
          navigate(action)
          input?.focus()
        }
        setLocal(null)
        dismiss()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [action, navigate, view.search.term, dismiss])

  const scanResult = resultFor('scan')
  const cartResult = resultFor(...CART_STEPS)
  // A cart change refused (a product withdrawn meanwhile, a full cart, a quantity out of range): one message above the cart.
  const cartError = cartResult?.error ?? Object.values(cartResult?.fieldErrors ?? {})[0]
  const payResult = resultFor('pay', 'pay-card', 'pay-cash')
  const openResult = resultFor('open')

  return (
    <>
      <PageHeader
        compact
        title={t('pos.title', { register: view.register.nom, store: view.register.storeName })}
        crumbs={[
          { label: view.register.storeName, to: `/magasins/${view.register.storeId}/caisses` },
          { label: view.register.nom },
        ]}
        actions={
          <>
            <Link className="btn btn-outline-secondary btn-sm" to={`/caisses/${view.register.id}/retours`}>
              {t('pos.returnsLink')}
            </Link>
            {open && view.session ? (
              <>
                <Link className="btn btn-outline-secondary btn-sm" to={`/caisses/${view.register.id}/sessions/${view.session.id}`}>
                  {t('pos.xReportLink')}
                </Link>
                <Link className="btn btn-outline-danger btn-sm" to={`/caisses/${view.register.id}/fermeture`}>
                  {t('pos.closeLink')}
                </Link>
              </>
            ) : (
              // Closed: the last Z report is one of these.
              <Link className="btn btn-outline-secondary btn-sm" to={registerSessionsPath(view.register.id)}>
                {t('sessions.link')}
              </Link>
            )}
          </>
        }
      />
      <div className="d-flex flex-wrap justify-content-between gap-2 mb-2 small">
        <span data-testid="session-state">
          {open && view.session ? (
            <span className="badge text-bg-success">
              {t('pos.sessionOpenSince', { time: formatTimeToday(view.session.openedAt), amount: formatMoney(view.session.floatCents) })}
            </span>
          ) : (
            <span className="badge text-bg-warning">{t('pos.sessionClosed')}</span>
          )}
        </span>
        {hydrated ? (
          <span className="pos-shortcuts text-body-secondary" aria-label={t('pos.shortcuts.label')} data-testid="shortcuts">
            <kbd>F2</kbd>
            {t('pos.shortcuts.search')} · <kbd>F4</kbd>
            {t('pos.shortcuts.pay')} · <kbd>{t('pos.shortcuts.escKey')}</kbd>
            {t('pos.shortcuts.clear')} · <kbd>↓</kbd>
            {t('pos.shortcuts.results')} · <kbd>{t('pos.shortcuts.enterKey')}</kbd>
            {t('pos.shortcuts.enter')}
          </span>
        ) : null}
      </div>

      <FormError error={cartError} id="pos-cart-error" autoFocus={false} />

      <div className="row g-3">
        <div className="col-md-6 col-xl-7">
          {!open ? (
            <SessionOpenForm
              action={action}
              pending={pending}
              error={openResult?.error}
              fieldErrors={openResult?.fieldErrors}
              values={openResult?.values}
              onSubmit={submitOpen}
            />
          ) : null}
          <SearchPanel
            ref={scanRef}
            action={action}
            search={view.search}
            disabled={!open}
            error={scanResult?.error ?? scanResult?.fieldErrors?.q}
            value={scanResult?.values?.q}
            autoFocus={open && !payResult}
            shortcuts={hydrated}
            onSubmit={submitCart}
            onScanSubmit={submitScan}
          />
        </div>
        <div className="col-md-6 col-xl-5">
          <div className="pos-sticky">
            <CartPanel action={action} cart={view.cart} pending={pending && !paying} onSubmit={submitCart} revision={cartRefusals} />
            <PaymentForm
              ref={payRef}
              action={action}
              totalCents={view.cart.totals.totalCents}
              idempotencyKey={view.idempotencyKey}
              cartVersion={view.cart.version}
              disabled={!open || !view.cart.sellable}
              paying={paying}
              shortcuts={hydrated}
              error={payResult?.error}
              fieldErrors={payResult?.fieldErrors}
              values={payResult?.values}
              onSubmit={submitPayment}
            />
          </div>
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
