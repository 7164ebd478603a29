import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'

import { UserForm } from '~/components/access/user-form'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { createUser } from '~/lib/access/users.server'
import { storeChoices } from '~/lib/stores.server'
import { ADMIN_ROLES } from '~/lib/auth/roles'
import { USER_FIELDS, parseUser } from '~/lib/forms/access'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { echoFields, type FormRefusal } from '~/lib/forms/refusals'
import { pageTitle } from '~/lib/meta'
import { loading, mutation, redirectWithNotice, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { newFormKey } from '~/lib/form-key.server'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'users.newTitle') }]

// Never echoed back into the page: the password.
const ECHOED = USER_FIELDS.filter((name) => name !== 'mot_de_passe')

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, ADMIN_ROLES)
  return loading(async () => ({ stores: await storeChoices(api), formKey: newFormKey() }))
}

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session } = await mutation(args)
  requireRole(user, ADMIN_ROLES)
  const values = echoFields(form, ECHOED)
  const parsed = parseUser(form, { creating: true })
  if (!parsed.ok) return invalidForm(parsed.errors, { intent: 'save', values })
  let created
  try {
    created = await createUser(api, parsed.value, form)
  } catch (error) {
    return apiRefusal(error, USER_FIELDS, { intent: 'save', values })
  }
  return redirectWithNotice(`/utilisateurs/${created.id}`, session, {
    kind: 'success',
    message: { key: 'users.created', params: { name: created.nom_utilisateur } },
  })
}

export default function NewUserPage() {
  const { stores, formKey } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  return (
    <>
      <PageHeader
        title={t('users.newTitle')}
        crumbs={[
          { label: t('management.title'), to: '/gestion' },
          { label: t('users.title'), to: '/utilisateurs' },
          { label: t('users.newCrumb') },
        ]}
      />
      <UserForm creating action="/utilisateurs/nouveau" stores={stores} values={{}} refusal={refusal} formKey={formKey} />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
