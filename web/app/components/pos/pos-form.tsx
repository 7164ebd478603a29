import type { FormEvent, FormHTMLAttributes, ReactNode } from 'react'

import { CsrfField } from '~/components/csrf-field'

/**
 * One POS step (scan, add, change a quantity, pay…): a plain POST that works
 * without JavaScript, answered by a redirect; with JavaScript, `onSubmit`
 * sends it through the POS's one-request-at-a-time queue (usePosSubmit).
 * Hidden fields say what to act on.
 */
export function PosForm({
  action,
  intent,
  fields = {},
  onSubmit,
  children,
  ...form
}: {
  action: string
  /** Left out when the submit buttons carry it (name="intent"). */
  intent?: string
  fields?: Record<string, string | number>
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  children: ReactNode
} & Omit<FormHTMLAttributes<HTMLFormElement>, 'method' | 'action' | 'onSubmit' | 'children'>) {
  return (
    <form method="post" action={action} onSubmit={onSubmit} {...form}>
      <CsrfField />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  )
}
