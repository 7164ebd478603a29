// French, the reference language: every message of the interface, by key,
// kept in one file per area (fr/*.ts). A key belongs to exactly one area: a
// key in two areas would silently override itself here, so the unit test
// (tests/unit/i18n.test.ts) counts them.
import { access } from './fr/access.ts'
import { catalog } from './fr/catalog.ts'
import { common } from './fr/common.ts'
import { pos } from './fr/pos.ts'
import { reports } from './fr/reports.ts'
import { sales } from './fr/sales.ts'
import { warehouse } from './fr/warehouse.ts'

export const frAreas = { common, pos, catalog, access, warehouse, reports, sales }

export const fr = { ...common, ...pos, ...catalog, ...access, ...warehouse, ...reports, ...sales }

export type MessageKey = keyof typeof fr
