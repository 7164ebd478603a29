// A small dictionary module: French is the reference language (every key is
// defined in fr.ts), English a translation checked by the type system.
// Numbers, money and dates stay formatted fr-CA in both languages (see
// lib/format.ts): the stores are in Québec.
import { en } from './en.ts'
import { fr, type MessageKey } from './fr.ts'

export type { MessageKey }
export type Lang = 'fr' | 'en'
export const LANGS: readonly Lang[] = ['fr', 'en']
export const DEFAULT_LANG: Lang = 'fr'

export type MessageParams = Record<string, string | number>
/** A message to translate later (form errors travel from server to browser this way). */
export interface Message {
  key: MessageKey
  params?: MessageParams
  /** The page of what the message names (the product that already has a code): a field's message is then a link to it. */
  to?: string
}

const dictionaries: Record<Lang, Record<MessageKey, string>> = { fr, en }

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en'
}

/**
 * "Bonjour {nom}" + { nom: 'Léa' } → "Bonjour Léa". Unknown placeholders stay visible.
 * "{count} {count:vente|ventes}" picks the word by the language's plural rule for the count
 * (in French 0 and 1 are singular, in English only 1), where "vente(s)" was written before.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[lang][key] ?? fr[key] ?? key
  if (!params) return template
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name)
  // One pass over both forms, so a value is never read again as a template.
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!has(name)) return whole
    if (one === undefined || other === undefined) return String(params[name])
    return pluralRules(lang).select(countOf(params[name] ?? 0)) === 'one' ? one : other
  })
}

const rules = new Map<Lang, Intl.PluralRules>()
function pluralRules(lang: Lang): Intl.PluralRules {
  let rule = rules.get(lang)
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(htmlLang(lang))))
  return rule
}

/** A count arrives formatted ("1 500", "2,5"): the plural rule needs the number. */
function countOf(value: string | number): number {
  if (typeof value === 'number') return value
  return Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
}

export type Translate = (key: MessageKey, params?: MessageParams) => string

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params)
}

/** `?lang=` wins, then the cookie, then French. */
export function resolveLang(queryValue: string | null, cookieValue: unknown): Lang {
  if (isLang(queryValue)) return queryValue
  if (isLang(cookieValue)) return cookieValue
  return DEFAULT_LANG
}

/** The BCP 47 tag for <html lang>. */
export function htmlLang(lang: Lang): string {
  return lang === 'en' ? 'en-CA' : 'fr-CA'
}
