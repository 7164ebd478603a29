import { useFetcher } from '@remix-run/react'
import { useCallback, useEffect, useRef, type FormEvent } from 'react'

import type { PosActionResult } from '~/lib/pos/types'

/**
 * With JavaScript, every POS form goes through one fetcher, one submission
 * at a time: the cart lives in the session cookie, and two requests in
 * flight would each write back the cookie they started from, losing a scan.
 * Submissions made while one is running wait in a queue (a scanner can type
 * the next code before the first answer arrives). Payments are never queued
 * twice: a second click on "Encaisser" is ignored.
 */
export function usePosSubmit(action: string) {
  const fetcher = useFetcher<PosActionResult>({ key: `pos:${action}` })
  const queue = useRef<FormData[]>([])
  const busy = useRef(false)
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher

  const send = useCallback(
    (formData: FormData) => {
      busy.current = true
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

  return { fetcher, enqueue, onSubmit, pending: fetcher.state !== 'idle' }
}
