/**
 * Renders the PR comment of a sample run to docs/comment.png for the README, or with
 * `dashboard`, the dashboard issue of the scheduled modes' demo to docs/dashboard.png: the
 * bundled action against the sandboxes, the Markdown through marked (GFM), a GitHub-like
 * stylesheet, and headless Chromium (apt-get install chromium). Not part of the tests.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { marked } from 'marked'
import { seedFlags, startSandboxes } from '../sandbox/fixtures.ts'
import { digestRun, reconcileRun, seedAccount } from './account-state.ts'
import { DEMO_PORT, prStateScenario } from './pr-state.ts'

const dashboard = process.argv[2] === 'dashboard'
const sandboxes = await startSandboxes({ port: DEMO_PORT })
let body: string
if (dashboard) {
  seedAccount(sandboxes)
  await sandboxes.run(reconcileRun)
  await sandboxes.run(digestRun)
  body = sandboxes.github.issues('Codertocat/Hello-World')[0]?.body ?? ''
} else {
  seedFlags(sandboxes.launchDarkly)
  await sandboxes.run(prStateScenario(sandboxes))
  body = sandboxes.github.commentsOn('Codertocat/Hello-World', 2)[0]?.body ?? ''
}
await sandboxes.close()

const css = `body{font-family:-apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;margin:0;padding:16px;background:#fff}
.box{border:1px solid #d1d9e0;border-radius:6px;max-width:1260px}.head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e}
.body{padding:8px 16px 16px}h2{font-size:1.5em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em;margin:16px 0}
table{border-collapse:collapse;display:block;overflow:auto}th,td{border:1px solid #d1d9e0;padding:6px 13px}th{font-weight:600}tr:nth-child(2n){background:#f6f8fa}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:85%;background:rgba(129,139,152,.12);border-radius:6px;padding:.2em .4em}a{color:#0969da;text-decoration:none}sub{color:#59636e}`
const html = `<!doctype html><meta charset="utf-8"><style>${css}</style><div class="box"><div class="head">${dashboard ? '<b>LaunchDarkly expiring targets dashboard</b> · opened by github-actions bot' : '<b>github-actions</b> bot commented'}</div><div class="body">${marked.parse(body, { gfm: true, async: false })}</div></div>`
const dir = mkdtempSync(join(tmpdir(), 'comment-'))
writeFileSync(join(dir, 'comment.html'), html)
const out = new URL(`../docs/${dashboard ? 'dashboard' : 'comment'}.png`, import.meta.url).pathname
execFileSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${join(dir, 'profile')}`,
    dashboard ? '--window-size=1300,900' : '--window-size=1300,640',
    `--screenshot=${out}`,
    `file://${join(dir, 'comment.html')}`
  ],
  { stdio: 'ignore' }
)
console.log(`wrote ${out}\n\n${body}`)
