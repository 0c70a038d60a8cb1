// Shared Jest settings: SWC compiles TypeScript (with decorator metadata, which NestJS
// and @nestjs/graphql's code-first schema need) far faster than ts-jest on 2 cores;
// type checking is the separate `typecheck` target.
const path = require('path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@factoring/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@factoring/rules$': path.join(__dirname, 'libs/rules/src/index.ts'),
    '^@factoring/migrations$': path.join(__dirname, 'migrations/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
