/**
 * What every sandbox does with its server: plain HTTP by default, or HTTPS with the test-only
 * certificate in sandbox/tls; listen on a free loopback port; close with every connection so that
 * a test run ends at once.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

/** The test-only certificate (CA:TRUE, self-signed): pass it as NODE_EXTRA_CA_CERTS or `ca`. */
export const TLS_CERT_PATH = fileURLToPath(new URL('./tls/cert.pem', import.meta.url))
/** Its private key: a test fixture, public on purpose. */
export const TLS_KEY_PATH = fileURLToPath(new URL('./tls/key.pem', import.meta.url))

export interface TlsMaterial {
  cert: string | Buffer
  key: string | Buffer
}

/**
 * How a sandbox serves: false or absent, plain HTTP; true, HTTPS with the certificate in
 * sandbox/tls (names launchdarkly.sandbox.invalid, github.sandbox.invalid, *.sandbox.invalid and
 * 127.0.0.1); or HTTPS with a certificate and key of your own.
 */
export type TlsOption = boolean | TlsMaterial

/** The certificate and key in sandbox/tls. */
export function sandboxTls(): TlsMaterial {
  return { cert: readFileSync(TLS_CERT_PATH), key: readFileSync(TLS_KEY_PATH) }
}

export function createServer(handler: http.RequestListener, tls: TlsOption = false): http.Server {
  if (!tls) return http.createServer(handler)
  return https.createServer(tls === true ? sandboxTls() : tls, handler)
}

/**
 * Listens on 127.0.0.1 and `port` (a free one when it is 0 or taken); returns
 * `http://127.0.0.1:port` (or `https://`).
 */
export async function listen(server: http.Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const fallBack = (error: NodeJS.ErrnoException): void => {
      if (error.code !== 'EADDRINUSE' || port === 0) return reject(error)
      server.listen(0, '127.0.0.1', resolve)
    }
    server.once('error', fallBack)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fallBack)
      resolve()
    })
  })
  const scheme = server instanceof https.Server ? 'https' : 'http'
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export async function shutDown(server: http.Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}
