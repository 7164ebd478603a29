// With JavaScript, the button pressed to send a form is disabled until the
// answer comes (no double submit), and a disabled element loses the focus: it
// fell to <body>, so a keyboard user started again from the top of the page
// after each replenishment request, each receipt. Once the answer is on
// screen, the focus goes back to what had it when the form was sent — if it is
// still on the page and nothing else took the focus meanwhile (a refusal on
// its field, a page that chose where to go). A button whose form the answer
// replaced names its successor (`data-refocus` on the form: the id of what took its place,
// e.g. the request now in flight on a stock line), which takes the focus instead — whether
// the form was sent from its button or by Enter in its field.
// Without JavaScript every answer is a new page, and this does nothing.
import { useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/** Where the focus was when a form was sent: the button clicked, or the field Enter was pressed in. */
export function focusAtSubmit(event: Pick<SubmitEvent, 'submitter'>, active: Element | null, body: Element | null): Element | null {
  return active && active !== body ? active : (event.submitter ?? null)
}

/** Whether the focus, lost while the answer came, goes back to `element`. */
export function shouldRefocus(element: Element | null, active: Element | null, body: Element | null): element is HTMLElement {
  const lost = active === null || active === body
  return lost && element !== null && element.isConnected && typeof (element as HTMLElement).focus === 'function'
}

/** What gets the focus back: the element itself while on the page, else the successor it names, if there. */
export function refocusTarget(element: Element | null, byId: (id: string) => Element | null): Element | null {
  if (!element || element.isConnected) return element
  // Detached with its form, the element still finds the form's attribute.
  const successor = element.closest('[data-refocus]')?.getAttribute('data-refocus')
  return successor ? byId(successor) : null
}

/** The <main> of every page (root.tsx), also the skip link's target. */
export const MAIN_CONTENT_ID = 'contenu'

/** In the root: puts the focus back after a form's POST (a navigation, not a fetcher) is answered. */
export function useFocusBackAfterSubmit(): void {
  const navigation = useNavigation()
  const atSubmit = useRef<Element | null>(null)
  const sent = useRef<Element | null>(null)

  useEffect(() => {
    const remember = (event: SubmitEvent) => {
      atSubmit.current = focusAtSubmit(event, document.activeElement, document.body)
    }
    document.addEventListener('submit', remember, true)
    return () => document.removeEventListener('submit', remember, true)
  }, [])

  useEffect(() => {
    // Only a POST is "submitting" (a GET form, a link: "loading" straight away).
    if (navigation.state === 'submitting') {
      sent.current = atSubmit.current
      atSubmit.current = null
    } else if (navigation.state === 'idle') {
      const submitted = sent.current !== null
      const element = refocusTarget(sent.current, (id) => document.getElementById(id))
      sent.current = null
      // The form was drawn anew (a created category empties it): rather than <body>, whose next Tab
      // starts over at the menu, the page's content — the notice saying what was done comes first in it.
      const target = element ?? (submitted ? document.getElementById(MAIN_CONTENT_ID) : null)
      if (shouldRefocus(target, document.activeElement, document.body)) target.focus()
    }
  }, [navigation.state])
}
