/**
 * A forward proxy for tests, listening on 127.0.0.1 (plain HTTP, as `HTTPS_PROXY=http://…` names
 * it). It opens CONNECT tunnels, which clients use for https:// URLs (and undici's ProxyAgent for
 * http:// too), and forwards absolute-URI requests (`GET http://host/path`), which other clients
 * send for http:// URLs.
 *
 * It connects to 127.0.0.1 only: each host name it serves is mapped to a local port, and any
 * other host gets a 502, so a run through it cannot leave the machine. It records every tunnel
 * it opened, every request it forwarded and every one it refused, each with the
 * Proxy-Authorization header the client sent.
 *
 * Plain erasable TypeScript: Node 24 runs it directly.
 */
import http from 'node:http'
import net from 'node:net'
import type { Duplex } from 'node:stream'
import { listen } from './server.ts'

export interface ProxyTunnel {
  /** The host the client asked for, as in `CONNECT host:port`, lower-cased. */
  host: string
  port: number
  /** The port on 127.0.0.1 the tunnel went to. */
  target: number
  proxyAuthorization: string | undefined
  /** When it opened (Date.now()). */
  at: number
}

export interface ProxyForward {
  method: string
  /** The absolute URI the client asked for. */
  url: string
  host: string
  port: number
  target: number
  proxyAuthorization: string | undefined
  /** What the upstream answered; 502 when it could not be reached, 0 while in flight. */
  status: number
  at: number
}

export interface ProxyRefusal {
  kind: 'connect' | 'forward'
  /** What the client asked for: `host:port` for CONNECT, the request target otherwise. */
  requested: string
  /** 400 (not a proxy request), 407 (Proxy-Authorization missing or wrong), 502 (unknown host). */
  status: number
  proxyAuthorization: string | undefined
  at: number
}

export interface ProxyOptions {
  /**
   * Host -> where it goes. A key is `host:port` (`launchdarkly.sandbox.invalid:443`) or a bare host
   * for any port; a value is a port on 127.0.0.1 or a URL on 127.0.0.1 whose port is taken (such
   * as a sandbox's `url`). More can be added with `route`.
   */
  routes?: Record<string, number | string>
  /** When set, the exact Proxy-Authorization every request must carry; others get a 407. */
  requireAuthorization?: string
}

