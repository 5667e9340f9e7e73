/**
 * One dashboard issue per repository and key, like Renovate's dependency dashboard: found again
 * by its hidden marker and its author on every page of open issues, created when absent, edited
 * in place, and left alone when its content would not change. Each run rewrites its own sections
 * (due, drift) and keeps the others as they are.
 */
import type { Octokit, Repository } from './octokit.js'
import {
  composeBody,
  firstOnPages,
  isOurs,
  putBody,
  type Author,
  type CommentResult
} from './comment.js'
import { DASHBOARD_MARKER_START } from '../core/markers.js'
import { issuesSchema, type ListedIssue } from './payloads.js'

export const DASHBOARD_TITLE = 'LaunchDarkly expiring targets dashboard'

const SECTIONS = {
  due: { heading: 'Due soon', none: 'Not read yet: no digest has run with dashboard: true.' },
  drift: {
    heading: 'Drift at the last reconcile',
    none: 'Not known yet: no reconcile has run with dashboard: true.'
  }
} as const
export type Section = keyof typeof SECTIONS

export function dashboardMarker(key: string): string {
  return `${DASHBOARD_MARKER_START}${key} -->`
}

function sectionIn(body: string | null | undefined, name: Section): string | undefined {
  const found = new RegExp(
    `<!-- section:${name} -->\\n([\\s\\S]*?)\\n<!-- /section:${name} -->`
  ).exec(body ?? '')
  return found?.[1]
}

/** The dashboard's content: this run's sections, and the existing issue's for the others. */
export function dashboardContent(
  sections: Partial<Record<Section, string>>,
  existingBody: string | null | undefined
): string {
  const parts = [
    `## ${DASHBOARD_TITLE}`,
    '*Kept up to date by the LaunchDarkly Expiring Targets action: edits here are overwritten.*'
  ]
  for (const name of Object.keys(SECTIONS) as Section[]) {
    const content = sections[name] ?? sectionIn(existingBody, name) ?? SECTIONS[name].none
    parts.push(
      `### ${SECTIONS[name].heading}`,
      `<!-- section:${name} -->\n${content}\n<!-- /section:${name} -->`
    )
  }
  return parts.join('\n\n')
}

/** The open dashboard issue, if any: the first with the marker by our author. */
export async function findDashboard(
  octokit: Octokit,
  { where, marker, author }: { where: Repository; marker: string; author: Author }
): Promise<ListedIssue | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...where,
    state: 'open',
    per_page: 100,
    ...(author.kind === 'user' ? { creator: author.login } : {})
  })
  return firstOnPages(
    pages,
    issuesSchema,
    (issue) => !issue.pull_request && isOurs(issue, marker, author)
  )
}

/** Creates the issue, edits it in place, or leaves it when its content is the same. */
export async function writeDashboard(
  octokit: Octokit,
  where: Repository,
  existing: ListedIssue | undefined,
  marker: string,
  content: string,
  footer: string
): Promise<CommentResult> {
  const body = composeBody(marker, content, footer)
  return putBody(existing, body, {
    update: ({ number }) => octokit.rest.issues.update({ ...where, issue_number: number, body }),
    create: () => octokit.rest.issues.create({ ...where, title: DASHBOARD_TITLE, body })
  })
}
