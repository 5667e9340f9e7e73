/**
 * The pieces the proxy and GHES end-to-end test stands on, each on its own: the sandboxes over
 * HTTPS with the test-only certificate, the CONNECT proxy (tunnels, forwarding, refusals, records)
 * and the GitHub sandbox's path prefix. Then the real clients (@actions/http-client, and Octokit
 * through @actions/github) in a child process configured only by environment variables, as the
 * action will be.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import {
  API_KEY,
  GITHUB_TOKEN,
  PROJECT,
  REPOSITORY,
  registerRunnerToken,
  seedFlags
} from '../sandbox/fixtures.ts'
import { GitHubSandbox, startGitHubSandbox } from '../sandbox/github.ts'
import { startLaunchDarklySandbox, type LaunchDarklySandbox } from '../sandbox/launchdarkly.ts'
import { ProxySandbox, startProxySandbox } from '../sandbox/proxy.ts'
import { TLS_CERT_PATH } from '../sandbox/server.ts'

const ROOT = new URL('..', import.meta.url).pathname
const CA = readFileSync(TLS_CERT_PATH)
const LD_HOST = 'launchdarkly.sandbox.invalid'
const GH_HOST = 'github.sandbox.invalid'
const FLAG_PATH = `/api/v2/flags/${PROJECT}/checkout`
const LABELS_PATH = `/repos/${REPOSITORY}/issues/1/labels`

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

function collect(request: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request.on('error', reject)
    request.on('response', (response) => {
      let text = ''
      response.on('data', (chunk: Buffer) => (text += chunk.toString()))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text })
      )
    })
    request.end()
  })
}

/** A request the way a proxy-aware client makes it: CONNECT, then TLS (or not) inside the tunnel. */
async function throughTunnel(
  proxy: ProxySandbox,
  target: string,
  options: { headers?: Record<string, string>; proxyAuthorization?: string; ca?: Buffer } = {}
): Promise<Answer> {
  const url = new URL(target)
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  const connect = http.request(proxy.url, {
    method: 'CONNECT',
    path: `${url.hostname}:${port}`,
    headers: options.proxyAuthorization ? { 'Proxy-Authorization': options.proxyAuthorization } : {}
  })
  const { status, socket } = await new Promise<{ status: number; socket: Duplex }>(
    (resolve, reject) => {
      connect.on('connect', (response: http.IncomingMessage, socket: Duplex) =>
        resolve({ status: response.statusCode ?? 0, socket })
      )
      connect.on('error', reject)
      connect.end()
    }
  )
  if (status !== 200) {
    socket.destroy()
    return { status, headers: {}, text: '' }
  }
  const stream =
    url.protocol === 'https:'
      ? tls.connect({ socket, servername: url.hostname, ...(options.ca ? { ca: options.ca } : {}) })
      : socket
  try {
    return await collect(
      http.request({
        createConnection: () => stream,
        setHost: false,
        path: `${url.pathname}${url.search}`,
        headers: { Host: url.host, Connection: 'close', ...options.headers }
      })
    )
  } finally {
    stream.destroy()
  }
}

/** A plain-HTTP proxy request: the whole URI in the request line. */
function forwarded(
  proxy: ProxySandbox,
  target: string,
  headers: Record<string, string> = {}
): Promise<Answer> {
  const proxyUrl = new URL(proxy.url)
  return collect(
    http.request({
      host: '127.0.0.1',
      port: proxyUrl.port,
      path: target,
      headers: { Host: new URL(target).host, Connection: 'close', ...headers },
      agent: false
    })
  )
}

interface ChildResult {
  status?: number
  body?: string
  error?: string
}

/** Runs a small ES module in a fresh Node with only these variables, as the runner starts the action. */
async function inChild(source: string, env: Record<string, string>): Promise<ChildResult> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`child exited ${code}: ${stderr}`)
  return JSON.parse(stdout) as ChildResult
}

const HTTP_CLIENT_GET = `
import { HttpClient } from '@actions/http-client'
const client = new HttpClient('proxy-sandbox-test')
try {
  const response = await client.get(process.env.TARGET, { Authorization: process.env.KEY })
  console.log(JSON.stringify({ status: response.message.statusCode, body: await response.readBody() }))
} catch (error) {
  console.log(JSON.stringify({ error: error.code ?? String(error) }))
}
process.exit(0)
`

