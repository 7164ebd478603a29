import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState, type FormEvent } from 'react'

import { AuthCard } from '~/components/auth-card'
import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ApiError, ok } from '~/lib/api/client.server'
import { apiErrorMessage } from '~/lib/api/errors'
import { authState, getSession, safeRedirectPath, signIn } from '~/lib/auth/session.server'
import { signInNotice } from '~/lib/auth/sign-in-notice'
import type { SessionUser } from '~/lib/auth/roles'
import { ACCOUNT_PATH, mustChangePassword } from '~/lib/auth/password-change'
import { focusFirstRefusalOnceDrawn, useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { parseLogin, type FieldErrors } from '~/lib/forms/schemas'
import type { Message } from '~/lib/i18n/index'
import { pageTitle } from '~/lib/meta'
import { homeFor } from '~/lib/nav'
import { actionErrorFrom, anonymousApi, checkedForm, redirectWithSession } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'auth.title') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const url = new URL(request.url)
  const state = authState(session)
  if (state.kind === 'signed-in') throw redirect(safeRedirectPath(url.searchParams.get('redirectTo'), homeFor(state.user)))
  return {
    notice: signInNotice(url.searchParams, state.kind === 'expired'),
    redirectTo: safeRedirectPath(url.searchParams.get('redirectTo'), ''),
  }
}

interface LoginActionData {
  error?: Message
  fieldErrors?: FieldErrors
  identifiant: string
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args
  const session = await getSession(request)
  const form = await checkedForm(request, session)
  const identifiant = String(form.get('identifiant') ?? '').trim()
  const parsed = parseLogin(form)
  if (!parsed.ok) return data<LoginActionData>({ fieldErrors: parsed.errors, identifiant }, { status: 422 })

  const api = anonymousApi(args)
  try {
    const login = await ok(
      api.POST('/api/v1/auth/login', {
        body: { identifiant: parsed.value.identifiant, mot_de_passe: parsed.value.motDePasse },
      })
    )
    const user: SessionUser = {
      id: login.utilisateur.id,
      username: login.utilisateur.nom_utilisateur,
      fullName: login.utilisateur.nom_complet,
      role: login.utilisateur.role,
      storeId: login.utilisateur.magasin_id,
      mustChangePassword: login.utilisateur.doit_changer_mot_de_passe,
    }
    signIn(session, { token: login.token, expiresAt: login.expire_le, user })
    // A password an administrator set: the account page first, which says why.
    const target = mustChangePassword(user) ? ACCOUNT_PATH : safeRedirectPath(form.get('redirectTo'), homeFor(user))
    return redirectWithSession(target, session)
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 429)) {
      const headers: HeadersInit = {}
      const retryAfter = (error.envelope.details as { retry_after?: unknown } | null)?.retry_after
      if (error.status === 429 && typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter)
      const message: Message = error.status === 401 ? { key: 'auth.invalid' } : apiErrorMessage(error.envelope)
      return data<LoginActionData>({ error: message, identifiant }, { status: error.status, headers })
    }
    return data<LoginActionData>({ error: actionErrorFrom(error), identifiant }, { status: 503 })
  }
}

export default function LoginPage() {
  const { notice, redirectTo } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as LoginActionData | undefined
  const t = useT()
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formAction?.startsWith('/connexion') === true
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null)
  const fieldErrors = localErrors ?? result?.fieldErrors
  // The server's refusal (wrong credentials, too many attempts) takes the focus.
  useFocusOnRefusal(result)

  const validate = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseLogin(new FormData(event.currentTarget))
    setLocalErrors(parsed.ok ? null : parsed.errors)
    if (!parsed.ok) {
      event.preventDefault()
      focusFirstRefusalOnceDrawn(event.currentTarget)
    }
  }

  return (
    <AuthCard title={t('auth.title')}>
      {notice ? (
        <div className="alert alert-warning" role="status">
          {t(notice)}
        </div>
      ) : null}
      <FormError error={result?.error} testId="login-error" />
      {/* Works without JavaScript (a plain POST); with it, no page reload. */}
      <Form method="post" action="/connexion" noValidate onSubmit={validate}>
        <CsrfField />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field
          formId="login"
          name="identifiant"
          label={t('auth.identifier')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={result?.identifiant}
          required
          autoFocus={!result?.identifiant || Boolean(fieldErrors?.identifiant)}
          error={fieldErrors?.identifiant}
        />
        <Field
          formId="login"
          name="mot_de_passe"
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          required
          autoFocus={Boolean(result?.identifiant) && !fieldErrors?.identifiant}
          error={fieldErrors?.mot_de_passe}
        />
        <button type="submit" className="btn btn-primary w-100" disabled={pending}>
          {pending ? t('auth.submitting') : t('auth.submit')}
        </button>
      </Form>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
