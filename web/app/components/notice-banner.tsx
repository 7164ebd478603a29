import { useMessage } from '~/lib/root-data'
import type { Notice } from '~/lib/notice'

export function NoticeBanner({ notice }: { notice: Notice | null }) {
  const describe = useMessage()
  if (!notice) return null
  return (
    <div className={`alert alert-${notice.kind} d-print-none`} role={notice.kind === 'danger' ? 'alert' : 'status'}>
      {describe(notice.message)}
    </div>
  )
}
