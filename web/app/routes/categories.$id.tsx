import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'

import { CategoryForm } from '~/components/catalog/category-form'
import { ConfirmAction } from '~/components/confirm-action'
import { PageHeader } from '~/components/page-header'
import { RecordLayout } from '~/components/record-layout'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { deleteCategory, loadCategory, updateCategory } from '~/lib/catalog/categories.server'
import { CATEGORY_FIELDS, parseCategory } from '~/lib/forms/catalog'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { fieldsToSave, readBaseline } from '~/lib/forms/edit-merge'
import { echoFields, refusalsByPlace, type FormRefusal } from '~/lib/forms/refusals'
import { pageTitle } from '~/lib/meta'
import { loadRecord, recordMutation } from '~/lib/record.server'
import { redirectWithNotice } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'categories.pageTitleOf', { name: data.name }) : pageTitle(matches, 'categories.editTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  return loadRecord(args, MANAGER_ROLES, loadCategory)
}

export async function action(args: ActionFunctionArgs) {
  const { api, form, session, id } = await recordMutation(args, MANAGER_ROLES)
  if (form.get('intent') === 'delete') {
    try {
      const deleted = await deleteCategory(api, id)
      return redirectWithNotice('/categories', session, { kind: 'success', message: { key: 'categories.deleted', params: { name: deleted.nom } } })
    } catch (error) {
      return apiRefusal(error, [], { intent: 'delete' }, { RESOURCE_IN_USE: 'categories.inUse' })
    }
  }
  const values = echoFields(form, CATEGORY_FIELDS)
  const before = readBaseline(form)
  const context = { intent: 'save', values, ...(before ? { baseline: before } : {}) }
  const parsed = parseCategory(form)
  if (!parsed.ok) return invalidForm(parsed.errors, context)
  try {
    const scope = await fieldsToSave(form, CATEGORY_FIELDS, values, async () => (await loadCategory(api, id)).values)
    if (!scope.ok) return data<FormRefusal>({ intent: 'save', ...scope.refusal }, { status: 409 })
    const saved = scope.fields.length > 0 ? await updateCategory(api, id, parsed.value, scope.fields) : null
    const name = saved?.nom ?? parsed.value.name
    return redirectWithNotice('/categories', session, { kind: 'success', message: { key: 'categories.saved', params: { name } } })
  } catch (error) {
    return apiRefusal(error, CATEGORY_FIELDS, context)
  }
}

export default function CategoryPage() {
  const category = useLoaderData<typeof loader>()
  const refusal = refusalsByPlace(useActionData<typeof action>() as FormRefusal | undefined)
  const t = useT()
  const path = `/categories/${category.id}`
  return (
    <>
      <PageHeader
        title={<span className="pos-product-name">{category.name}</span>}
        crumbs={[
          // As on the list: categories sit under products.
          { label: t('management.title'), to: '/gestion' },
          { label: t('products.title'), to: '/produits' },
          { label: t('categories.title'), to: '/categories' },
          { label: category.name },
        ]}
      />
      <RecordLayout
        form={
          <CategoryForm
            // Drawn anew when a save is refused for a conflict: its fields then show the category as it is now.
            key={refusal.form?.baseline ? JSON.stringify(refusal.form.baseline) : 'edit'}
            editing
            formId="category"
            title={t('categories.editTitle')}
            submitLabel={t('products.save')}
            action={path}
            values={category.values}
            refusal={refusal.form}
          />
        }
        asideId="category-delete"
        asideTitle={t('categories.delete')}
        asideError={refusal.aside?.error}
      >
        <p className="small text-body-secondary">{t('categories.deleteHelp')}</p>
        <ConfirmAction
          action={path}
          intent="delete"
          label={t('categories.delete')}
          accessibleName={t('categories.deleteOf', { name: category.name })}
          question={t('categories.deleteQuestion', { name: category.name })}
          confirmLabel={t('categories.deleteConfirm')}
        />
      </RecordLayout>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
