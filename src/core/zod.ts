/**
 * zod's configuration for this action, imported once by main.ts before anything parses: every
 * schema parses a handful of values once, so zod's compiled fast paths (built with `new Function`
 * on first parse) cost more than they save.
 */
import { config } from 'zod'

config({ jitless: true })
