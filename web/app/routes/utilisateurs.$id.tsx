import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { UserForm } from '~/components/access/user-form'
import { ActiveBadge } from '~/components/active-badge'
import { ActiveToggle } from '~/components/active-toggle'
import { PageHeader } from '~/components/page-header'
import { RecordLayout } from '~/components/record-layout'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { loadUser, setUserActive, updateUser } from '~/lib/access/users.server'
import { ADMIN_ROLES } from '~/lib/auth/roles'
import { USER_FIELDS, parseUser } from '~/lib/forms/access'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { fieldsToSave, readBaseline, type Canonical } from '~/lib/forms/edit-merge'
import { echoFields, refusalsByPlace, type FormRefusal } from '~/lib/forms/refusals'
import { pageTitle } from '~/lib/meta'
import { loadRecord, recordMutation } from '~/lib/record.server'
import { redirectWithNotice } from '~/lib/request.server'
import { useT, useUser } from '~/lib/root-data'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'users.pageTitleOf', { name: data.user.username }) : pageTitle(matches, 'users.pageTitle') },
]

const ECHOED = USER_FIELDS.filter((name) => name !== 'mot_de_passe')
const lowerCase = (value: string) => value.toLowerCase()
const USER_CANONICAL: Canonical = { nom_utilisateur: lowerCase, email: lowerCase }
// The API refuses to let an administrator lock themselves out, or remove the last administrator.
const USER_CONFLICTS = { INVALID_TRANSITION: 'users.notAllowed' } as const

export async function loader(args: LoaderFunctionArgs) {
  return loadRecord(args, ADMIN_ROLES, loadUser)
}

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session, id } = await recordMutation(args, ADMIN_ROLES)
  const here = `/utilisateurs/${id}`
  const intent = form.get('intent')
  if (intent === 'deactivate' || intent === 'reactivate') {
    try {
      const changed = await setUserActive(api, id, intent === 'reactivate')
      const key = changed.actif ? 'users.reactivated' : 'users.deactivated'
      return redirectWithNotice(here, session, { kind: 'success', message: { key, params: { name: changed.nom_utilisateur } } })
    } catch (error) {
      return apiRefusal(error, [], { intent }, USER_CONFLICTS)
    }
  }
  // One's own role is not on offer (the field is disabled): whatever came, or did not, it stays as it is.
  if (user.id === id) form.set('role', user.role)
  const values = echoFields(form, ECHOED)
  const before = readBaseline(form)
  const context = { intent: 'save', values, ...(before ? { baseline: before } : {}) }
  const parsed = parseUser(form, { creating: false })
  if (!parsed.ok) return invalidForm(parsed.errors, context)
  try {
    const scope = await fieldsToSave(form, ECHOED, values, async () => (await loadUser(api, id)).user.values, USER_CANONICAL)
    if (!scope.ok) return data<FormRefusal>({ intent: 'save', ...scope.refusal }, { status: 409 })
    // A role and its store go together: a clerk made manager loses the store, and the reverse needs one.
    const fields = scope.fields.some((field) => field === 'role' || field === 'magasin_id') ? [...scope.fields, 'role', 'magasin_id'] : scope.fields
    const saved = fields.length > 0 || parsed.value.password ? await updateUser(api, id, parsed.value, fields) : null
    const name = saved?.nom_utilisateur ?? parsed.value.username
    return redirectWithNotice(here, session, { kind: 'success', message: { key: 'users.saved', params: { name } } })
  } catch (error) {
    return apiRefusal(error, USER_FIELDS, context, USER_CONFLICTS)
  }
}

export default function UserPage() {
  const { user, stores } = useLoaderData<typeof loader>()
  const refusal = refusalsByPlace(useActionData<typeof action>() as FormRefusal | undefined)
  const t = useT()
  const me = useUser()
  const path = `/utilisateurs/${user.id}`
  const ownAccount = me?.id === user.id
  const location = useLocation()

  return (
    <>
      <PageHeader
        title={
          <>
            {user.fullName} <ActiveBadge active={user.active} />
          </>
        }
        crumbs={[
          { label: t('management.title'), to: '/gestion' },
          { label: t('users.title'), to: '/utilisateurs' },
          { label: user.username },
        ]}
        lead={user.store ? t('users.summaryStore', { role: t(`role.${user.role}`), store: user.store }) : t(`role.${user.role}`)}
      />
      <RecordLayout
        form={
          // A new form after every save (each redirect is a new location): the password typed for
          // it must not ride along with the next save, resetting it again and closing their sessions.
          <UserForm
            key={`${location.key}:${refusal.form?.baseline ? JSON.stringify(refusal.form.baseline) : ''}`}
            creating={false} ownAccount={ownAccount} action={path} stores={stores} values={user.values} refusal={refusal.form} />
        }
        asideId="user-status"
        asideTitle={t('users.statusTitle')}
        asideError={refusal.aside?.error}
      >
        <p className="small text-body-secondary">
          {ownAccount ? t('users.ownAccount') : user.active ? t('users.deactivateHelp') : t('users.reactivateHelp')}
        </p>
        {ownAccount ? null : (
          <ActiveToggle action={path} active={user.active} name={user.fullName} texts="users" />
        )}
      </RecordLayout>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
