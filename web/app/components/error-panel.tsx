import type { ReactNode } from 'react'

interface ErrorPanelProps {
  title: string
  children?: ReactNode
  /** Shown so a clerk can quote it to support; it finds the matching server logs. */
  requestId?: string
}

export function ErrorPanel({ title, children, requestId }: ErrorPanelProps) {
  return (
    <div className="alert alert-danger" role="alert">
      <h2 className="h5 alert-heading">{title}</h2>
      {children}
      {requestId ? (
        <p className="mb-0 small text-body-secondary">
          Référence de la requête : <code>{requestId}</code>
        </p>
      ) : null}
    </div>
  )
}
