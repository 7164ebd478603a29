import type User from '#access/models/user'
import type { Role } from '#access/models/user'
import { instantToWire } from '#core/instants'

/* The password hash never leaves the module: these are the only user shapes on the wire. */

/** Who is logged in (login and GET /auth/me). */
export interface UserSummaryWire {
  id: number
  nom_utilisateur: string
  email: string
  nom_complet: string
  role: Role
  magasin_id: number | null
  /** An administrator set the password: until the user picks their own, only /auth/me, /auth/password and /auth/logout answer. */
  doit_changer_mot_de_passe: boolean
}

/** A user as administrators see it. */
export interface UserWire extends UserSummaryWire {
  actif: boolean
  cree_le: string
  modifie_le: string
}

export function userSummaryToWire(user: User): UserSummaryWire {
  return {
    id: user.id,
    nom_utilisateur: user.username,
    email: user.email,
    nom_complet: user.fullName,
    role: user.role,
    magasin_id: user.storeId,
    doit_changer_mot_de_passe: user.mustChangePassword === true,
  }
}

export function userToWire(user: User): UserWire {
  return {
    ...userSummaryToWire(user),
    actif: user.isActive,
    cree_le: instantToWire(user.createdAt),
    modifie_le: instantToWire(user.updatedAt),
  }
}
