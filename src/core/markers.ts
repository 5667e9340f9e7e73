/**
 * The start of the dashboard issue's hidden marker: github/dashboard.ts writes it whole, and
 * run/trigger.ts (on index.ts's fast path, so free of imports) recognises an edit of it.
 */
export const DASHBOARD_MARKER_START = '<!-- launchdarkly-expiring-targets dashboard '
