import { SCOPES } from '#access/models/api_token'
import { ROLES } from '#access/models/user'

/* Response shapes of the access module (French wire names). Never a password or token hash. */
const instant = { type: 'string', format: 'date-time' }
const nullableInstant = { type: ['string', 'null'], format: 'date-time' }
const scopes = { type: 'array', items: { enum: [...SCOPES] } }

const userSummaryProperties = {
  id: { type: 'integer' },
  nom_utilisateur: { type: 'string', example: 'caissier1' },
  email: { type: 'string', format: 'email', example: 'caissier1@comptoir.local' },
  nom_complet: { type: 'string', example: 'Caissier Magasin Centre-Ville' },
  role: { enum: [...ROLES] },
  magasin_id: { type: ['integer', 'null'], description: 'Set for clerks only' },
  doit_changer_mot_de_passe: {
    type: 'boolean',
    description:
      'An administrator set this password (new account or reset): until the user chooses their own with ' +
      'POST /api/v1/auth/password, their sessions get 403 PASSWORD_CHANGE_REQUIRED everywhere but /auth/me, ' +
      '/auth/password and /auth/logout',
  },
}

const tokenProperties = {
  id: { type: 'integer' },
  nom: { type: 'string', example: 'erp-sync' },
  prefixe: { type: 'string', description: 'First 12 characters of the token, to recognise it', example: 'cpt_Ab3dE5gH' },
  scopes,
  cree_le: instant,
  derniere_utilisation: { ...nullableInstant, description: 'Updated at most once a minute' },
  expire_le: nullableInstant,
  revoque_le: nullableInstant,
}

export const accessSchemas: Record<string, Record<string, unknown>> = {
  UserSummary: {
    type: 'object',
    required: Object.keys(userSummaryProperties),
    properties: userSummaryProperties,
  },
  User: {
    type: 'object',
    required: [...Object.keys(userSummaryProperties), 'actif', 'cree_le', 'modifie_le'],
    properties: { ...userSummaryProperties, actif: { type: 'boolean' }, cree_le: instant, modifie_le: instant },
  },
  DeactivatedUser: {
    type: 'object',
    description: 'DELETE kept the account because records refer to it, and deactivated it',
    required: [...Object.keys(userSummaryProperties), 'actif', 'cree_le', 'modifie_le', 'reference_par'],
    properties: {
      ...userSummaryProperties,
      actif: { const: false },
      cree_le: instant,
      modifie_le: instant,
      reference_par: { type: 'array', items: { type: 'string' }, description: 'Tables that refer to the user', example: ['sales'] },
    },
  },
  LoginSession: {
    type: 'object',
    required: ['token', 'expire_le', 'scopes', 'utilisateur'],
    properties: {
      token: { type: 'string', description: 'Session token; send it as X-API-Token or Authorization: Bearer', example: 'cpt_…' },
      expire_le: instant,
      scopes,
      utilisateur: { $ref: '#/components/schemas/UserSummary' },
    },
  },
  Me: {
    oneOf: [
      {
        type: 'object',
        title: 'Session',
        required: ['utilisateur', 'scopes', 'expire_le'],
        properties: { utilisateur: { $ref: '#/components/schemas/UserSummary' }, scopes, expire_le: instant },
      },
      {
        type: 'object',
        title: 'Integration token',
        required: ['jeton'],
        properties: {
          jeton: {
            type: 'object',
            required: ['nom', 'scopes', 'type', 'expire_le'],
            properties: { nom: { type: 'string' }, scopes, type: { const: 'integration' }, expire_le: nullableInstant },
          },
        },
      },
    ],
  },
  ApiToken: {
    type: 'object',
    required: Object.keys(tokenProperties),
    properties: tokenProperties,
  },
  CreatedApiToken: {
    type: 'object',
    required: [...Object.keys(tokenProperties), 'token'],
    properties: {
      ...tokenProperties,
      token: { type: 'string', description: 'The token itself, shown this once only', example: 'cpt_…' },
    },
  },
}
