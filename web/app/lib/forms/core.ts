// Form schemas shared by the browser (checked before sending, when
// JavaScript runs) and the server (always checked, in the action). A schema
// is a plain function from the submitted fields to a typed value or to
// per-field messages; messages are dictionary keys so each side shows them
// in the user's language.
import type { Message, MessageKey, MessageParams } from '../i18n/index.ts'
import { formatMoney, formatNumber } from '../format.ts'
import { MAX_INPUT_CENTS, parseMoneyInput } from '../money.ts'

export type FieldErrors = Record<string, Message>
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }
export type FormInput = FormData | URLSearchParams | Record<string, string | undefined>

/** What a ticked <CheckField> posts. */
export const CHECKED_VALUE = 'oui'

/** A field's text, trimmed; '' when absent (files are not text). */
export function readField(input: FormInput, name: string): string {
  const value = input instanceof FormData || input instanceof URLSearchParams ? input.get(name) : input[name]
  return typeof value === 'string' ? value.trim() : ''
}

// Control characters are never part of what someone meant to type: a NUL above all
// (PostgreSQL cannot hold it, so the API refuses the whole request). Tabs and line
// breaks belong in a text area (a note, a reason), not in a one-line field.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTERS_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f]/

/** Whether `value` holds a control character (`singleLine`: tabs and line breaks count too). */
export function hasControlCharacters(value: string, { singleLine = false } = {}): boolean {
  return (singleLine ? CONTROL_CHARACTERS_IN_A_LINE : CONTROL_CHARACTERS).test(value)
}

function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key }
}

/** Collects values and errors field by field, then answers once. */
export class FormReader {
  readonly errors: FieldErrors = {}
  readonly input: FormInput

  constructor(input: FormInput) {
    this.input = input
  }

  fail(name: string, key: MessageKey, params?: MessageParams): void {
    if (!this.errors[name]) this.errors[name] = message(key, params)
  }

  /**
   * A text, trimmed. Control characters are refused (typed or pasted by mistake, a scanner's
   * stray byte): every one in a one-line field (`singleLine`), all but tabs and line breaks
   * in a text area.
   */
  text(name: string, { min = 1, max = 500, required = true, singleLine = false } = {}): string {
    const value = readField(this.input, name)
    if (value === '') {
      if (required) this.fail(name, 'form.required')
      return ''
    }
    if (hasControlCharacters(value, { singleLine })) this.fail(name, 'form.controlCharacters')
    else if (value.length < min) this.fail(name, 'form.tooShort', { min: formatNumber(min) })
    else if (value.length > max) this.fail(name, 'form.tooLong', { max: formatNumber(max) })
    return value
  }

  integer(name: string, { min = 0, max = 1_000_000, required = true } = {}): number | null {
    const raw = readField(this.input, name)
    if (raw === '') {
      if (required) this.fail(name, 'form.required')
      return null
    }
    if (!/^-?\d{1,9}$/.test(raw)) {
      this.fail(name, 'form.integer')
      return null
    }
    const value = Number(raw)
    if (value < min) this.fail(name, 'form.min', { min: formatNumber(min) })
    else if (value > max) this.fail(name, 'form.max', { max: formatNumber(max) })
    return value
  }

  /** A check box: whether it was ticked; `mustBeTicked`: the message when it must be and was not. */
  checked(name: string, mustBeTicked?: MessageKey): boolean {
    const ticked = readField(this.input, name) === CHECKED_VALUE
    if (!ticked && mustBeTicked) this.fail(name, mustBeTicked)
    return ticked
  }

  /** An amount in cents (the clerk may type "12,50", "12.5", "12 $"). */
  money(name: string, { required = true, max = MAX_INPUT_CENTS } = {}): number | null {
    const raw = readField(this.input, name)
    if (raw === '') {
      if (required) this.fail(name, 'form.required')
      return null
    }
    // No cap while parsing: an amount above the max is "too large", not "not an amount".
    const cents = parseMoneyInput(raw, Number.MAX_SAFE_INTEGER)
    if (cents === null) {
      // Said precisely when it is an amount after all: below zero, or finer than a cent.
      const shape = raw.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.')
      // More digits than any amount has (99999999999) is an amount too, and too large.
      if (/^\d+(\.\d{1,2})?$/.test(shape)) this.fail(name, 'form.moneyMax', { max: formatMoney(max) })
      else this.fail(name, /^-\d/.test(shape) ? 'form.moneyNegative' : /^\d+\.\d{3,}$/.test(shape) ? 'form.moneyCents' : 'form.money')
      return null
    }
    if (cents > max) this.fail(name, 'form.moneyMax', { max: formatMoney(max) })
    return cents
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback?: T): T | null {
    const raw = readField(this.input, name)
    if (raw === '' && fallback !== undefined) return fallback
    if ((allowed as readonly string[]).includes(raw)) return raw as T
    this.fail(name, 'form.choice')
    return null
  }

  result<T>(build: () => T): Parsed<T> {
    return Object.keys(this.errors).length > 0 ? { ok: false, errors: this.errors } : { ok: true, value: build() }
  }
}
