import { Link } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'

import { FORM_REFUSED_EVENT } from '~/lib/forms/use-validated-form'
import { useMessage } from '~/lib/root-data'
import type { Notice } from '~/lib/notice'

export function NoticeBanner({ notice }: { notice: Notice | null }) {
  const describe = useMessage()
  const banner = useRef<HTMLDivElement>(null)
  // Hidden once a form on the page is refused by the browser's check: the notice told of the
  // submission before, and read above « Ce champ est obligatoire. » it says the opposite.
  const [stale, setStale] = useState(false)
  useEffect(() => {
    setStale(false)
    const hide = () => setStale(true)
    window.addEventListener(FORM_REFUSED_EVENT, hide)
    return () => window.removeEventListener(FORM_REFUSED_EVENT, hide)
  }, [notice])
  // `autoFocus` when the page is loaded (and without JavaScript); the effect after a client-side
  // navigation, where React does not apply it.
  useEffect(() => {
    if (notice?.focus) banner.current?.focus()
  }, [notice])
  if (!notice || stale) return null
  return (
    <div
      ref={banner}
      className={`alert alert-${notice.kind} d-print-none`}
      role={notice.kind === 'danger' ? 'alert' : 'status'}
      tabIndex={notice.focus ? -1 : undefined}
      autoFocus={notice.focus}
    >
      {describe(notice.message)}
      {notice.detail ? ` ${describe(notice.detail)}` : null}
      {notice.link ? (
        <>
          {' '}
          <Link to={notice.link.to} className="alert-link">
            {describe(notice.link.label)}
          </Link>
        </>
      ) : null}
    </div>
  )
}
