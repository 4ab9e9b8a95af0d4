// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers each layer must not import (engine <- document <- cli/report/server <- web; parallel,
 * the engine's worker threads, imports the engine only and serves cli and server).
 */
const forbiddenLayers = {
  engine: ['document', 'parallel', 'cli', 'report', 'server', 'web'],
  document: ['parallel', 'cli', 'report', 'server', 'web'],
  parallel: ['document', 'cli', 'report', 'server', 'web'],
  cli: ['server', 'web'],
  report: ['parallel', 'cli', 'server', 'web'],
  server: ['cli', 'web'],
  web: ['parallel', 'cli', 'server'],
};

/** Files allowed one more layer: the CLI opens the server's store for `monitor import|summary|alerts`. */
const exceptions = { 'src/cli/monitor-database.ts': ['web'] };

const layerRules = [
  ...Object.entries(forbiddenLayers).map(([layer, forbidden]) => [
    [`src/${layer}/**/*.ts`, `src/${layer}/**/*.tsx`],
    layer,
    forbidden,
  ]),
  ...Object.entries(exceptions).map(([file, forbidden]) => [[file], file.split('/')[1], forbidden]),
].map(([files, layer, forbidden]) => ({
  files,
  ignores: [
    '**/*.test.ts',
    '**/vite.config.ts',
    ...Object.keys(exceptions).filter((f) => !files.includes(f)),
  ],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `(^|/)(${forbidden.join('|')})(/|$)`,
            message: `The ${layer} layer may not depend on ${forbidden.join(', ')} (see README, Architecture).`,
          },
          ...(layer === 'document'
            ? [
                {
                  regex:
                    '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|os|process)$',
                  message:
                    'The document layer does no I/O: callers pass text or bytes in and write what it returns.',
                },
              ]
            : []),
          ...(layer === 'web'
            ? [
                {
                  regex: '(^|/)(document/excel|report/(index|render-pdf|render-html))(/|\\.|$)',
                  message:
                    'The browser takes only the browser-safe parts of the document and report layers (no Excel, no PDF renderer).',
                },
                {
                  regex: '^node:',
                  message: 'The browser app has no Node modules.',
                },
              ]
            : []),
          ...(layer === 'engine'
            ? [
                {
                  regex: '^(?!\\.)',
                  message:
                    'The engine is pure and self-contained: relative imports only (no packages, no node: modules).',
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  ...layerRules,
  {
    // The browser app: browser globals, and React's rules of hooks.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['src/web/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The engine takes no clock, randomness or I/O except what is passed in.
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded random source in.' },
        { object: 'Date', property: 'now', message: 'Pass the time in.' },
        { object: 'performance', property: 'now', message: 'Pass the time in.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Pass dates in.' },
      ],
      'no-restricted-globals': [
        'error',
        'process',
        'console',
        'fetch',
        'setTimeout',
        'setInterval',
      ],
    },
  },
);
