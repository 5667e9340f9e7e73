/** Links into LaunchDarkly's UI. Pure. */

/** A flag's or a segment's targeting page in one environment; undefined without a base URI. */
export function targetingUrl(
  baseUri: string,
  projectKey: string,
  key: string,
  environmentKey: string,
  kind: 'flag' | 'segment' = 'flag'
): string | undefined {
  if (!baseUri || !environmentKey) return undefined
  const path = ['projects', projectKey, `${kind}s`, key, 'targeting'].map(encodeURIComponent)
  return `${baseUri}/${path.join('/')}?env=${encodeURIComponent(environmentKey)}`
}
