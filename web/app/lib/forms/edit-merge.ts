// Two people, or two tabs, editing one record. Each edit form carries the
// values it was drawn with (hidden field `avant`); a save sends only the
// fields that form changed, so it cannot put back what another save changed
// meanwhile (a price set in one tab, then the name saved in another, used to
// bring the old price back without a word). A field both changed, to
// different values, is refused with its current value: the person decides.
import type { FieldErrors } from './core.ts'

export const BASELINE_FIELD = 'avant'

export type FormValues = Record<string, string>

/** How a field's text compares: « 4.25 » is « 4,25 », an e-mail in any case is the same. */
export type Canonical = Partial<Record<string, (value: string) => string>>

/** The values the form was drawn with, or null (a form from before this field existed: saved whole). */
export function readBaseline(form: FormData): FormValues | null {
  const raw = form.get(BASELINE_FIELD)
  if (typeof raw !== 'string') return null
  try {
    const value: unknown = JSON.parse(raw)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
    return Object.values(value).every((field) => typeof field === 'string') ? (value as FormValues) : null
  } catch {
    return null
  }
}

export interface EditMerge {
  /** The fields this form changed: the only ones to save. */
  changed: string[]
  /** Changed here and, to something else, by someone else since the form was drawn. */
  conflicts: string[]
}

export function mergeEdit(
  fields: readonly string[],
  { before, submitted, current }: { before: FormValues; submitted: FormValues; current: FormValues },
  canonical: Canonical = {}
): EditMerge {
  const text = (field: string, values: FormValues) => {
    const value = (values[field] ?? '').trim().normalize('NFC')
    return canonical[field]?.(value) ?? value
  }
  const same = (field: string, a: FormValues, b: FormValues) => text(field, a) === text(field, b)
  const changed = fields.filter((field) => !same(field, submitted, before))
  const conflicts = changed.filter((field) => !same(field, current, before) && !same(field, current, submitted))
  return { changed, conflicts }
}

/**
 * What a refused conflicting save shows: the record as it is now with this
 * form's own changes on top, drawn anew from now (so saving again keeps this
 * person's values on the conflicting fields and touches nothing else).
 */
export function conflictRefusal(merge: EditMerge, submitted: FormValues, current: FormValues) {
  const values = { ...current, ...Object.fromEntries(merge.changed.map((field) => [field, submitted[field] ?? ''])) }
  const fieldErrors: FieldErrors = Object.fromEntries(
    merge.conflicts.map((field) => [field, { key: 'form.changedMeanwhile' as const, params: { value: current[field] || '—' } }])
  )
  return { values, baseline: current, fieldErrors }
}

export type SaveScope = { ok: true; fields: readonly string[] } | { ok: false; refusal: ReturnType<typeof conflictRefusal> }

/**
 * What an edit action saves: the fields its form changed (all of `fields` for a form drawn
 * without a baseline), or the refusal of a conflict. `current` reads the record as it is now,
 * drawn as the form draws it; it is read only when the form has a baseline.
 */
export async function fieldsToSave(
  form: FormData,
  fields: readonly string[],
  submitted: FormValues,
  current: () => Promise<FormValues>,
  canonical: Canonical = {}
): Promise<SaveScope> {
  const before = readBaseline(form)
  if (!before) return { ok: true, fields }
  const now = await current()
  const merge = mergeEdit(fields, { before, submitted, current: now }, canonical)
  return merge.conflicts.length > 0 ? { ok: false, refusal: conflictRefusal(merge, submitted, now) } : { ok: true, fields: merge.changed }
}

/** The hidden field of an edit form: what it was drawn with (a refusal carries the baseline to keep). */
export function baselineOf(values: FormValues, refusal: { baseline?: FormValues } | undefined): string {
  return JSON.stringify(refusal?.baseline ?? values)
}
