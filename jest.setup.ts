import { afterEach } from '@jest/globals'

// core.setFailed sets process.exitCode; keep it from leaking into Jest's own exit code.
afterEach(() => {
  process.exitCode = undefined
})
