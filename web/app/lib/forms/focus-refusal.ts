// Where the focus goes when a form comes back refused, with JavaScript: on
// the first field in error, else on the form's message. Without this the
// focus stays on the button pressed — or falls to <body> when that button
// was disabled while sending (Encaisser) — and a keyboard or screen-reader
// user has to hunt for what went wrong. `autoFocus` only covers the page as
// first rendered (no JavaScript): it does nothing on an element already there.
import { useEffect, type RefObject } from 'react'

/** A field marked invalid, or a form message that can take the focus (FormError). */
export const REFUSAL_TARGETS = '[aria-invalid="true"], [role="alert"][tabindex]'

/** Focuses the first refusal in `root`, in document order; false when there is none. */
export function focusFirstRefusal(root: ParentNode | null | undefined): boolean {
  const target = root?.querySelector<HTMLElement>(REFUSAL_TARGETS)
  target?.focus()
  return Boolean(target)
}

/**
 * For errors a submit handler has just found (a state set there): React draws
 * them after the handler returns, so the fields are not marked invalid yet;
 * the focus moves once they are. Focusing at once left it on the button.
 */
export function focusFirstRefusalOnceDrawn(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => focusFirstRefusal(form))
}

/**
 * Moves the focus each time a new refusal arrives: `refusal` is the answer
 * itself (action or fetcher data, the browser's own errors), a new object per
 * answer, absent when there is nothing to show. `scope`: where to look (one
 * row's form on a list page); the whole page when absent.
 */
export function useFocusOnRefusal(refusal: object | null | undefined, scope?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (refusal) focusFirstRefusal(scope ? scope.current : document)
  }, [refusal, scope])
}
