import type { ReactNode } from 'react'

/** What a list shows when it has nothing: a sentence and, ideally, what to do next. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="text-center text-body-secondary border rounded-3 bg-body p-4 my-3">
      <p className="mb-2">{children}</p>
      {action}
    </div>
  )
}
