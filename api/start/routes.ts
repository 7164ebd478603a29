/*
 * Mounts each domain module's routes; the routes themselves live with
 * their module (app/<module>/routes.ts).
 */
import '#start/pg_types'
import '#core/routes'
import '#catalog/routes'
import '#stores/routes'
import '#access/routes'
import '#sales/routes'
import '#inventory/routes'
import '#reporting/routes'
