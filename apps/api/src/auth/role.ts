import { registerEnumType } from '@nestjs/graphql';

/** What a member of staff may do; a person may hold several. */
export enum Role {
  CREDIT_ANALYST = 'CREDIT_ANALYST',
  COLLECTION = 'COLLECTION',
  FINANCE = 'FINANCE',
  ADMIN = 'ADMIN',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description: 'Credit analysts assess; collection staff chase; finance pays and books; admins run the system.',
});
