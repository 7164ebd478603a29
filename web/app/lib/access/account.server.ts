// The signed-in user's own account. The API checks the current password and
// ends the user's other sessions; the web session that asked stays valid.
import { ok, type ApiClient } from '../api/client.server.ts'
import type { PasswordChange } from '../forms/access.ts'

export async function changeOwnPassword(api: ApiClient, change: PasswordChange): Promise<void> {
  await ok(api.POST('/api/v1/auth/password', { body: { mot_de_passe_actuel: change.current, nouveau_mot_de_passe: change.next } }))
}
