// English: every key of fr.ts, area by area (en/*.ts). Each area is typed
// against its French twin (a missing or unknown key fails the typecheck), and
// the whole against MessageKey (a forgotten area fails it too).
import { access } from './en/access.ts'
import { catalog } from './en/catalog.ts'
import { common } from './en/common.ts'
import { pos } from './en/pos.ts'
import { reports } from './en/reports.ts'
import { sales } from './en/sales.ts'
import { warehouse } from './en/warehouse.ts'
import type { MessageKey } from './fr.ts'

export const enAreas = { common, pos, catalog, access, warehouse, reports, sales }

export const en: Record<MessageKey, string> = { ...common, ...pos, ...catalog, ...access, ...warehouse, ...reports, ...sales }
