import router from '@adonisjs/core/services/router'
import { idempotencyKey, location, replayed } from '#core/openapi/headers'
import { middleware } from '#start/kernel'
import { documented } from '#core/openapi/registry'
import { pageOf, registerSchemas } from '#core/openapi/schemas'
import { registerExamples } from '#core/openapi/examples'
import { accessSchemas } from '#access/openapi_schemas'
import { accessBodyExamples, accessErrors, accessExamples } from '#access/openapi_examples'
import { prepareLoginLimiters } from '#access/services/login_throttle'
import { changePasswordBody, loginBody } from '#access/validators/auth_validators'
import {
  createUserBody,
  listUsersQuery,
  updateUserBody,
  userIdParams,
} from '#access/validators/user_validators'
import { createTokenBody, listTokensQuery, tokenIdParams } from '#access/validators/token_validators'

const AuthController = () => import('#access/controllers/auth_controller')
const UsersController = () => import('#access/controllers/users_controller')
const TokensController = () => import('#access/controllers/tokens_controller')

registerSchemas(accessSchemas)
registerExamples(accessExamples)
prepareLoginLimiters()

/* ---- Authentication ------------------------------------------------------ */

router
  .group(() => {
    documented(router.post('/auth/login', [AuthController, 'login']), {
      summary: 'Log in with a username or e-mail and a password; returns a 12-hour session token',
      description:
        'Body: `identifiant` (username or e-mail) and `mot_de_passe`; `username` or `email`, and `password`, ' +
        'are accepted as aliases. The session scopes follow the role: clerk → read, write; manager → read, ' +
        'write, reports; admin → read, write, reports, admin. Unknown user, wrong password and deactivated ' +
        'account all answer the same 401. Failed attempts are limited to 5 per (account, IP) — username and e-mail ' +
        'share one — and 30 per ' +
        'IP per 15 minutes (429 with Retry-After). `utilisateur.doit_changer_mot_de_passe: true` means an administrator ' +
        'set the password (new account or reset): the session then only answers on GET /auth/me, POST /auth/password and ' +
        'POST /auth/logout (anything else is 403 PASSWORD_CHANGE_REQUIRED) until the user chooses their own.',
      tags: ['Authentication'],
      auth: 'public',
      body: loginBody,
      bodyExample: accessBodyExamples.login,
      responses: {
        200: { description: 'Logged in', schema: 'LoginSession' },
        401: accessErrors.badCredentials,
        422: accessErrors.loginInvalid,
        429: accessErrors.rateLimited,
      },
    })
    documented(router.post('/auth/logout', [AuthController, 'logout']).use(middleware.auth()), {
      summary: 'Log out: revokes the session token used for this request',
      tags: ['Authentication'],
      auth: [],
      responses: {
        204: { description: 'The session token is revoked' },
        422: accessErrors.notASession,
      },
    })
    documented(router.post('/auth/password', [AuthController, 'changePassword']).use(middleware.auth()), {
      summary: 'Change your own password (a signed-in user)',
      description:
        'Body: `mot_de_passe_actuel` and `nouveau_mot_de_passe` (at least 10 characters, not the current one). ' +
        'A wrong current password answers 422 on `mot_de_passe_actuel` and counts as a failed login (same ' +
        'limits, 429 with Retry-After). The user’s other sessions are revoked; the one making the change stays ' +
        'valid, and a password an administrator set (doit_changer_mot_de_passe) is then the user’s own: the session ' +
        'may call everything its scopes allow. The same change sent again by the same session within 2 minutes (a double ' +
          'click, a retry) answers 204 both times. Integration tokens have no password (422).',
      tags: ['Authentication'],
      auth: [],
      body: changePasswordBody,
      bodyExample: accessBodyExamples.changePassword,
      responses: {
        204: { description: 'Changed; the other sessions are revoked' },
        422: accessErrors.passwordInvalid,
        429: accessErrors.rateLimited,
      },
    })
    documented(router.get('/auth/me', [AuthController, 'me']).use(middleware.auth()), {
      summary: 'Who is calling: the logged-in user, or the integration token',
      description:
        'For a session, `utilisateur.doit_changer_mot_de_passe` says whether the user must first choose their own ' +
        'password (POST /auth/password); this route answers either way.',
      tags: ['Authentication'],
      auth: [],
      responses: { 200: { description: 'The principal', schema: 'Me' } },
    })
  })
  .prefix('/api/v1')

/* ---- Users (administrators) ---------------------------------------------- */

