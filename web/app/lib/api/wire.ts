// Names for the API shapes the pages pass around; the shapes themselves are
// the generated ones (schema.d.ts), so they follow the OpenAPI document.
import type { components } from './schema'

type Schemas = components['schemas']

/** A drawer session as the API sends it by default: with its X or Z report. */
export type SessionReportWire = Schemas['RegisterSession'] & { rapport: NonNullable<Schemas['RegisterSession']['rapport']> }
export type ReturnWire = Schemas['Return']
