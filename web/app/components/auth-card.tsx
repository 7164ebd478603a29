import type { ReactNode } from 'react'

/** The sign-in and sign-out pages: one narrow titled card in the middle of the page, no navigation. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="row justify-content-center">
      <div className="col-sm-10 col-md-7 col-lg-5">
        <div className="card shadow-sm mt-4">
          <div className="card-body p-4">
            <h1 className="h3 mb-3">{title}</h1>
            {children}
          </div>
        </div>
      </div>
    </div>
  )
}
