import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries (STYLE.md): core stays pure; only bridge talks to workers. */
const ui = [
  'react',
  'react-dom',
  'react-dom/*',
  'react-router-dom',
  'zustand',
  'zustand/*',
  'recharts',
  '@monaco-editor/*',
  'monaco-editor',
];
const tfjs = ['@tensorflow/*'];
const node = ['node:*'];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      // Local, git-ignored working folders (experiments, probes).
      'scratch',
      'runs',
      'node_modules',
      'src/core/corpus/projects/**',
      'test-results',
      'playwright-report',
      '.lab-out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'tf',
          property: 'addN',
          message:
            'tfjs-backend-webgpu 4.22 returns garbage for addN of 8+ tensors (storage-buffer limit); use sumInOrder in src/policy/model/policyTrainer.ts.',
        },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'src/state/**', 'src/features/**', 'src/components/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/core/**'],
    rules: restrict(
      [
        ...ui,
        ...tfjs,
        ...node,
        'comlink',
        'dexie',
        '**/policy/**',
        '**/rl/**',
        '**/eval/**',
        '**/bridge/**',
        '**/state/**',
        '**/features/**',
      ],
      'src/core is pure: no UI, TensorFlow.js, Comlink, Dexie or Node imports, and nothing above it.',
    ),
  },
  {
    files: ['src/policy/**', 'src/rl/**', 'src/eval/**', 'src/learn/**'],
    rules: restrict(
      [...ui, ...node, 'comlink', '**/bridge/**', '**/state/**', '**/features/**'],
      'policy/rl/eval/learn never import React, the DOM, Comlink or the UI layers.',
    ),
  },
  {
    files: ['src/features/**', 'src/components/**', 'src/state/**'],
    rules: restrict(
      ['comlink', '**/workers/**', '**/rl/**', '**/policy/**', '@tensorflow/*'],
      'Only src/bridge talks to workers; the UI never imports the trainer or TensorFlow.js.',
    ),
  },
  {
    // Tests may read fixtures from disk and drive the real Node sandbox.
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { '@typescript-eslint/unbound-method': 'off', 'no-restricted-imports': 'off' },
  },
);
