/**
 * Import rules (issue 9), checked in `npm test`: the house's shape, kept by a tool.
 * - no import cycles in the API;
 * - resolvers and processors stay thin: they call services, never a repository;
 * - libs/ (domain and rules) is pure: it imports nothing of apps/ and no framework or I/O.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles-in-the-api',
      severity: 'error',
      from: { path: '^apps/api/src' },
      to: { circular: true },
    },
    {
      name: 'thin-resolvers-and-processors',
      comment: 'A resolver or processor calls one service method; SQL lives in services and repositories.',
      severity: 'error',
      from: { path: '\\.(resolver|processor)\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'demo-data-stays-in-the-demo',
      comment: "The demo's data steps (e.g. demo-overdue.ts moves due dates into the past) are reached only from the demo's own entry points.",
      severity: 'error',
      from: { path: '^apps/api/src', pathNot: '^apps/api/src/demo/' },
      to: { path: '^apps/api/src/demo/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-are-pure',
      comment: 'Value objects, state machines and rules: no framework, no database, no queue.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: 'node_modules/(@nestjs|typeorm|bullmq|pg|ioredis|express)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
