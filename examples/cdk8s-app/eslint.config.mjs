// ESLint for the app: sidecar-lint on the TypeScript (typed) and on any YAML next to it.
import sidecarLint from '@sidecar-lint/eslint-plugin';

export default [
  { ignores: ['dist/**', 'node_modules/**', 'e2e-out/**'] },
  ...sidecarLint.configs['recommended-type-checked'],
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } },
  },
  { settings: { 'sidecar-lint': { kubernetesVersion: '1.31-1.35' } } },
];
