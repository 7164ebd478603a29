import type { ReactNode } from 'react'

interface ErrorPanelProps {
  title: string
  children?: ReactNode
  /** Shown so a clerk can quote it to support; it finds the matching server logs. */
  requestId?: string
  referenceLabel?: string
}

export function ErrorPanel({ title, children, requestId, referenceLabel = 'Référence de la requête' }: ErrorPanelProps) {
  return (
    <div className="alert alert-danger" role="alert">
      <h1 className="h4 alert-heading">{title}</h1>
      {children}
      {requestId ? (
        <p className="mb-0 mt-2 small text-body-secondary">
          {referenceLabel} : <code>{requestId}</code>
        </p>
      ) : null}
    </div>
  )
}
