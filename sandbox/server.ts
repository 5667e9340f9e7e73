/**
 * What both sandboxes do with their node:http server: listen on a free loopback port, and close
 * with every connection so that a test run ends at once.
 */
import type http from 'node:http'
import type { AddressInfo } from 'node:net'

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export async function shutDown(server: http.Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}
