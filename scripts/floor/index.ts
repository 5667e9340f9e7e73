/**
 * The floor for `npm run bench`: what any action on this stack pays before it does anything. It
 * loads @actions/core, @actions/github, @octokit/rest and zod, creates an Octokit, parses one
 * object and sets one output. The benchmark bundles it with ncc, as the action is bundled.
 */
import * as core from '@actions/core'
import { context } from '@actions/github'
import { defaults, getOctokitOptions } from '@actions/github/lib/utils'
import { Octokit } from '@octokit/rest'
import { z } from 'zod'

const octokit = new Octokit(
  getOctokitOptions(core.getInput('github-token') || 'token', { request: defaults.request })
)
const event = z.object({ action: z.string().optional() }).parse(context.payload)
core.setOutput('floor', `${typeof octokit.rest.issues.createComment} ${event.action ?? ''}`)