const OCTOKIT_LABELS = `
import { getOctokit } from '@actions/github'
const octokit = getOctokit(process.env.TOKEN)
try {
  const response = await octokit.rest.issues.listLabelsOnIssue({
    owner: 'Codertocat', repo: 'Hello-World', issue_number: 1
  })
  console.log(JSON.stringify({ status: response.status, body: JSON.stringify(response.data) }))
} catch (error) {
  console.log(JSON.stringify({ error: String(error.status ?? error.code ?? error) }))
}
process.exit(0)
`

let launchDarkly: LaunchDarklySandbox
let github: GitHubSandbox
let plainGitHub: GitHubSandbox
let proxy: ProxySandbox

beforeAll(async () => {
  launchDarkly = await startLaunchDarklySandbox({ apiKey: API_KEY, tls: true })
  github = await startGitHubSandbox({ tls: true, pathPrefix: '/api/v3' })
  plainGitHub = await startGitHubSandbox({ pathPrefix: '/api/v3' })
  for (const sandbox of [github, plainGitHub]) registerRunnerToken(sandbox)
  proxy = await startProxySandbox({
    routes: {
      [`${LD_HOST}:443`]: launchDarkly.url,
      [`${GH_HOST}:443`]: github.origin,
      [`${GH_HOST}:80`]: plainGitHub.origin
    }
  })
})
afterAll(async () => {
  await Promise.all([launchDarkly.close(), github.close(), plainGitHub.close(), proxy.close()])
})
beforeEach(() => {
  seedFlags(launchDarkly)
  launchDarkly.requests.length = 0
  github.reset()
  plainGitHub.reset()
  github.setLabels(REPOSITORY, 1, ['expire-user:sandy@2030-06-10'])
  proxy.reset()
})

describe('TLS', () => {
  it('serves https on 127.0.0.1 with the test certificate, trusted only when given as a CA', async () => {
    expect(launchDarkly.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(github.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    const trusted = await collect(
      https.request(launchDarkly.url + FLAG_PATH, { ca: CA, headers: { Authorization: API_KEY } })
    )
    expect(trusted.status).toBe(200)
    expect((JSON.parse(trusted.text) as { key: string }).key).toBe('checkout')
    await expect(collect(https.request(launchDarkly.url + FLAG_PATH))).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) as unknown
    })
    expect(launchDarkly.violations).toEqual([])
  })

  it('names the sandbox hosts in the certificate', () => {
    const cert = new X509Certificate(CA)
    expect(cert.ca).toBe(true)
    expect(cert.subjectAltName).toBe(
      'DNS:launchdarkly.sandbox.invalid, DNS:github.sandbox.invalid, DNS:*.sandbox.invalid, IP Address:127.0.0.1'
    )
    expect(Date.parse(cert.validTo)).toBeGreaterThan(Date.parse('2120-01-01'))
    expect(cert.checkHost(LD_HOST)).toBe(LD_HOST)
    expect(cert.checkHost('anything.sandbox.invalid')).toBe('*.sandbox.invalid')
  })
})

