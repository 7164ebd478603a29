import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { CategoryForm } from '~/components/catalog/category-form'
import { ConfirmAction } from '~/components/confirm-action'
import { FormError } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { NameText } from '~/components/name-text'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { actionsColumn } from '~/components/table-head'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { categoryFilters, createCategory, deleteCategory, loadCategories } from '~/lib/catalog/categories.server'
import { CATEGORY_FIELDS, parseCategory } from '~/lib/forms/catalog'
import { useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { echoFields, type FormRefusal } from '~/lib/forms/refusals'
import { listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { mutation, redirectWithNotice, requireRole } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { newFormKey } from '~/lib/form-key.server'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'categories.title') }]

export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, MANAGER_ROLES, categoryFilters, async (api, filters) => ({ categories: await loadCategories(api, filters), formKey: newFormKey() }))
}

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session } = await mutation(args)
  requireRole(user, MANAGER_ROLES)
  const url = new URL(args.request.url)
  // Back to the page being viewed (search, page number) after the redirect.
  const back = url.pathname + url.search
  if (form.get('intent') === 'delete') {
    const id = Number(form.get('categorie_id'))
    if (!Number.isInteger(id) || id < 1) throw new Response('bad_category_id', { status: 400 })
    try {
      const deleted = await deleteCategory(api, id)
      return redirectWithNotice(back, session, { kind: 'success', message: { key: 'categories.deleted', params: { name: deleted.nom } } })
    } catch (error) {
      // Said above the list, so it names the category.
      const name = String(form.get('nom') ?? '').slice(0, 100)
      return apiRefusal(error, [], { intent: `delete-${id}` }, { RESOURCE_IN_USE: { key: 'categories.inUseNamed', params: { name } } })
    }
  }
  const values = echoFields(form, CATEGORY_FIELDS)
  const parsed = parseCategory(form)
  if (!parsed.ok) return invalidForm(parsed.errors, { intent: 'save', values })
  try {
    const created = await createCategory(api, parsed.value, form)
    return redirectWithNotice(back, session, { kind: 'success', message: { key: 'categories.created', params: { name: created.nom } } })
  } catch (error) {
    return apiRefusal(error, CATEGORY_FIELDS, { intent: 'save', values })
  }
}

export default function CategoriesPage() {
  const { filters, categories, formKey } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const location = useLocation()
  const formAction = location.pathname + location.search
  // A category still used by products: the refusal leads to them (to move them to another category).
  const inUse = refusal?.intent?.startsWith('delete-') && refusal.error?.key === 'categories.inUseNamed' ? Number(refusal.intent.slice('delete-'.length)) : null
  // A refused delete: the focus goes to the message (the confirmation pressed closed, the focus fell to the page).
  useFocusOnRefusal(refusal?.intent?.startsWith('delete-') ? refusal : undefined)

  return (
    <>
      <PageHeader
        title={t('categories.title')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('products.title'), to: '/produits' }, { label: t('categories.title') }]}
      />
      <div className="row g-3">
        <div className="col-lg-8">
          <Form method="get" className="d-flex gap-2 mb-3" role="search" aria-label={t('categories.filterLabel')}>
            <label htmlFor="categories-q" className="visually-hidden">
              {t('categories.search')}
            </label>
            <input id="categories-q" name="q" type="search" className="form-control" placeholder={t('categories.search')} defaultValue={filters.search} maxLength={100} />
            <button type="submit" className="btn btn-outline-primary">
              {t('products.apply')}
            </button>
          </Form>
          {/* Above the table: in the row's actions cell, the message squeezed every column to a letter's width. */}
          <FormError
            error={refusal?.intent?.startsWith('delete-') ? refusal.error : undefined}
            link={inUse ? { to: `/produits?categorie=${inUse}`, label: t('categories.seeProducts') } : undefined}
          />
          <ListTable
            list={categories}
            testId="categories-table"
            caption={t('categories.title')}
            paginationLabel={t('categories.paginationLabel')}
            empty={filters.search ? t('categories.noMatch') : t('categories.empty')}
            columns={[t('categories.name'), t('categories.description'), actionsColumn(t('products.actions'))]}
          >
            {(category) => (
              <tr key={category.id}>
                <td className="pos-product-name">
                  <NameText text={category.name} />
                </td>
                <td className="text-body-secondary">{category.description}</td>
                <td className="text-end text-nowrap">
                  <Link className="btn btn-sm btn-outline-primary me-1" to={`/categories/${category.id}`} aria-label={t('categories.editOf', { name: category.name })}>
                    {t('products.edit')}
                  </Link>
                  <ConfirmAction
                    action={formAction}
                    intent="delete"
                    fields={{ categorie_id: category.id, nom: category.name }}
                    label={t('categories.delete')}
                    accessibleName={t('categories.deleteOf', { name: category.name })}
                    question={t('categories.deleteQuestion', { name: category.name })}
                    confirmLabel={t('categories.deleteConfirm')}
                  />
                </td>
              </tr>
            )}
          </ListTable>
        </div>
        <div className="col-lg-4">
          {/* A new key after each redirect empties the form once the category is created. */}
          <CategoryForm
            key={location.key}
            formId="new-category"
            title={t('categories.newTitle')}
            submitLabel={t('categories.create')}
            action={formAction}
            values={{}}
            refusal={refusal?.intent === 'save' ? refusal : undefined}
            formKey={formKey}
          />
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
