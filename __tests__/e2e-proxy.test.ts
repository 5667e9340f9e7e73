/**
 * End to end: the bundled action behind an HTTPS proxy, and against GitHub Enterprise Server's
 * `/api/v3` prefix. Both sandboxes serve HTTPS with the test-only certificate (trusted through
 * NODE_EXTRA_CA_CERTS, as a runner with a corporate CA would) under names that end in `.invalid`,
 * which never resolve (RFC 6761): a request that does not go through the proxy cannot connect at
 * all, and the proxy only connects to the sandboxes on 127.0.0.1. (A loopback address would not do:
 * @actions/http-client never sends requests for loopback hosts through a proxy.)
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import { ENVIRONMENT, PROJECT, startSandboxes, type Sandboxes } from '../sandbox/fixtures.ts'
import { startProxySandbox, type ProxySandbox } from '../sandbox/proxy.ts'
import type { RunOptions } from '../sandbox/runner.ts'
import { TLS_CERT_PATH } from '../sandbox/server.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { BUNDLE_TEST_TIMEOUT_MS, bundleSuite, runBundle, type BundleRun } from './helpers/bundle.ts'
import { emptyGitHub, emptyLaunchDarkly } from './helpers/empty.ts'
import { scanAfterEach } from './helpers/secrets.ts'

const REPO = 'Codertocat/Hello-World'
const LD_HOST = 'launchdarkly.sandbox.invalid'
const GH_HOST = 'github.sandbox.invalid'
const PREFIX = '/api/v3'
const LABEL = 'expire-user:sandy@2030-06-10'

// A run that works takes well under a second. A client that ignores the proxy fails to resolve
// the .invalid names, and its retries took ~30 s (measured with the bundle before proxy support):
// one attempt per request (max-attempts 1, below) keeps such a run short, and the time limits of
// helpers/bundle.ts end a hung run in a failure that says what it printed.
jest.setTimeout(BUNDLE_TEST_TIMEOUT_MS)

/** Both sandboxes over HTTPS, GitHub's under /api/v3, reached by name through the proxy. */
let proxied: Sandboxes
/** GitHub Enterprise Server on plain http://127.0.0.1 under /api/v3, no proxy. */
let ghes: Sandboxes
let proxy: ProxySandbox
/** The sandboxes the current test runs against, for the secret scan. */
let current: Sandboxes | undefined
const prNumber = (pullRequestPayload('labeled').pull_request as { number: number }).number

bundleSuite()
scanAfterEach(() => current)

// One set of sandboxes and proxy for the file, emptied before each test: no run outlives its test
// (bundleSuite), and nothing a test left on them reaches the next.
beforeAll(async () => {
  proxied = await startSandboxes({ tls: true }, { tls: true, pathPrefix: PREFIX })
  ghes = await startSandboxes({}, { pathPrefix: PREFIX })
  proxy = await startProxySandbox({
    routes: {
      [`${LD_HOST}:443`]: proxied.launchDarkly.url,
      [`${GH_HOST}:443`]: proxied.github.origin
    }
  })
})
afterAll(async () => {
  await Promise.all([proxied?.close(), ghes?.close(), proxy?.close()])
})
beforeEach(() => {
  current = undefined
  for (const sandboxes of [proxied, ghes]) {
    emptyLaunchDarkly(sandboxes.launchDarkly)
    emptyGitHub(sandboxes.github)
  }
  proxy.reset()
})
afterEach(() => {
  expect(proxied.launchDarkly.violations).toEqual([])
  expect(ghes.launchDarkly.violations).toEqual([])
})

/** The bundle against `sandboxes`: their inputs and GITHUB_API_URL, then the options'. */
const runOn = (sandboxes: Sandboxes, options: Partial<RunOptions>): Promise<BundleRun> =>
  runBundle({
    ...options,
    inputs: { ...sandboxes.inputs(), ...options.inputs },
    env: { ...sandboxes.env(), ...options.env }
  })

/**
 * A labeled PR event, run through the proxy with the hosts' names. One attempt per LaunchDarkly
 * request: a run that works needs no retry, and a host that does not resolve will not resolve on
 * a retry either, so a client that ignores the proxy fails at once instead of backing off.
 */
