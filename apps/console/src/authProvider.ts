import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { gql, tokenStore } from './graphql';
import { queryClient } from './queryClient';
import { isRole, type Role, type StaffMember } from './types';

const ME_FIELDS = `id email name roles active version`;

const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token expiresAt staff { ${ME_FIELDS} } }
}`;
const ME = `query Me { me { ${ME_FIELDS} } }`;
const SIGN_OUT = `mutation SignOut { signOut }`;

type Me = Pick<StaffMember, 'id' | 'email' | 'name' | 'roles' | 'active' | 'version'>;

/**
 * `me` answers both getIdentity and getPermissions; one request per token is enough,
 * so the promise is kept until the token changes (sign-in, sign-out, expiry).
 */
let meCache: { token: string; me: Promise<Me> } | null = null;

function loadMe(): Promise<Me> {
  const token = tokenStore.get();
  if (!token) {
    return Promise.reject(new HttpError('console.auth.session_expired', 401, { code: 'UNAUTHENTICATED' }));
  }
  if (meCache?.token !== token) {
    const me = gql<{ me: Me }>(ME).then((data) => data.me);
    meCache = { token, me };
    // A failed lookup must not be served again from the cache.
    me.catch(() => {
      if (meCache?.me === me) meCache = null;
    });
  }
  return meCache.me;
}

export interface ConsoleIdentity extends UserIdentity {
  email: string;
  roles: Role[];
}

export const authProvider: AuthProvider = {
  async login(params: { email?: string; username?: string; password: string }) {
    const email = (params.email ?? params.username ?? '').trim();
    const { signIn } = await gql<{ signIn: { token: string; expiresAt: string; staff: Me } }>(
      SIGN_IN,
      { email, password: params.password },
      { anonymous: true },
    );
    tokenStore.set(signIn.token, signIn.expiresAt);
    meCache = { token: signIn.token, me: Promise.resolve(signIn.staff) };
    // Nothing read under the previous session may show under this one.
    queryClient.clear();
  },

  async logout() {
    if (tokenStore.get()) {
      // Ending the session on the server is best effort: the token is dropped here regardless.
      await gql(SIGN_OUT).catch(() => undefined);
    }
    tokenStore.clear();
    meCache = null;
  },

  async checkAuth() {
    if (!tokenStore.get()) {
      const expired = tokenStore.expired();
      tokenStore.clear();
      // On a first visit the sign-in page is enough; after expiry, say why it is back.
      throw { message: expired ? 'console.auth.session_expired' : false };
    }
    // A token the API no longer accepts (signed out elsewhere, server restarted with new
    // keys) sends the person to sign in at once. `me` is cached per token, so this costs
    // one request per session; other failures (network) are left to the page to show.
    try {
      await loadMe();
    } catch (error) {
      if ((error as { status?: number }).status === 401) {
        tokenStore.clear();
        meCache = null;
        throw { message: 'console.auth.session_expired' };
      }
    }
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      tokenStore.clear();
      meCache = null;
      throw { message: 'console.auth.session_expired' };
    }
    // FORBIDDEN and the rest stay signed in; the page shows the error.
  },

  async getIdentity(): Promise<ConsoleIdentity> {
    const me = await loadMe();
    return { id: me.id, fullName: me.name, email: me.email, roles: me.roles.filter(isRole) };
  },

  async getPermissions(): Promise<Role[]> {
    try {
      const me = await loadMe();
      return me.roles.filter(isRole);
    } catch (error) {
      // Without a valid session there are no roles. Failing here instead would make
      // react-admin retry with back-off before checkAuth's redirect to sign-in can happen.
      if ((error as { status?: number }).status === 401) return [];
      throw error;
    }
  },
};
