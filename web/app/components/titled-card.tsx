import type { ReactNode } from 'react'

/** A card section named by its heading (aria-labelledby), for pages made of several. */
export function TitledCard({
  id,
  title,
  className,
  testId,
  children,
}: {
  /** The heading's id. */
  id: string
  title: ReactNode
  className?: string
  testId?: string
  children: ReactNode
}) {
  return (
    <section className={`card shadow-sm${className ? ` ${className}` : ''}`} aria-labelledby={id} data-testid={testId}>
      <div className="card-body">
        <h2 id={id} className="h5">
          {title}
        </h2>
        {children}
      </div>
    </section>
  )
}