function runBehindProxy(env: Record<string, string> = {}, extra: Partial<RunOptions> = {}) {
  current = proxied
  return runOn(proxied, {
    eventName: 'pull_request',
    payload: pullRequestPayload('labeled', LABEL),
    ...extra,
    inputs: { 'base-uri': `https://${LD_HOST}`, 'max-attempts': '1', ...extra.inputs },
    env: {
      GITHUB_API_URL: `https://${GH_HOST}${PREFIX}`,
      HTTPS_PROXY: proxy.url,
      NODE_EXTRA_CA_CERTS: TLS_CERT_PATH,
      ...env
    }
  })
}

const tunnelHosts = () => new Set(proxy.tunnelHosts())
const writesOn = (sandboxes: Sandboxes) =>
  sandboxes.github.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH')

function expectEveryGitHubRequestPrefixed(sandboxes: Sandboxes): void {
  const paths = sandboxes.github.requests.map((r) => r.path)
  expect(paths.length).toBeGreaterThan(0)
  expect(paths.filter((path) => !path.startsWith(`${PREFIX}/`))).toEqual([])
  expect(sandboxes.github.requests.filter((r) => r.status === 404)).toEqual([])
}

function expectCommentWritten(sandboxes: Sandboxes, run: BundleRun): void {
  const comments = sandboxes.github.commentsOn(REPO, prNumber)
  expect(comments).toHaveLength(1)
  expect(writesOn(sandboxes).map((r) => [r.method, r.path])).toEqual([
    ['POST', `${PREFIX}/repos/${REPO}/issues/${prNumber}/comments`]
  ])
  expect(run.outputs['comment-url']).toBe(comments[0]?.html_url)
}

describe('behind an HTTPS proxy, with a GHES base URL', () => {
  it('reaches LaunchDarkly and GitHub only through the proxy, and GitHub under /api/v3', async () => {
    const result = await runBehindProxy()
    expect(result.code).toBe(0)

    const ld = proxied.launchDarkly
    expect(ld.countRequests('GET')).toBeGreaterThan(0)
    expect(ld.countRequests('PATCH')).toBe(1)
    expect(new Set(ld.requests.map((r) => r.headers.host))).toEqual(new Set([LD_HOST]))
    expect(ld.expiring(PROJECT, 'checkout', ENVIRONMENT).map((i) => i.userKey)).toEqual(['sandy'])
    expect(result.outputs['successful-instructions']).toBe('1')

    expectCommentWritten(proxied, result)
    expectEveryGitHubRequestPrefixed(proxied)
    expect(new Set(proxied.github.requests.map((r) => r.host))).toEqual(new Set([GH_HOST]))

    expect(tunnelHosts()).toEqual(new Set([`${LD_HOST}:443`, `${GH_HOST}:443`]))
    expect(proxy.refused).toEqual([])
    expect(proxy.forwarded).toEqual([])
  })

  it('goes straight to a NO_PROXY host: no tunnel to LaunchDarkly, which cannot be resolved, while GitHub still goes through the proxy', async () => {
    const result = await runBehindProxy({ NO_PROXY: LD_HOST })
    expect(result.code).toBe(1)

    expect(tunnelHosts()).toEqual(new Set([`${GH_HOST}:443`]))
    expect(proxy.refused).toEqual([])
    expect(proxied.launchDarkly.requests).toEqual([])
    expect(proxied.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)).toEqual([])

    const errors = JSON.parse(result.outputs.errors ?? '[]') as { flagKey?: string }[]
    expect(errors.length).toBeGreaterThan(0)
    expect(new Set(errors.map((e) => e.flagKey))).toEqual(new Set(['checkout']))
    expect(result.outputs['successful-instructions']).toBe('0')

    // The failure is reported on the PR, through the proxy and under the prefix.
    expect(proxied.github.commentsOn(REPO, prNumber)).toHaveLength(1)
    expect(result.outputs['comment-url']).toBe(
      proxied.github.commentsOn(REPO, prNumber)[0]?.html_url
    )
    expectEveryGitHubRequestPrefixed(proxied)
  })
})

describe('GitHub Enterprise Server without a proxy', () => {
  it('writes the comment under the /api/v3 prefix of GITHUB_API_URL', async () => {
    current = ghes
    expect(ghes.github.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    const result = await runOn(ghes, {
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', LABEL),
      env: { GITHUB_API_URL: ghes.github.url }
    })
    expect(result.code).toBe(0)
    expect(ghes.launchDarkly.countRequests('PATCH')).toBe(1)
    expectCommentWritten(ghes, result)
    expectEveryGitHubRequestPrefixed(ghes)
  })
})
