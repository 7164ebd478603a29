import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { TitledCard } from '~/components/titled-card'
import { changeOwnPassword } from '~/lib/access/account.server'
import { formatNumber } from '~/lib/format'
import { PASSWORD_CHANGE_FIELDS, PASSWORD_MIN_LENGTH, parsePasswordChange } from '~/lib/forms/access'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { bindFields, type FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { pageTitle } from '~/lib/meta'
import { useIsPending } from '~/lib/pending'
import { loading, mutation, redirectWithNotice, signedIn } from '~/lib/request.server'
import { getStore } from '~/lib/stores.server'
import { ok } from '~/lib/api/client.server'
import { mustChangePassword } from '~/lib/auth/password-change'
import { notePasswordChosen } from '~/lib/auth/password-change.server'
import { homeFor } from '~/lib/nav'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'account.title') }]

/**
 * Every signed-in user, whatever the role: who they are, and their password.
 * A user whose password an administrator set lands here and cannot leave
 * until they chose their own (the API answers nothing else for them, not
 * even their store's name).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const forced = mustChangePassword(user)
  return loading(async () => {
    // Who the API says this is now: the session cookie holds what was true at sign-in (a user
    // renamed or moved since), and a session revoked since ends here, as on any other page.
    const me = await ok(api.GET('/api/v1/auth/me'))
    const now = 'utilisateur' in me ? me.utilisateur : null
    const storeId = now ? now.magasin_id : user.storeId
    return {
      username: now?.nom_utilisateur ?? user.username,
      fullName: now?.nom_complet ?? user.fullName,
      role: now?.role ?? user.role,
      store: storeId === null || forced ? null : (await getStore(api, storeId)).nom,
      mustChangePassword: forced,
    }
  })
}

export async function action(args: ActionFunctionArgs) {
  const { api, form, session, user } = await mutation(args)
  // Nothing typed comes back into the page: all three fields are passwords.
  const parsed = parsePasswordChange(form)
  if (!parsed.ok) return invalidForm(parsed.errors)
  try {
    await changeOwnPassword(api, parsed.value)
  } catch (error) {
    return apiRefusal(error, PASSWORD_CHANGE_FIELDS)
  }
  if (mustChangePassword(user)) {
    // The password is theirs now: on to their work, where the menu leads again.
    notePasswordChosen(session)
    return redirectWithNotice(homeFor({ ...user, mustChangePassword: false }), session, { kind: 'success', message: { key: 'account.chosen' } })
  }
  return redirectWithNotice('/compte', session, { kind: 'success', message: { key: 'account.changed' } })
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm(parsePasswordChange, refusal)
  const pending = useIsPending({ formAction: '/compte' })
  const field = bindFields('password', fieldErrors, PASSWORD_CHANGE_FIELDS)

  return (
    <>
      <PageHeader title={t('account.title')} crumbs={[{ label: t('account.title') }]} />
      {account.mustChangePassword ? (
        <div className="alert alert-warning" role="alert" data-testid="password-change-required">
          <p className="fw-semibold mb-1">{t('account.mustChangeTitle')}</p>
          <p className="mb-0">{t('account.mustChangeWhy')}</p>
        </div>
      ) : null}
      <div className="row g-4">
        <div className="col-lg-4">
          <TitledCard id="account-who" title={account.fullName}>
            <dl className="mb-0" data-testid="account-summary">
              <dt>{t('account.username')}</dt>
              <dd>{account.username}</dd>
              <dt>{t('account.role')}</dt>
              <dd>{t(`role.${account.role}`)}</dd>
              {account.store !== null ? (
                <>
                  <dt>{t('account.store')}</dt>
                  <dd className="mb-0">{account.store}</dd>
                </>
              ) : null}
            </dl>
          </TitledCard>
        </div>
        <div className="col-lg-8">
          <TitledCard id="account-password" title={t('account.passwordTitle')}>
            <p className="text-body-secondary">{t('account.passwordIntro')}</p>
            <Form method="post" action="/compte" noValidate onSubmit={onSubmit} ref={formRef} aria-labelledby="account-password">
              <CsrfField />
              <FormError error={formError} />
              {/* The username lets password managers file the new password under the right account. */}
              <input type="text" name="username" autoComplete="username" value={account.username} readOnly hidden />
              <Field {...field('mot_de_passe_actuel')} label={t('account.current')} type="password" autoComplete="current-password" maxLength={256} required />
              <Field
                {...field('nouveau_mot_de_passe')}
                label={t('account.new')}
                help={t('account.newHelp', { min: formatNumber(PASSWORD_MIN_LENGTH) })}
                type="password"
                autoComplete="new-password"
                maxLength={128}
                required
              />
              <Field {...field('confirmation')} label={t('account.confirmation')} type="password" autoComplete="new-password" maxLength={128} required />
              <button type="submit" className="btn btn-primary" disabled={pending}>
                {pending ? t('account.submitting') : t('account.submit')}
              </button>
            </Form>
          </TitledCard>
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
