// The session side of a password an administrator set (see password-change.ts).
import type { WebSession } from './session.server.ts'

/** After the user chose their own password: the session stops sending them to /compte (the caller commits it). */
export function notePasswordChosen(session: WebSession): void {
  const auth = session.get('auth')
  if (auth?.user.mustChangePassword) session.set('auth', { ...auth, user: { ...auth.user, mustChangePassword: false } })
}
