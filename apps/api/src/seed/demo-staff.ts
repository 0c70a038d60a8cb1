import { Role } from '../auth/role';

/** The demo sign-ins listed in README.md; every one has the password DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'factoring-demo';

export const DEMO_STAFF: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'analyst@demo.factoring.test', name: 'Anna Lindqvist', roles: [Role.CREDIT_ANALYST] },
  { email: 'collection@demo.factoring.test', name: 'Kari Nordmann', roles: [Role.COLLECTION] },
  { email: 'finance@demo.factoring.test', name: 'Fredrik Berg', roles: [Role.FINANCE] },
  { email: 'admin@demo.factoring.test', name: 'Astrid Holm', roles: [Role.ADMIN] },
  {
    email: 'all@demo.factoring.test',
    name: 'Alva Envall',
    roles: [Role.CREDIT_ANALYST, Role.COLLECTION, Role.FINANCE, Role.ADMIN],
  },
];