const AUTHORITY = /^(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/

export class ProxySandbox {
  /** The CONNECT tunnels opened, in order. */
  readonly tunnels: ProxyTunnel[] = []
  /** The absolute-URI requests forwarded, in order. */
  readonly forwarded: ProxyForward[] = []
  /** What was refused: unknown hosts, missing authorization, requests that are not for a proxy. */
  readonly refused: ProxyRefusal[] = []
  /** `http://127.0.0.1:port`: what HTTPS_PROXY / HTTP_PROXY are set to. */
  url = ''
  private readonly routes = new Map<string, number>()
  private readonly sockets = new Set<Duplex>()
  private readonly server: http.Server
  private readonly requireAuthorization: string | undefined

  constructor(options: ProxyOptions = {}) {
    this.requireAuthorization = options.requireAuthorization
    for (const [host, target] of Object.entries(options.routes ?? {})) this.route(host, target)
    this.server = http.createServer((req, res) => this.forward(req, res))
    this.server.on('connect', (req: http.IncomingMessage, socket: Duplex, head: Buffer) =>
      this.connect(req, socket, head)
    )
    this.server.on('connection', (socket: net.Socket) => this.track(socket))
  }

  async start(): Promise<this> {
    this.url = await listen(this.server)
    return this
  }

  /** Sends `host` (`name:port`, or a bare name for any port) to a port or URL on 127.0.0.1. */
  route(host: string, target: number | string): void {
    this.routes.set(host.toLowerCase(), localPort(target))
  }

  /** `host:port` of every tunnel opened, in order. */
  tunnelHosts(): string[] {
    return this.tunnels.map((t) => `${t.host}:${t.port}`)
  }

  /** Forgets what it recorded; keeps the routes. */
  reset(): void {
    this.tunnels.length = 0
    this.forwarded.length = 0
    this.refused.length = 0
  }

  /** Stops listening and destroys every socket, tunnels and upstream connections included. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private track(socket: Duplex): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    // A client or upstream that goes away is not the proxy's failure.
    socket.on('error', () => socket.destroy())
  }

  private lookup(host: string, port: number): number | undefined {
    const name = host.toLowerCase()
    return this.routes.get(`${name}:${port}`) ?? this.routes.get(name)
  }

  private authorized(given: string | undefined): boolean {
    return this.requireAuthorization === undefined || given === this.requireAuthorization
  }

  private connect(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    this.track(socket)
    const proxyAuthorization = req.headers['proxy-authorization']
    const requested = req.url ?? ''
    const refuse = (status: number, reason: string, extra = ''): void => {
      this.refused.push({ kind: 'connect', requested, status, proxyAuthorization, at: Date.now() })
      socket.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: 0\r\n\r\n`)
    }
    if (!this.authorized(proxyAuthorization))
      return refuse(407, 'Proxy Authentication Required', PROXY_AUTHENTICATE)
    const authority = AUTHORITY.exec(requested)
    const host = authority?.[1]?.toLowerCase() ?? ''
    const port = Number(authority?.[2] ?? 0)
    const target = authority ? this.lookup(host, port) : undefined
    if (target === undefined) return refuse(502, 'Bad Gateway')

    const upstream = net.connect(target, '127.0.0.1')
    this.track(upstream)
    let open = false
    upstream.once('error', () => {
      if (!open) refuse(502, 'Bad Gateway')
    })
    upstream.once('connect', () => {
      open = true
      this.tunnels.push({ host, port, target, proxyAuthorization, at: Date.now() })
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    socket.once('close', () => upstream.destroy())
    upstream.once('close', () => {
      if (open) socket.destroy()
    })
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const proxyAuthorization = req.headers['proxy-authorization']
    const requested = req.url ?? ''
    const refuse = (status: number, headers: Record<string, string> = {}): void => {
      this.refused.push({ kind: 'forward', requested, status, proxyAuthorization, at: Date.now() })
      req.resume()
      res.writeHead(status, { 'Content-Length': '0', ...headers }).end()
    }
    // A proxy request names the whole URI; a path alone is a request for the proxy itself.
    const url = URL.canParse(requested) ? new URL(requested) : undefined
    if (!url || url.protocol !== 'http:') return refuse(400)
    if (!this.authorized(proxyAuthorization))
      return refuse(407, { 'Proxy-Authenticate': 'Basic realm="sandbox proxy"' })
    const host = url.hostname.toLowerCase()
    const port = Number(url.port || 80)
    const target = this.lookup(host, port)
    if (target === undefined) return refuse(502)

    const record: ProxyForward = {
      method: req.method ?? '',
      url: requested,
      host,
      port,
      target,
      proxyAuthorization,
      status: 0,
      at: Date.now()
    }
    this.forwarded.push(record)
    const headers = { ...req.headers }
    for (const hop of HOP_BY_HOP) delete headers[hop]
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, connection: 'close' },
        agent: false
      },
      (answer) => {
        record.status = answer.statusCode ?? 0
        const back = { ...answer.headers }
        for (const hop of HOP_BY_HOP) delete back[hop]
        res.writeHead(answer.statusCode ?? 502, back)
        answer.pipe(res)
      }
    )
    upstream.on('socket', (socket) => this.track(socket))
    upstream.on('error', () => {
      record.status = 502
      if (!res.headersSent) res.writeHead(502, { 'Content-Length': '0' }).end()
      else res.destroy()
    })
    req.pipe(upstream)
  }
}

const PROXY_AUTHENTICATE = 'Proxy-Authenticate: Basic realm="sandbox proxy"\r\n'

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
]

/** A port on 127.0.0.1, from a port number or a URL on 127.0.0.1; anything else throws. */
function localPort(target: number | string): number {
  let port: number
  if (typeof target === 'number') {
    port = target
  } else {
    const url = new URL(target)
    if (url.hostname !== '127.0.0.1')
      throw new Error(`the proxy only connects to 127.0.0.1, not to ${url.hostname}`)
    port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`not a port: ${String(target)}`)
  return port
}

export async function startProxySandbox(options: ProxyOptions = {}): Promise<ProxySandbox> {
  return new ProxySandbox(options).start()
}
