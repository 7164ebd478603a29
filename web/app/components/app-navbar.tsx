import { Link } from '@remix-run/react'

export function AppNavbar() {
  return (
    <nav className="navbar navbar-expand navbar-dark bg-primary mb-4" aria-label="Navigation principale">
      <div className="container">
        <Link className="navbar-brand fw-semibold" to="/">
          Comptoir
        </Link>
      </div>
    </nav>
  )
}
