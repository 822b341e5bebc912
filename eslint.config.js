// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      '.pulumi-state/',
      'policies/',
      'coverage/',
      '.tap/',
      'dist/',
      'examples/',
      'provider/cdktf/openstack/',
      'action/bundle/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.js', 'provider/pulumi/policy-pack/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  // tap queues a file's subtests and runs them whether or not the file awaits t.test().
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  // Plain JavaScript runs before anything is installed (scripts/bootstrap.js, scripts/paths.js) or is a launcher
  // (bin/): it parses JSON of known shape, which the type-checked rules cannot follow.
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
  // The CrossGuard pack's CommonJS shim (Pulumi loads packs with require()).
  {
    files: ['provider/pulumi/policy-pack/index.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
);
