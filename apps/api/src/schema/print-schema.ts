import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import 'reflect-metadata';

/*
 * The API's GraphQL schema as SDL, built from the resolver and scalar classes alone: no
 * database, no Redis, no HTTP server. The console's types are generated from the committed
 * file (apps/api/schema.graphql, see apps/console/codegen.ts), so the console's type check
 * never needs a running API; schema.spec.ts fails when the file and the code disagree.
 *
 * The classes are found by file name (every `*.resolver.ts` and `*.scalar.ts` under src), so a
 * new capability's resolver is in the schema without being listed here. The schema is sorted
 * as the running API sorts it (app.module.ts: sortSchema).
 *
 * Regenerate: npx nx run api:schema   (or: npx ts-node --transpile-only apps/api/src/schema/print-schema.ts)
 */

/** apps/api, from src/schema here or from dist/api/apps/api/src/schema when built. */
const API_ROOT = __filename.endsWith('.ts') ? resolve(__dirname, '../..') : resolve(__dirname, '../../../../../apps/api');
export const SCHEMA_FILE = join(API_ROOT, 'schema.graphql');
export const REGENERATE_COMMAND = 'npx nx run api:schema';

const HEADER = `# The API's GraphQL schema, written by apps/api/src/schema/print-schema.ts from the resolvers.
# Do not edit: regenerate with \`${REGENERATE_COMMAND}\`.

`;

const SRC = resolve(__dirname, '..');

/** The marks @nestjs/graphql's @Resolver and @Scalar leave on a class (its graphql.constants). */
const RESOLVER_MARK = 'graphql:resolver_type';
const SCALAR_MARK = 'graphql:scalar_name';

function filesEndingWith(dir: string, suffixes: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesEndingWith(path, suffixes);
    if (/\.(spec|test)\.[jt]s$/.test(entry.name) || entry.name.endsWith('.d.ts')) return [];
    return suffixes.some((suffix) => entry.name.endsWith(suffix)) ? [path] : [];
  });
}

/** The exported classes of the files found that carry the given decorator metadata. */
function classesWith(metadataKey: string, suffixes: string[]): Type[] {
  const found = new Set<Type>();
  for (const file of filesEndingWith(SRC, suffixes).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (typeof value === 'function' && Reflect.hasOwnMetadata(metadataKey, value)) found.add(value as Type);
    }
  }
  return [...found];
}

export async function buildSchemaSdl(): Promise<string> {
  const extension = __filename.endsWith('.ts') ? '.ts' : '.js';
  const resolvers = classesWith(RESOLVER_MARK, [`.resolver${extension}`]);
  const scalars = classesWith(SCALAR_MARK, [`.scalar${extension}`]);
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers, scalars);
    return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  buildSchemaSdl()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
