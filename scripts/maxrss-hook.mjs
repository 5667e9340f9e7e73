// Preloaded by the benchmark (NODE_OPTIONS=--import=…): writes the process's peak memory (max
// RSS, in kB) to MAXRSS_FILE when it exits.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.MAXRSS_FILE)
    writeFileSync(process.env.MAXRSS_FILE, String(process.resourceUsage().maxRSS))
})
