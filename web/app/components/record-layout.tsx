import type { ReactNode } from 'react'

import { FormError } from '~/components/form-field'
import { TitledCard } from '~/components/titled-card'
import type { Message } from '~/lib/i18n/index'

/**
 * The body of a managed record's page (a product, a category, an account): its
 * edit form, and beside it a card for what else can be done to the record
 * (deactivate, delete), which shows that action's refusal.
 */
export function RecordLayout({
  form,
  asideId,
  asideTitle,
  asideError,
  children,
}: {
  form: ReactNode
  asideId: string
  asideTitle: ReactNode
  asideError?: Message
  children: ReactNode
}) {
  return (
    <div className="row g-3">
      <div className="col-lg-8">{form}</div>
      <div className="col-lg-4">
        <TitledCard id={`${asideId}-title`} title={asideTitle}>
          <FormError error={asideError} />
          {children}
        </TitledCard>
      </div>
    </div>
  )
}
