/** Links into LaunchDarkly's UI. Pure. */

/** A flag's targeting page in one environment; undefined without a base URI. */
export function targetingUrl(
  baseUri: string,
  projectKey: string,
  flagKey: string,
  environmentKey: string
): string | undefined {
  if (!baseUri || !environmentKey) return undefined
  const path = ['projects', projectKey, 'flags', flagKey, 'targeting'].map(encodeURIComponent)
  return `${baseUri}/${path.join('/')}?env=${encodeURIComponent(environmentKey)}`
}
