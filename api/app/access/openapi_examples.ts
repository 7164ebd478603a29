import { ApiError } from '#core/api_error'
import { errorResponse, validationError } from '#core/openapi/errors'
import { tokenAlreadyCreated } from '#access/actions/create_integration_token'
import { ownPasswordRefused } from '#access/actions/update_user'

/* OpenAPI examples of the access module. The tokens shown are made up: a real one is never printed in the docs. */

const clerk = {
  id: 7,
  nom_utilisateur: 'jtremblay',
  email: 'julie.tremblay@comptoir.local',
  nom_complet: 'Julie Tremblay',
  role: 'clerk',
  magasin_id: 1,
  doit_changer_mot_de_passe: false,
}
const erpToken = {
  id: 3,
  nom: 'erp-sync',
  prefixe: 'cpt_Ab3dE5gH',
  scopes: ['read', 'reports'],
  cree_le: '2026-10-02T09:15:00.000Z',
  derniere_utilisation: '2026-11-24T14:30:12.000Z',
  expire_le: '2027-06-30T00:00:00.000Z',
  revoque_le: null,
}
const exampleToken = 'cpt_Ab3dE5gH-exemple-de-jeton-non-valide-0000'

export const accessExamples: Record<string, unknown> = {
  UserSummary: clerk,
  User: { ...clerk, actif: true, cree_le: '2026-09-01T13:00:00.000Z', modifie_le: '2026-11-02T08:41:27.000Z' },
  DeactivatedUser: {
    ...clerk,
    actif: false,
    cree_le: '2026-09-01T13:00:00.000Z',
    modifie_le: '2026-11-24T17:05:51.000Z',
    reference_par: ['sales', 'register_sessions'],
  },
  LoginSession: {
    token: exampleToken,
    expire_le: '2026-11-25T02:32:05.000Z',
    scopes: ['read', 'write'],
    utilisateur: clerk,
  },
  Me: { utilisateur: clerk, scopes: ['read', 'write'], expire_le: '2026-11-25T02:32:05.000Z' },
  ApiToken: erpToken,
  CreatedApiToken: { ...erpToken, id: 4, derniere_utilisation: null, cree_le: '2026-11-24T14:32:05.000Z', token: exampleToken },
}

export const accessBodyExamples = {
  login: { identifiant: 'jtremblay', mot_de_passe: 'une-phrase-de-passe' },
  createUser: {
    nom_utilisateur: 'caissier9',
    email: 'caissier9@comptoir.local',
    nom_complet: 'Caissière Neuf',
    role: 'clerk',
    magasin_id: 1,
    mot_de_passe: 'une-phrase-de-passe',
  },
  updateUser: { actif: false },
  changePassword: { mot_de_passe_actuel: 'une-phrase-de-passe', nouveau_mot_de_passe: 'une-autre-phrase-longue' },
  createToken: { nom: 'erp-sync', scopes: ['read', 'reports'], expire_le: '2027-06-30T00:00:00Z' },
}

/* The errors of the access routes, as the actions raise them. */
export const accessErrors = {
  badCredentials: errorResponse(
    'Unknown user, wrong password or deactivated account (one answer for all three)',
    ApiError.unauthenticated('Identifiants invalides')
  ),
  rateLimited: errorResponse(
    'Too many failed attempts; retry after the Retry-After delay (seconds)',
    new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'Too many login attempts; try again later', { retry_after: 840 })
  ),
  loginInvalid: errorResponse(
    'Validation error (details.validation_errors lists each field)',
    validationError('mot_de_passe', 'The mot_de_passe field must be defined', 'required')
  ),
  notASession: errorResponse(
    'The token is an integration token (revoke it with DELETE /api/v1/tokens/{id})',
    ApiError.business('Only a session token can log out; revoke integration tokens with DELETE /api/v1/tokens/{id}')
  ),
  passwordInvalid: errorResponse(
    'The current password is wrong, or the new one is too short or the same (VALIDATION_ERROR); an integration token, which has no password (BUSINESS_LOGIC_ERROR)',
    validationError('mot_de_passe_actuel', 'The current password is not correct', 'current_password')
  ),
  userNotFound: errorResponse('No user with this id', ApiError.notFound('User', 42)),
  userDuplicate: errorResponse(
    'DUPLICATE_RESOURCE: the username or e-mail is taken',
    ApiError.duplicate('User', 'nom_utilisateur', 'caissier9'),
    ApiError.duplicate('User', 'email', 'caissier9@comptoir.local')
  ),
  userInvalid: errorResponse(
    'Validation error, or a store that does not fit the role',
    validationError('magasin_id', 'The magasin_id field is required for a clerk', 'requiredForClerk')
  ),
  userUpdateConflict: errorResponse(
    'DUPLICATE_RESOURCE (username or e-mail taken) or INVALID_TRANSITION (own account, own password, last admin)',
    ApiError.duplicate('User', 'email', 'caissier9@comptoir.local'),
    ApiError.conflict('INVALID_TRANSITION', 'You cannot deactivate your own account', { user_id: 1, action: 'deactivate' }),
    ownPasswordRefused(1),
    ApiError.conflict('INVALID_TRANSITION', 'At least one active administrator must remain', { user_id: 1 })
  ),
  userDeleteConflict: errorResponse(
    'INVALID_TRANSITION: your own account, or the last active administrator',
    ApiError.conflict('INVALID_TRANSITION', 'You cannot delete your own account', { user_id: 1, action: 'delete' }),
    ApiError.conflict('INVALID_TRANSITION', 'At least one active administrator must remain', { user_id: 1 })
  ),
  tokenNotFound: errorResponse('No integration token with this id', ApiError.notFound('API token', 42)),
  tokenKeyUsed: errorResponse(
    'The Idempotency-Key already created a token (a retry: its secret is not shown again), or was used with another body',
    tokenAlreadyCreated('0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90', 42),
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different token', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    })
  ),
}
