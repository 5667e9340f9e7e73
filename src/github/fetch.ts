/**
 * The part of `fetch` that Octokit's request layer uses, over the shared node:http client: no
 * undici to load, no first-use cost of the global fetch.
 */
import { header, type HttpClient, type HttpResponse } from '../http.js'

class Headers {
  constructor(private readonly source: HttpResponse['headers']) {}

  get(name: string): string | null {
    return header(this.source, name.toLowerCase()) ?? null
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.source)) yield [name, header(this.source, name) ?? '']
  }
}

class Response {
  readonly status: number
  readonly statusText: string
  readonly headers: Headers
  readonly body: string

  constructor(
    readonly url: string,
    response: HttpResponse
  ) {
    this.status = response.status
    this.statusText = response.statusText
    this.headers = new Headers(response.headers)
    this.body = response.text
  }

  text(): Promise<string> {
    return Promise.resolve(this.body)
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body)
    return Promise.resolve(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    )
  }
}

export interface FetchInit {
  method?: string
  headers?: Record<string, string>
  body?: string
}

export function fetchOver(client: HttpClient, timeoutMs: number) {
  return async (url: string, init: FetchInit = {}): Promise<Response> => {
    const response = await client.request(url, {
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      body: init.body,
      timeoutMs
    })
    return new Response(url, response)
  }
}
