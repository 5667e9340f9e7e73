/**
 * zod schemas for the parts of LaunchDarkly's responses the action reads, after the published
 * OpenAPI description (launchdarkly/openapi-expiring-targets.json). Unknown fields pass through
 * unread; fields the spec marks optional stay optional here.
 */
import { z } from 'zod'
import { USER_KIND } from '../core/target.js'

/** `UnixMillis` is an int64; the spec's own example writes one as a string, so accept both. */
const unixMillis = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{1,16}$/)
    .transform(Number)
])

export const variationSchema = z.object({
  _id: z.string().min(1),
  value: z.unknown(),
  name: z.string().optional()
})

const targetSchema = z.object({
  values: z.array(z.string()),
  variation: z.number().int().nonnegative(),
  contextKind: z.string().optional()
})

export const flagSchema = z.object({
  key: z.string(),
  name: z.string(),
  variations: z.array(variationSchema),
  environments: z
    .record(
      z.string(),
      z.object({
        targets: z.array(targetSchema).optional(),
        contextTargets: z.array(targetSchema).optional()
      })
    )
    .optional()
})

const segmentTargetSchema = z.object({ contextKind: z.string(), values: z.array(z.string()) })

/**
 * A segment in one environment (`UserSegment`, `GET /api/v2/segments/{p}/{env}/{key}`): its
 * `version` (no underscore), individual targets, and whether it is a big segment, which lists none.
 */
export const segmentSchema = z.object({
  key: z.string(),
  name: z.string(),
  version: z.number().int(),
  included: z.array(z.string()).optional(),
  excluded: z.array(z.string()).optional(),
  includedContexts: z.array(segmentTargetSchema).optional(),
  excludedContexts: z.array(segmentTargetSchema).optional(),
  unbounded: z.boolean().optional()
})

/** A page of `GET /api/v2/segments/{projectKey}/{environmentKey}`. */
export const segmentListSchema = z.object({
  items: z.array(segmentSchema),
  totalCount: z.number().int().nonnegative().optional()
})

/** A page of `GET /api/v2/flags/{projectKey}` with `summary=0`: full flags, `totalCount`. */
export const flagListSchema = z.object({
  items: z.array(flagSchema),
  totalCount: z.number().int().nonnegative().optional()
})

const errorsSchema = z.array(z.object({ instructionIndex: z.number().int(), message: z.string() }))

const counters = {
  totalInstructions: z.number().int().nonnegative().optional(),
  successfulInstructions: z.number().int().nonnegative().optional(),
  failedInstructions: z.number().int().nonnegative().optional(),
  errors: errorsSchema.optional()
}

/** What the items of both endpoints have: their id and version, the time, and where. */
const itemFields = {
  _id: z.string(),
  _version: z.number().int(),
  expirationDate: unixMillis,
  variationId: z.string().optional(),
  targetType: z.string().optional()
}

/** The user endpoint's item (`ExpiringUserTargetItem`), read as a target of kind user. */
const userItemSchema = z
  .object({ ...itemFields, userKey: z.string() })
  .transform(({ userKey, ...item }) => ({ ...item, target: { kind: USER_KIND, key: userKey } }))

/** The contexts endpoint's item (`ExpiringTarget`). */
const contextItemSchema = z
  .object({ ...itemFields, contextKind: z.string(), contextKey: z.string() })
  .transform(({ contextKind, contextKey, ...item }) => ({
    ...item,
    target: { kind: contextKind, key: contextKey }
  }))

export const expiringGetSchemas = {
  users: z.object({ items: z.array(userItemSchema) }),
  contexts: z.object({ items: z.array(contextItemSchema) })
}

export const expiringPatchSchemas = {
  users: z.object({ items: z.array(userItemSchema), ...counters }),
  contexts: z.object({ items: z.array(contextItemSchema), ...counters })
}

export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  id: z.string().optional()
})

export type Variation = z.infer<typeof variationSchema>
export type Flag = z.infer<typeof flagSchema>
export type Segment = z.infer<typeof segmentSchema>
/**
 * Which of LaunchDarkly's two expiring-targets APIs: `users` (`expiring-user-targets`, v1's) or
 * `contexts` (`expiring-targets`). Items from either are read as `{ target: { kind, key } }`.
 */
export type Endpoint = keyof typeof expiringGetSchemas
/** A scheduled removal, from either endpoint. */
export type ExpiringItem = z.output<typeof userItemSchema>
export type PatchResponse = z.output<(typeof expiringPatchSchemas)['users']>
export type ErrorBody = z.infer<typeof errorBodySchema>
