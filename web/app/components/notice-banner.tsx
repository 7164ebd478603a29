import { useEffect, useRef } from 'react'

import { useMessage } from '~/lib/root-data'
import type { Notice } from '~/lib/notice'

export function NoticeBanner({ notice }: { notice: Notice | null }) {
  const describe = useMessage()
  const banner = useRef<HTMLDivElement>(null)
  // `autoFocus` when the page is loaded (and without JavaScript); the effect after a client-side
  // navigation, where React does not apply it.
  useEffect(() => {
    if (notice?.focus) banner.current?.focus()
  }, [notice])
  if (!notice) return null
  return (
    <div
      ref={banner}
      className={`alert alert-${notice.kind} d-print-none`}
      role={notice.kind === 'danger' ? 'alert' : 'status'}
      tabIndex={notice.focus ? -1 : undefined}
      autoFocus={notice.focus}
    >
      {describe(notice.message)}
    </div>
  )
}
