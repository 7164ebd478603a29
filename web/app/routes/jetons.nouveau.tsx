import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { CheckGroup } from '~/components/form-controls'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ALREADY_CREATED, NEW_TOKEN_PAGE, rememberNewToken } from '~/lib/access/new-token.server'
import { createToken, tokenAlreadyCreated } from '~/lib/access/tokens.server'
import { flashNotice } from '~/lib/auth/session.server'
import { ADMIN_ROLES } from '~/lib/auth/roles'
import { newFormKey } from '~/lib/form-key.server'
import { storeDay } from '~/lib/format'
import { TOKEN_FIELDS, TOKEN_SCOPES, parseToken } from '~/lib/forms/access'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { echoFields, firstFieldInError, type FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { pageTitle } from '~/lib/meta'
import { useIsPending } from '~/lib/pending'
import { mutation, redirectWithSession, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'tokens.newTitle') }]

const PATH = '/jetons/nouveau'

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await signedIn(args)
  requireRole(user, ADMIN_ROLES)
  // The earliest last day the date field offers (the stores' today, not the server's);
  // the Idempotency-Key every copy of this rendering of the form posts.
  return { today: storeDay(), formKey: newFormKey() }
}

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session } = await mutation(args)
  requireRole(user, ADMIN_ROLES)
  const values = { ...echoFields(form, ['nom', 'expire_le']), scopes: form.getAll('scopes').map(String).join(',') }
  const parsed = parseToken(form)
  if (!parsed.ok) return invalidForm(parsed.errors, { intent: 'save', values })
  let created
  try {
    created = await createToken(api, parsed.value, form)
  } catch (error) {
    const earlier = tokenAlreadyCreated(error)
    if (earlier !== null) {
      // A second copy of this form (double click, the browser's retry): the first made the token, and
      // only the first copy's answer could show its secret. The list points at it, to revoke if it was lost.
      flashNotice(session, { kind: 'warning', message: { key: 'tokens.alreadyCreated', params: { name: parsed.value.name } } })
      return redirectWithSession(`${NEW_TOKEN_PAGE}?${ALREADY_CREATED}=${earlier}#jeton-${earlier}`, session)
    }
    // The same key with other values: a copy of the form kept from before (the browser's back button).
    return apiRefusal(error, TOKEN_FIELDS, { intent: 'save', values }, { IDEMPOTENCY_CONFLICT: 'tokens.formAlreadyUsed' })
  }
  // The secret goes to the tokens page in its own one-time cookie, never in the URL. No notice besides:
  // the box showing the secret says the token was created (the page said it twice).
  const newToken = await rememberNewToken({ id: created.id, name: created.nom, token: created.token }, user.id)
  return redirectWithSession(NEW_TOKEN_PAGE, session, { headers: { 'Set-Cookie': newToken } })
}

export default function NewTokenPage() {
  const { today, formKey } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm((input) => parseToken(input), refusal)
  const pending = useIsPending({ formAction: PATH })
  const first = firstFieldInError(fieldErrors, TOKEN_FIELDS)
  const shown = refusal?.values ?? { scopes: 'read' }
  const checked = (shown.scopes ?? '').split(',')

  return (
    <>
      <PageHeader
        title={t('tokens.newTitle')}
        crumbs={[
          { label: t('management.title'), to: '/gestion' },
          { label: t('tokens.title'), to: '/jetons' },
          { label: t('users.newCrumb') },
        ]}
        lead={t('tokens.newLead')}
      />
      <Form method="post" action={PATH} noValidate onSubmit={onSubmit} ref={formRef} className="card shadow-sm" aria-label={t('tokens.newTitle')}>
        <div className="card-body">
          <CsrfField />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="cle" value={formKey} />
          <FormError error={formError} />
          <Field
            formId="new-token"
            name="nom"
            label={t('tokens.name')}
            help={t('tokens.nameHelp')}
            defaultValue={shown.nom}
            maxLength={100}
            autoComplete="off"
            required
            error={fieldErrors.nom}
            autoFocus={first === 'nom' || first === null}
          />
          <CheckGroup
            formId="new-token"
            name="scopes"
            label={t('tokens.scopes')}
            help={t('tokens.scopesHelp')}
            options={TOKEN_SCOPES.map((scope) => ({ value: scope, label: t(`tokens.scope.${scope}`) }))}
            checked={checked}
            error={fieldErrors.scopes}
            autoFocus={first === 'scopes'}
          />
          <Field
            formId="new-token"
            name="expire_le"
            label={t('tokens.lastDay')}
            help={t('tokens.lastDayHelp')}
            type="date"
            min={today}
            defaultValue={shown.expire_le}
            error={fieldErrors.expire_le}
            autoFocus={first === 'expire_le'}
          />
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {t('tokens.create')}
          </button>
        </div>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
