import type { HttpContext } from '@adonisjs/core/http'
import { created } from '#core/created'
import { validateKeyedBody, type IdempotencyKey } from '#core/idempotency'
import { validateBody, type StrictValidator as Validator } from '#core/validation'
import type { EchoedFields } from '#core/echoed_fields'
import { requireRole } from '#access/policies'

/**
 * A resource that only managers and admins change (categories, stores): the
 * validators of its URL id and of its bodies, the mapping of the wire names,
 * the module's write actions, and the wire form of what they return.
 */
export interface ManagedResource<Body, Patch, NewResource, Changes, Model, Wire> {
  idParams: Validator<{ id: number }>
  /** POST: every field, absent optional ones empty. */
  body: Validator<Body>
  /** PATCH and PUT (the original API's PUT changed only the fields sent). */
  patchBody: Validator<Patch>
  /** What the resource's GET shows that PATCH and PUT accept back unchanged (`id`, …). */
  readOnlyFields(id: number): EchoedFields
  creationFromWire(body: Body): NewResource
  changesFromWire(body: Patch): Changes
  /** Once per Idempotency-Key: a retry answers with what the first request created (`replayed`). */
  create(input: NewResource, idempotencyKey: IdempotencyKey | null): Promise<{ model: Model; replayed: boolean }>
  update(id: number, changes: Changes): Promise<Model>
  remove(id: number): Promise<Model>
  toWire(model: Model): Wire
  /** Where the created resource is read back, under the API prefix (`/stores/12`): the 201's Location. */
  location(model: Model): string
}

/**
 * The create, patch (PATCH and PUT) and delete handlers of such a resource. The role
 * is checked before anything is read, so a clerk gets 403 whatever they send.
 */
export function managerWrites<Body, Patch, NewResource, Changes, Model, Wire>(
  resource: ManagedResource<Body, Patch, NewResource, Changes, Model, Wire>
) {
  async function targetId(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { id } = await resource.idParams.validate(ctx.params)
    return id
  }

  return {
    async store(ctx: HttpContext) {
      requireRole(ctx.principal, 'manager', 'admin')
      const { body, key } = await validateKeyedBody(resource.body, ctx)
      const { model, replayed } = await resource.create(resource.creationFromWire(body), key)
      if (!replayed) return created(ctx, resource.location(model), resource.toWire(model))
      ctx.response.header('Idempotent-Replayed', 'true')
      return resource.toWire(model)
    },

    async patch(ctx: HttpContext) {
      const id = await targetId(ctx)
      const body = await validateBody(resource.patchBody, ctx, { echoed: resource.readOnlyFields(id) })
      return resource.toWire(await resource.update(id, resource.changesFromWire(body)))
    },

    async destroy(ctx: HttpContext) {
      return resource.toWire(await resource.remove(await targetId(ctx)))
    },
  }
}
