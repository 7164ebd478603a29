import vine from '@vinejs/vine'
import { newPassword } from '#access/validators/user_validators'

const identifier = () => vine.string().trim().minLength(1).maxLength(254).optional()
/* Never trimmed: spaces are part of a password. The cap keeps hashing cheap. */
const password = () => vine.string().minLength(1).maxLength(256).optional()

/**
 * `identifiant` is a username or an e-mail address; `username`/`email` and
 * `password` are accepted as aliases (the web form and integrators' habits).
 * Which ones are present is checked by the login action.
 */
export const loginBody = vine.create({
  identifiant: identifier(),
  username: identifier(),
  email: identifier(),
  mot_de_passe: password(),
  password: password(),
})

export const changePasswordBody = vine.create({
  mot_de_passe_actuel: vine.string().minLength(1).maxLength(256),
  nouveau_mot_de_passe: newPassword(),
})