describe('the proxy', () => {
  it('tunnels a name to its sandbox, with TLS and the name checked inside the tunnel, and records it', async () => {
    const answer = await throughTunnel(proxy, `https://${LD_HOST}${FLAG_PATH}`, {
      headers: { Authorization: API_KEY },
      proxyAuthorization: 'Basic dXNlcjpwYXNz',
      ca: CA
    })
    expect(answer.status).toBe(200)
    expect(proxy.tunnelHosts()).toEqual([`${LD_HOST}:443`])
    expect(proxy.tunnels[0]).toMatchObject({
      host: LD_HOST,
      port: 443,
      target: Number(new URL(launchDarkly.url).port),
      proxyAuthorization: 'Basic dXNlcjpwYXNz'
    })
    expect(launchDarkly.requests.map((r) => [r.method, r.path, r.headers.host])).toEqual([
      ['GET', FLAG_PATH, LD_HOST]
    ])
    expect(launchDarkly.violations).toEqual([])
  })

  it('records no Proxy-Authorization when none was sent', async () => {
    await throughTunnel(proxy, `https://${LD_HOST}${FLAG_PATH}`, { ca: CA })
    expect(proxy.tunnels[0]?.proxyAuthorization).toBeUndefined()
  })

  it('refuses hosts it does not know, loopback included, with a 502 and no tunnel', async () => {
    for (const target of [
      'https://example.com/',
      `https://${LD_HOST}:8443/`,
      `${launchDarkly.url}/`,
      'http://localhost/'
    ]) {
      expect((await throughTunnel(proxy, target, { ca: CA })).status).toBe(502)
    }
    expect((await forwarded(proxy, 'http://example.com/')).status).toBe(502)
    expect(proxy.tunnels).toEqual([])
    expect(proxy.forwarded).toEqual([])
    expect(proxy.refused.map((r) => [r.kind, r.requested, r.status])).toEqual([
      ['connect', 'example.com:443', 502],
      ['connect', `${LD_HOST}:8443`, 502],
      ['connect', new URL(launchDarkly.url).host, 502],
      ['connect', 'localhost:80', 502],
      ['forward', 'http://example.com/', 502]
    ])
    expect(launchDarkly.requests).toEqual([])
  })

  it('answers a request for itself (no absolute URI) with a 400', async () => {
    const answer = await collect(http.request(`${proxy.url}/`, { agent: false }))
    expect(answer.status).toBe(400)
    expect(proxy.refused.map((r) => r.status)).toEqual([400])
  })

  it('only ever routes to 127.0.0.1', () => {
    expect(() => proxy.route('evil.sandbox.invalid', 'http://10.0.0.1:80')).toThrow(/127\.0\.0\.1/)
    expect(() => proxy.route('evil.sandbox.invalid', 'https://localhost:443')).toThrow(
      /127\.0\.0\.1/
    )
    expect(() => proxy.route('evil.sandbox.invalid', 70000)).toThrow(/not a port/)
  })

  it('forwards an absolute-URI http request, without the Proxy-Authorization, and records it', async () => {
    const answer = await forwarded(proxy, `http://${GH_HOST}/api/v3${LABELS_PATH}?per_page=1`, {
      Authorization: `token ${GITHUB_TOKEN}`,
      'Proxy-Authorization': 'Basic c2VjcmV0'
    })
    expect(answer.status).toBe(200)
    expect(proxy.forwarded).toMatchObject([
      {
        method: 'GET',
        host: GH_HOST,
        port: 80,
        status: 200,
        proxyAuthorization: 'Basic c2VjcmV0'
      }
    ])
    expect(plainGitHub.requests).toMatchObject([
      { method: 'GET', path: `/api/v3${LABELS_PATH}`, host: GH_HOST, status: 200 }
    ])
  })

  it('asks for credentials when it requires them', async () => {
    const guarded = await startProxySandbox({
      routes: { [LD_HOST]: launchDarkly.url },
      requireAuthorization: 'Basic dXNlcjpwYXNz'
    })
    try {
      expect(
        (await throughTunnel(guarded, `https://${LD_HOST}${FLAG_PATH}`, { ca: CA })).status
      ).toBe(407)
      const ok = await throughTunnel(guarded, `https://${LD_HOST}${FLAG_PATH}`, {
        ca: CA,
        headers: { Authorization: API_KEY },
        proxyAuthorization: 'Basic dXNlcjpwYXNz'
      })
      expect(ok.status).toBe(200)
      expect(guarded.refused.map((r) => r.status)).toEqual([407])
      expect(guarded.tunnelHosts()).toEqual([`${LD_HOST}:443`])
    } finally {
      await guarded.close()
    }
  })

  it('closes with its tunnels open', async () => {
    const closing = await startProxySandbox({ routes: { [LD_HOST]: launchDarkly.url } })
    const connect = http.request(closing.url, { method: 'CONNECT', path: `${LD_HOST}:443` })
    const socket = await new Promise<Duplex>((resolve) => {
      connect.on('connect', (_response: http.IncomingMessage, s: Duplex) => resolve(s))
      connect.end()
    })
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    await closing.close()
    await ended
    expect(closing.tunnels).toHaveLength(1)
  })
})

