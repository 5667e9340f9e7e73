/**
 * The layer order of src/: a file may import from its own folder and from folders below it, never
 * from one above. `src/index.ts` and `src/main.ts` are the top; `core/` imports nothing of ours.
 */
import { dirname, relative, resolve } from 'node:path'

/** Top to bottom. */
export const LAYERS = [
  'main',
  'modes',
  'run',
  'report',
  'sources',
  'engine',
  'launchdarkly',
  'github',
  'core'
]

/** Layers that sit side by side: neither imports the other. */
const PEERS = [['launchdarkly', 'github']]

function layerOf(file, srcRoot) {
  const path = relative(srcRoot, file)
  if (path.startsWith('..')) return undefined
  const [first, second] = path.split(/[\\/]/)
  return second === undefined ? 'main' : first
}

/** @type {import('eslint').Rule.RuleModule} */
const layerOrder = {
  meta: {
    type: 'problem',
    docs: { description: 'imports in src/ only go down the layers' },
    schema: [{ type: 'object', properties: { srcRoot: { type: 'string' } } }],
    messages: {
      up: '{{from}}/ is above {{to}}/: {{to}}/ may not import from it. Layers, top to bottom: {{order}}.',
      peer: '{{from}}/ and {{to}}/ sit side by side: neither imports the other.',
      unknown: '{{to}}/ is not a layer: add it to eslint/layers.js.'
    }
  },
  create(context) {
    const srcRoot = context.options[0]?.srcRoot
    const file = context.filename
    const own = layerOf(file, srcRoot)
    if (own === undefined) return {}
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const target = layerOf(resolve(dirname(file), source), srcRoot)
      if (target === undefined || target === own) return
      const [from, to] = [LAYERS.indexOf(target), LAYERS.indexOf(own)]
      if (from === -1 || to === -1) {
        context.report({ node, messageId: 'unknown', data: { to: from === -1 ? target : own } })
      } else if (PEERS.some((p) => p.includes(own) && p.includes(target))) {
        context.report({ node, messageId: 'peer', data: { from: target, to: own } })
      } else if (from < to) {
        context.report({
          node,
          messageId: 'up',
          data: { from: target, to: own, order: LAYERS.join(' > ') }
        })
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument
        if (literal?.type === 'Literal') check(node, literal.value)
      }
    }
  }
}

export default { rules: { 'layer-order': layerOrder } }
