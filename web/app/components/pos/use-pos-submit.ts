import { useFetcher } from '@remix-run/react'
import { useCallback, useEffect, useReducer, useRef, type FormEvent } from 'react'

import type { PosActionResult } from '~/lib/pos/types'

/**
 * With JavaScript, every POS form goes through one fetcher, one submission
 * at a time: the cart lives in the session cookie, and two requests in
 * flight would each write back the cookie they started from, losing a scan.
 * Submissions made while one is running wait in a queue (a scanner can type
 * the next code before the first answer arrives). Payments are never queued
 * twice: a second click on "Encaisser" is ignored.
 *
 * `result` is the answer to the latest submission, if it answered with data
 * (a refusal): react-router keeps a fetcher's last data when a later
 * submission answers with a redirect (every step that succeeds), so
 * `fetcher.data` alone would keep showing a refusal — and put a refused scan
 * back in the field — after the next step went through. `dismiss()` hides
 * the current answer (Esc).
 */
export function usePosSubmit(action: string) {
  const fetcher = useFetcher<PosActionResult>({ key: `pos:${action}` })
  const queue = useRef<FormData[]>([])
  const busy = useRef(false)
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  // The data that was already there when the latest submission was sent (or dismissed): not its answer.
  const seen = useRef<unknown>(undefined)
  const [, rerender] = useReducer((count: number) => count + 1, 0)

  const send = useCallback(
    (formData: FormData) => {
      busy.current = true
      seen.current = fetcherRef.current.data
      fetcherRef.current.submit(formData, { method: 'post', action })
    },
    [action]
  )

  useEffect(() => {
    if (fetcher.state !== 'idle') return
    const next = queue.current.shift()
    if (next) send(next)
    else busy.current = false
  }, [fetcher.state, send])

  const enqueue = useCallback(
    (formData: FormData) => {
      const intent = String(formData.get('intent') ?? '')
      const isPayment = intent.startsWith('pay')
      if (isPayment) {
        const alreadyPaying =
          queue.current.some((queued) => String(queued.get('intent') ?? '').startsWith('pay')) ||
          String(fetcherRef.current.formData?.get('intent') ?? '').startsWith('pay')
        if (alreadyPaying) return
      }
      if (!busy.current && fetcherRef.current.state === 'idle') send(formData)
      else queue.current.push(formData)
    },
    [send]
  )

  /** onSubmit for a form: sends it through the queue instead of reloading the page. */
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>, validate?: (formData: FormData) => boolean) => {
      event.preventDefault()
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null
      const formData = new FormData(event.currentTarget, submitter)
      if (validate && !validate(formData)) return
      enqueue(formData)
    },
    [enqueue]
  )

  const dismiss = useCallback(() => {
    seen.current = fetcherRef.current.data
    rerender()
  }, [])

  const result = fetcher.state === 'idle' && fetcher.data !== seen.current ? fetcher.data : undefined
  return { fetcher, result, dismiss, enqueue, onSubmit, pending: fetcher.state !== 'idle' }
}