router
  .group(() => {
    documented(router.get('/users', [UsersController, 'index']), {
      summary: 'List users (paginated, searchable, filterable)',
      description:
        'sort: `field,asc|desc` over id, nom_utilisateur, email, nom_complet, role, cree_le. search matches ' +
        'username, e-mail or full name. Needs the admin scope and, for a session, the admin role.',
      tags: ['Users'],
      auth: ['admin'],
      query: listUsersQuery,
      responses: { 200: { description: 'A page of users', schema: pageOf('User') } },
    })
    documented(router.get('/users/:id', [UsersController, 'show']), {
      summary: 'One user',
      tags: ['Users'],
      auth: ['admin'],
      params: userIdParams,
      responses: { 200: { description: 'The user', schema: 'User' }, 404: accessErrors.userNotFound },
    })
    documented(router.post('/users', [UsersController, 'store']), {
      summary: 'Create a user (idempotent with an Idempotency-Key header)',
      description:
        'nom_utilisateur: 3–60 characters among a-z 0-9 . _ - (lower-cased); mot_de_passe: at least 10 ' +
        'characters; magasin_id is required for a clerk and must be null or absent for other roles. The administrator ' +
        'knows the password: the new user must choose their own at first sign-in (doit_changer_mot_de_passe: true). ' +
        'With an Idempotency-Key, a retry answers with the account it created (200, Idempotent-Replayed: true) ' +
        'instead of a 409 on its name; the password is not compared.',
      tags: ['Users'],
      auth: ['admin'],
      body: createUserBody,
      bodyExample: accessBodyExamples.createUser,
      headers: [idempotencyKey('user')],
      responses: {
        201: { description: 'The new user', schema: 'User', headers: location('/api/v1/users/{id}') },
        200: replayed('Replay of an earlier creation with the same Idempotency-Key', 'User'),
        409: accessErrors.userDuplicate,
        422: accessErrors.userInvalid,
      },
    })
    documented(router.patch('/users/:id', [UsersController, 'update']), {
      summary: 'Change a user (profile, role, store, password, activation)',
      description:
        'Any subset of the fields. Deactivating (`actif: false`), changing the role or store, or setting a new ' +
        'password revokes the user’s open sessions in the same transaction. An administrator cannot ' +
        'deactivate or demote themselves, nor set their own password here (POST /auth/password asks for the current ' +
        'one), and the last active administrator cannot be removed (409). A password set here flags its user ' +
        '(doit_changer_mot_de_passe: true): they must choose their own at next sign-in.',
      tags: ['Users'],
      auth: ['admin'],
      params: userIdParams,
      body: updateUserBody,
      bodyExample: accessBodyExamples.updateUser,
      responses: {
        200: { description: 'The user after the change', schema: 'User' },
        404: accessErrors.userNotFound,
        409: accessErrors.userUpdateConflict,
      },
    })
    documented(router.delete('/users/:id', [UsersController, 'destroy']), {
      summary: 'Delete a user, or deactivate them when records refer to them',
      description:
        'An account nothing refers to is deleted (204). An account referred to by sales, register sessions, ' +
        'stock movements or other records is kept for the audit trail, deactivated and returned (200).',
      tags: ['Users'],
      auth: ['admin'],
      params: userIdParams,
      responses: {
        200: { description: 'Kept and deactivated', schema: 'DeactivatedUser' },
        204: { description: 'Deleted' },
        404: accessErrors.userNotFound,
        409: accessErrors.userDeleteConflict,
      },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['admin'] }))

/* ---- Integration tokens (administrators) --------------------------------- */

router
  .group(() => {
    documented(router.get('/tokens', [TokensController, 'index']), {
      summary: 'List integration tokens (never the secret nor its hash)',
      description:
        'sort over id, nom, cree_le, expire_le, derniere_utilisation. search matches the name or the prefix. ' +
        'actif=true: usable tokens; actif=false: revoked or expired ones.',
      tags: ['API tokens'],
      auth: ['admin'],
      query: listTokensQuery,
      responses: { 200: { description: 'A page of tokens', schema: pageOf('ApiToken') } },
    })
    documented(router.post('/tokens', [TokensController, 'store']), {
      summary: 'Create an integration token; the response is the only time it is shown',
      description:
        'expire_le: ISO 8601 date-time with its offset, or a day alone (the last day the token works: it expires at the end ' +
        'of that day in APP_TIMEZONE); in the future; omit it for a token that does not expire. ' +
        'With an Idempotency-Key, a retry creates no second token; since the secret is never shown twice, it is a 409 ' +
        'IDEMPOTENCY_CONFLICT whose details.token_id names the token the key created.',
      tags: ['API tokens'],
      auth: ['admin'],
      body: createTokenBody,
      bodyExample: accessBodyExamples.createToken,
      headers: [
        idempotencyKey('token', 'creates nothing and is a 409 IDEMPOTENCY_CONFLICT naming the token in details.token_id (the secret is shown once only)'),
      ],
      responses: {
        201: { description: 'The token, with its secret', schema: 'CreatedApiToken' },
        409: accessErrors.tokenKeyUsed,
      },
    })
    documented(router.delete('/tokens/:id', [TokensController, 'destroy']), {
      summary: 'Revoke an integration token (idempotent)',
      description: 'Revoking an already revoked token is also a 204 and keeps the first revocation time.',
      tags: ['API tokens'],
      auth: ['admin'],
      params: tokenIdParams,
      responses: { 204: { description: 'Revoked' }, 404: accessErrors.tokenNotFound },
    })
  })
  .prefix('/api/v1')
  .use(middleware.auth({ scopes: ['admin'] }))
