// One lint setup for the whole project; formatting is Prettier's (checked by `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'out/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-globals': ['error', 'global'],
    },
  },
  {
    files: ['src/domain/**', 'src/app/**', 'src/ports/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'DocumentApp',
          'DriveApp',
          'MailApp',
          'GmailApp',
          'LockService',
          'PropertiesService',
          'CacheService',
          'ScriptApp',
          'HtmlService',
          'Session',
          'Utilities',
          'Logger',
        ].map((name) => ({
          name,
          message: 'Apps Script services belong in src/gas and src/entrypoints only.',
        })),
      ],
    },
  },
  // Layers: entrypoints → app → domain, and app → ports ← gas. Each may import only what is below it.
  ...[
    ['src/domain/**', ['app', 'ports', 'gas', 'entrypoints', 'sidebar']],
    ['src/ports/**', ['app', 'gas', 'entrypoints', 'sidebar']],
    ['src/app/**', ['gas', 'entrypoints', 'sidebar']],
    ['src/gas/**', ['app', 'entrypoints', 'sidebar']],
  ].map(([files, above]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: above.map((layer) => ({
            group: [`../${layer}`, `../${layer}/*`],
            message: `src/${files.split('/')[1]} may not import from src/${layer}: the layers go one way.`,
          })),
        },
      ],
    },
  })),
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
