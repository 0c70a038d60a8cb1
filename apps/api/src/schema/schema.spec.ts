import { readFileSync } from 'node:fs';
import { buildSchemaSdl, REGENERATE_COMMAND, SCHEMA_FILE } from './print-schema';

/*
 * The console's types are generated from apps/api/schema.graphql (issue 11 s.5): a change to a
 * resolver or a GraphQL type that is not written there would leave the console checking against
 * an old API. This fails until the file is regenerated and committed with the change.
 */
describe('the committed GraphQL schema (apps/api/schema.graphql)', () => {
  it('is what the resolvers build', async () => {
    const built = await buildSchemaSdl();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== built) {
      const committedLines = committed.split('\n');
      const builtLines = built.split('\n');
      const line = builtLines.findIndex((text, index) => text !== committedLines[index]);
      throw new Error(
        `apps/api/schema.graphql is not the schema the code builds (first difference at line ${line + 1}: ` +
          `file has ${JSON.stringify(committedLines[line])}, code builds ${JSON.stringify(builtLines[line])}). ` +
          `Regenerate it with \`${REGENERATE_COMMAND}\` and commit it.`,
      );
    }
  });
});
