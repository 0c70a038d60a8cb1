// One ESLint config for the monorepo. The module-boundary rule keeps the house in shape:
// libs/domain and libs/rules import no framework and nothing from apps/ (STYLE.md).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'pg', 'express', 'react', 'react-*', 'react-admin', 'ra-*', '@mui/*'];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', 'test-output/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'scope:rules', onlyDependOnLibsWithTags: ['scope:domain', 'scope:rules'] },
            { sourceTag: 'scope:migrations', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:domain', 'scope:rules', 'scope:migrations'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:domain', 'scope:rules'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:domain', 'scope:rules'] },
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:domain', 'scope:rules'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: FRAMEWORKS, message: 'libs/ are pure: no framework and no I/O (STYLE.md).' }] },
      ],
    },
  },
  {
    // Each capability keeps its error codes in one enum beside it (issue 9): no code written out where it is thrown.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name=/^(ConflictError|NotFoundError|InvalidValueError|ForbiddenError|UnauthenticatedError)$/] > Literal.arguments:first-child",
          message: "Use the capability's error enum (e.g. InvoiceError.OFFER_NOT_OPEN), not a string written out here.",
        },
        {
          selector: "NewExpression[callee.name=/^(ConflictError|NotFoundError|InvalidValueError|ForbiddenError|UnauthenticatedError)$/] > ConditionalExpression.arguments:first-child > Literal",
          message: "Use the capability's error enum, not a string written out here.",
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test-support/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
