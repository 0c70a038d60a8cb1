import path from 'node:path';
import { register } from 'tsconfig-paths';

/** Jest's global setup runs outside its module mapper, so the @factoring/* aliases are registered here. */
export function registerPathAliases(): void {
  const root = path.resolve(__dirname, '../../..');
  register({
    baseUrl: root,
    paths: {
      '@factoring/domain': ['libs/domain/src/index.ts'],
      '@factoring/rules': ['libs/rules/src/index.ts'],
      '@factoring/migrations': ['migrations/src/index.ts'],
    },
  });
}
