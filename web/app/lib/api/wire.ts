// Names for the API shapes the pages pass around; the shapes themselves are
// the generated ones (schema.d.ts), so they follow the OpenAPI document.
import type { components } from './schema'

type Schemas = components['schemas']

export type SessionReportWire = Schemas['RegisterSession']
export type ReturnWire = Schemas['Return']
