/**
 * What happened to an entry, one vocabulary from planning to the report. Planning says what an
 * entry will do (`scheduled`: a removal will be scheduled); writing keeps it or turns it into
 * `failed`; `invalid` and `superseded` entries never reach planning.
 */
export type Outcome =
  | 'scheduled'
  | 'moved'
  | 'cancelled'
  | 'unchanged'
  /** A removal whose time has passed (a targets file line): done, never added or moved again. */
  | 'expired'
  | 'failed'
  | 'invalid'
  /** A label left alone because a newer label names the same key. */
  | 'superseded'

/** The outcomes planning can give. */
export type PlannedOutcome = Exclude<Outcome, 'invalid' | 'superseded'>
