import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import prettier from 'eslint-config-prettier/flat'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import layers from './eslint/layers.js'

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'node_modules/', '.scratch/', '*.config.js']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    }
  },
  { files: ['**/*.mjs', 'eslint/**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/layer-order': ['error', { srcRoot: `${import.meta.dirname}/src` }] }
  },
  prettier
])
