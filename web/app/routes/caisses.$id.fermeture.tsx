import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState, type FormEvent } from 'react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { SessionReportFor } from '~/components/session-report'
import { ApiError, ok, okOrNull } from '~/lib/api/client.server'
import { focusFirstRefusalOnceDrawn, useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { parseCloseSession, type FieldErrors } from '~/lib/forms/schemas'
import type { Message } from '~/lib/i18n/index'
import { pageTitle } from '~/lib/meta'
import { centsToWire } from '~/lib/money'
import { useIsPending } from '~/lib/pending'
import { sessionReportFor } from '~/lib/pos/blind-count'
import { registerFor } from '~/lib/pos/pos.server'
import { registerCrumbs, registerHeading, registerHomePath } from '~/lib/pos/register-heading'
import { actionErrorFrom, idParam, loading, mutation, redirectWithNotice, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { currentSession, currentSessionSummary, getStore } from '~/lib/stores.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'close.title', { register: data.register.nom }) : pageTitle(matches, 'close.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const registerId = idParam(args.params.id)
  return loading(async () => {
    const register = await registerFor(api, user, registerId)
    const [store, session] = await Promise.all([getStore(api, register.magasin_id), currentSession(api, register)])
    return {
      register: registerHeading(register, store),
      // A clerk counts blind: the expected cash shows on the Z report, after the count.
      session: session && sessionReportFor(user, session),
    }
  })
}

interface CloseResult {
  error?: Message
  fieldErrors?: FieldErrors
  values?: Record<string, string>
}

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session } = await mutation(args)
  const registerId = idParam(args.params.id)
  return loading(async () => {
    const register = await registerFor(api, user, registerId)
    const values = { especes_comptees: String(form.get('especes_comptees') ?? ''), note: String(form.get('note') ?? '') }
    const parsed = parseCloseSession(form)
    if (!parsed.ok) return data<CloseResult>({ fieldErrors: parsed.errors, values }, { status: 422 })
    const open = await currentSessionSummary(api, register)
    const postedId = Number(form.get('session_id'))
    if (!open && Number.isInteger(postedId) && postedId > 0) {
      // Posted twice (double click, retry): the first one closed it; show its report.
      const closed = await okOrNull(api.GET('/api/v1/register-sessions/{id}', { params: { path: { id: postedId } } }))
      if (closed?.caisse_id === register.id && closed.statut === 'fermee') return redirect(`/caisses/${register.id}/sessions/${postedId}`)
    }
    // The form names the session it showed; close that one, not one opened since.
    if (!open || open.id !== postedId) {
      return data<CloseResult>({ error: { key: 'close.sessionChanged' }, values }, { status: 409 })
    }
    try {
      await ok(
        api.POST('/api/v1/register-sessions/{id}/close', {
          params: { path: { id: open.id ?? 0 } },
          body: { especes_comptees: centsToWire(parsed.value.countedCents), ...(parsed.value.note ? { note: parsed.value.note } : {}) },
        })
      )
    } catch (error) {
      return data<CloseResult>({ error: actionErrorFrom(error), values }, { status: error instanceof ApiError ? error.status : 503 })
    }
    return redirectWithNotice(`/caisses/${register.id}/sessions/${open.id}`, session, {
      kind: 'success',
      message: { key: 'close.done' },
      focus: true,
    })
  })
}

export default function CloseRegisterPage() {
  const { register, session } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as CloseResult | undefined
  const t = useT()
  const path = `/caisses/${register.id}/fermeture`
  const pending = useIsPending({ formAction: path })
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null)
  const fieldErrors = localErrors ?? result?.fieldErrors
  // The server's refusal (a session closed meanwhile, the API refusing the count) takes the focus too.
  useFocusOnRefusal(result)

  const validate = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseCloseSession(new FormData(event.currentTarget))
    setLocalErrors(parsed.ok ? null : parsed.errors)
    if (!parsed.ok) {
      event.preventDefault()
      focusFirstRefusalOnceDrawn(event.currentTarget)
    }
  }

  return (
    <>
      <PageHeader
        title={t('close.title', { register: register.nom })}
        crumbs={registerCrumbs(register, t('close.crumb'))}
      />
      {!session ? (
        <div className="alert alert-info">
          {t('close.alreadyClosed')}{' '}
          <Link to={registerHomePath(register)} className="alert-link">
            {register.active ? t('close.backToPos') : t('report.backToRegisters')}
          </Link>
        </div>
      ) : (
        <div className="row g-3">
          <div className="col-lg-6">
            <SessionReportFor view={session} />
          </div>
          <div className="col-lg-6">
            <Form method="post" action={path} className="card shadow-sm" noValidate onSubmit={validate}>
              <div className="card-body">
                <h2 className="h5">{t('close.countTitle')}</h2>
                <p className="text-body-secondary">{t('close.countHelp')}</p>
                <CsrfField />
                <input type="hidden" name="session_id" value={session.id} />
                <FormError error={result?.error} />
                <Field
                  formId="close"
                  name="especes_comptees"
                  label={t('close.counted')}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="0,00"
                  defaultValue={result?.values?.especes_comptees}
                  required
                  autoFocus
                  error={fieldErrors?.especes_comptees}
                />
                <Field formId="close" name="note" label={t('close.note')} maxLength={500} defaultValue={result?.values?.note} error={fieldErrors?.note} />
                <button type="submit" className="btn btn-danger" disabled={pending}>
                  {pending ? t('close.closing') : t('close.submit')}
                </button>
              </div>
            </Form>
          </div>
        </div>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
