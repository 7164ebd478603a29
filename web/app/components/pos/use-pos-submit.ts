import { useFetcher, useLoaderData } from '@remix-run/react'
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
 * A submission is answered when the fetcher is idle again with new data (a
 * refusal) or the page's loader has run again (the redirect every step that
 * succeeds answers with). This is checked at every commit, not in an effect on
 * [fetcher.state]: React was seen to skip that effect's run (the fetcher's
 * renders are transitions), which left the queue waiting for ever — a burst
 * of scans put one or two products in the cart, not six.
 *
 * `result` is the latest refusal, kept here rather than read from
 * `fetcher.data`, which follows the fetcher: the next submission's redirect
 * takes it away (a scanner's burst — a bad code, then a good one — showed the
 * refusal for an instant, then nothing), or an earlier one lingers. A refusal
 * stays until the clerk takes a step after seeing it, or `dismiss()` (Esc).
 * `onAnswered(result)` runs once per answered submission, after its commit.
 */
export function usePosSubmit(action: string, onAnswered?: (result: PosActionResult | undefined) => void) {
  const fetcher = useFetcher<PosActionResult>({ key: `pos:${action}` })
  const loaderData = useLoaderData()
  const queue = useRef<FormData[]>([])
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  const loaderRef = useRef(loaderData)
  loaderRef.current = loaderData
  const onAnsweredRef = useRef(onAnswered)
  onAnsweredRef.current = onAnswered
  // What the page showed when the submission in flight was sent; null when none is.
  const inFlight = useRef<{ data: unknown; loaderData: unknown } | null>(null)
  // The refusal on show, if any.
  const refusal = useRef<PosActionResult | undefined>(undefined)
  const [, rerender] = useReducer((count: number) => count + 1, 0)

  const send = useCallback(
    (formData: FormData) => {
      inFlight.current = { data: fetcherRef.current.data, loaderData: loaderRef.current }
      // Tells the action a refusal is wanted as data, here, rather than through a redirect.
      formData.set('js', '1')
      fetcherRef.current.submit(formData, { method: 'post', action })
    },
    [action]
  )

  useEffect(() => {
    const sent = inFlight.current
    if (sent) {
      const answered = fetcher.state === 'idle' && (fetcher.data !== sent.data || loaderData !== sent.loaderData)
      if (!answered) return
      inFlight.current = null
      const answer = fetcher.data !== sent.data ? fetcher.data : undefined
      if (answer) {
        refusal.current = answer
        rerender()
      }
      onAnsweredRef.current?.(answer)
    }
    const next = queue.current.shift()
    if (next) send(next)
  })

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
      // Cleared when the clerk acts, not when the queue sends: a refusal that arrives after this step
      // was typed (a scanner's burst: a bad code, then a good one) was not seen yet, and stays shown.
      if (refusal.current) {
        refusal.current = undefined
        rerender()
      }
      if (inFlight.current === null && queue.current.length === 0) send(formData)
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
    refusal.current = undefined
    rerender()
  }, [])

  return { fetcher, result: refusal.current, dismiss, enqueue, onSubmit, pending: fetcher.state !== 'idle' }
}