describe("the GitHub sandbox's path prefix", () => {
  const get = (url: string, sandbox: GitHubSandbox) =>
    collect(
      (sandbox === github ? https : http).request(url, {
        ca: CA,
        agent: false,
        headers: { Authorization: `token ${GITHUB_TOKEN}` }
      })
    )

  it('serves the API under /api/v3 and answers 404 without it', async () => {
    expect((await get(`${github.url}${LABELS_PATH}`, github)).status).toBe(200)
    expect((await get(`${github.origin}${LABELS_PATH}`, github)).status).toBe(404)
    expect((await get(`${github.origin}/api/v3x${LABELS_PATH}`, github)).status).toBe(404)
    expect(github.requests.map((r) => [r.path, r.status])).toEqual([
      [`/api/v3${LABELS_PATH}`, 200],
      [LABELS_PATH, 404],
      [`/api/v3x${LABELS_PATH}`, 404]
    ])
  })

  it('keeps the prefix, and the host the client asked for, in its pagination links', async () => {
    github.setLabels(REPOSITORY, 1, ['a', 'b', 'c'])
    const answer = await throughTunnel(
      proxy,
      `https://${GH_HOST}/api/v3${LABELS_PATH}?per_page=1`,
      {
        ca: CA,
        headers: { Authorization: `token ${GITHUB_TOKEN}` }
      }
    )
    expect(answer.status).toBe(200)
    expect(answer.headers.link).toContain(
      `<https://${GH_HOST}/api/v3${LABELS_PATH}?per_page=1&page=2>; rel="next"`
    )
  })

  it('refuses a prefix that is not a path', () => {
    expect(() => new GitHubSandbox({ pathPrefix: 'api/v3' })).toThrow(/pathPrefix/)
    expect(() => new GitHubSandbox({ pathPrefix: '/api/v3/' })).toThrow(/pathPrefix/)
  })
})

describe('the real clients, configured by the environment alone', () => {
  const env = (extra: Record<string, string> = {}) => ({
    HTTPS_PROXY: proxy.url,
    NODE_EXTRA_CA_CERTS: TLS_CERT_PATH,
    ...extra
  })

  it('@actions/http-client goes through the proxy to an .invalid host over TLS', async () => {
    const result = await inChild(
      HTTP_CLIENT_GET,
      env({ TARGET: `https://${LD_HOST}${FLAG_PATH}`, KEY: API_KEY })
    )
    expect(result.status).toBe(200)
    expect(proxy.tunnelHosts()).toEqual([`${LD_HOST}:443`])
    expect(launchDarkly.requests).toHaveLength(1)
  })

  it('@actions/http-client skips the proxy for a NO_PROXY host, and cannot resolve it', async () => {
    const result = await inChild(
      HTTP_CLIENT_GET,
      env({ TARGET: `https://${LD_HOST}${FLAG_PATH}`, KEY: API_KEY, NO_PROXY: LD_HOST })
    )
    expect(result.error).toMatch(/ENOTFOUND|EAI_AGAIN/)
    expect(proxy.tunnels).toEqual([])
    expect(launchDarkly.requests).toEqual([])
  })

  it('Octokit from @actions/github uses GITHUB_API_URL with its /api/v3 prefix, through the proxy', async () => {
    const result = await inChild(
      OCTOKIT_LABELS,
      env({ GITHUB_API_URL: `https://${GH_HOST}/api/v3`, TOKEN: GITHUB_TOKEN })
    )
    expect(result.status).toBe(200)
    expect(JSON.parse(result.body ?? '[]')).toMatchObject([
      { name: 'expire-user:sandy@2030-06-10' }
    ])
    expect(proxy.tunnelHosts()).toEqual([`${GH_HOST}:443`])
    expect(github.requests.map((r) => [r.path, r.host])).toEqual([
      [`/api/v3${LABELS_PATH}`, GH_HOST]
    ])
  })
})
