/**
 * zod schemas for the parts of LaunchDarkly's responses the action reads, after the published
 * OpenAPI description (launchdarkly/openapi-expiring-targets.json). Unknown fields pass through
 * unread; fields the spec marks optional stay optional here.
 */
import { z } from 'zod'

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

export const expiringItemSchema = z.object({
  _id: z.string(),
  _version: z.number().int(),
  expirationDate: unixMillis,
  userKey: z.string(),
  variationId: z.string().optional(),
  targetType: z.string().optional()
})

export const expiringGetSchema = z.object({ items: z.array(expiringItemSchema) })

export const expiringPatchSchema = z.object({
  items: z.array(expiringItemSchema),
  totalInstructions: z.number().int().nonnegative().optional(),
  successfulInstructions: z.number().int().nonnegative().optional(),
  failedInstructions: z.number().int().nonnegative().optional(),
  errors: z.array(z.object({ instructionIndex: z.number().int(), message: z.string() })).optional()
})

export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  id: z.string().optional()
})

export type Variation = z.infer<typeof variationSchema>
export type Flag = z.infer<typeof flagSchema>
export type ExpiringItem = z.infer<typeof expiringItemSchema>
export type PatchResponse = z.infer<typeof expiringPatchSchema>
export type ErrorBody = z.infer<typeof errorBodySchema>
