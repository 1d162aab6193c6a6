/**
 * Who is calling and what they manage: the long-lived token exchange, debug_token, `/me`, a user's
 * Pages with their Page tokens (`/me/accounts`), and reading a Page node (reference §4.1, §6).
 */
import type { MetaCall, MetaRoute, MetaWorld } from './fake-meta-server';
import {
  pageOf,
  parseFields,
  project,
  type FieldNode,
  type PageRecord,
  type TokenRecord,
} from './fake-meta-model';
import { igUserNode } from './fake-meta-instagram';

const PAGE_TASKS = ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'];

export function routeAccount(world: MetaWorld, method: string, segments: string[]): MetaRoute | undefined {
  const [id, edge, ...rest] = segments;
  if (rest.length > 0 || id === undefined) return undefined;
  const get = method === 'GET';
  if (id === 'oauth' && edge === 'access_token' && (get || method === 'POST')) {
    return { endpoint: 'oauth.access_token', instagram: false, handle: exchangeToken };
  }
  if (id === 'debug_token' && edge === undefined && get) {
    return { endpoint: 'debug_token', instagram: false, handle: debugToken };
  }
  if (id === 'me' && get && edge === undefined)
    return { endpoint: 'me', instagram: false, handle: (call) => readMe(call) };
  if (id === 'me' && get && edge === 'accounts') {
    return {
      endpoint: 'me.accounts',
      instagram: false,
      handle: (call) => listAccounts(call, call.token().userId, 'me'),
    };
  }
  if (world.users.has(id) && get && edge === undefined) {
    return { endpoint: 'user.get', instagram: false, handle: (call) => userNode(call, id) };
  }
  if (world.users.has(id) && get && edge === 'accounts') {
    return { endpoint: 'user.accounts', instagram: false, handle: (call) => listAccounts(call, id, id) };
  }
  const page = world.pages.get(id);
  if (page && get && edge === undefined) {
    return {
      endpoint: 'page.get',
      instagram: false,
      handle: (call) => pageNode(call, page, call.token(), call.params.fields),
    };
  }
  return undefined;
}

function exchangeToken(call: MetaCall): unknown {
  const { world, params } = call;
  if (params.grant_type !== 'fb_exchange_token') {
    throw world.fail('invalidParameter', { message: '(#100) grant_type must be fb_exchange_token' });
  }
  if (params.client_id !== world.app.id) throw world.fail('badClientId');
  if (params.client_secret !== world.app.secret) throw world.fail('badClientSecret');
  if (!params.fb_exchange_token) {
    throw world.fail('invalidParameter', { message: '(#100) Missing parameter fb_exchange_token' });
  }
  const exchanged = world.checkToken(params.fb_exchange_token);
  if (exchanged.kind !== 'user') {
    throw world.fail('invalidParameter', { message: '(#100) fb_exchange_token must be a user access token' });
  }
  const user = world.users.get(exchanged.userId)!;
  const long = world.issueToken({ kind: 'user', userId: user.id, lifetime: 'long', scopes: user.scopes });
  return { access_token: long.value, token_type: 'bearer', expires_in: world.options.longLivedTokenSeconds };
}

function debugToken(call: MetaCall): unknown {
  const { world, params } = call;
  const appToken = `${world.app.id}|${world.app.secret}`;
  if (params.access_token !== appToken) {
    if (params.access_token?.startsWith(`${world.app.id}|`))
      throw world.fail('tokenInvalid', { message: 'Invalid OAuth access token signature.' });
    call.token(); // a valid user token of the app may introspect too
  }
  if (!params.input_token)
    throw world.fail('invalidParameter', { message: '(#100) The parameter input_token is required' });
  const token = world.tokens.get(params.input_token);
  if (!token) {
    return {
      data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] },
    };
  }
  const now = world.now().getTime();
  const expired = token.forcedExpired || (token.expiresAt !== null && now >= token.expiresAt.getTime());
  const seconds = (at: Date) => Math.floor(at.getTime() / 1000);
  return {
    data: {
      app_id: world.app.id,
      type: token.kind === 'page' ? 'PAGE' : 'USER',
      application: world.app.name,
      data_access_expires_at: seconds(token.issuedAt) + 90 * 86400,
      expires_at: token.expiresAt ? seconds(token.expiresAt) : 0,
      is_valid: !expired && !token.revoked,
      issued_at: seconds(token.issuedAt),
      scopes: token.scopes,
      user_id: token.userId,
      ...(token.pageId ? { profile_id: token.pageId } : {}),
      ...(token.revoked
        ? { error: { code: 190, subcode: 460, message: 'The session has been invalidated.' } }
        : expired
          ? { error: { code: 190, subcode: 463, message: 'Session has expired.' } }
          : {}),
    },
  };
}

function readMe(call: MetaCall): unknown {
  const token = call.token();
  if (token.kind === 'page')
    return pageNode(call, call.world.pages.get(token.pageId!)!, token, call.params.fields);
  return userNode(call, token.userId);
}

function userNode(call: MetaCall, userId: string): unknown {
  call.token();
  const user = call.world.users.get(userId)!;
  return project('User', parseFields(call.params.fields) ?? [{ name: 'id' }, { name: 'name' }], {
    id: () => user.id,
    name: () => user.name,
  });
}

function listAccounts(call: MetaCall, userId: string, pathId: string): unknown {
  const { world } = call;
  const token = call.token();
  if (token.kind === 'page') {
    throw world.fail('invalidParameter', {
      message: '(#100) Tried accessing nonexisting field (accounts) on node type (Page)',
    });
  }
  if (token.userId !== userId) throw world.fail('permissionDenied');
  world.requireScopes(token, 'pages_show_list');
  const fields = call.params.fields ?? 'access_token,category,name,id,tasks';
  const pages = [...world.pages.values()].filter((page) => page.userId === userId);
  const items = pages.map((page) => pageNode(call, page, token, fields));
  return pageOf(
    items,
    call.params,
    `${world.baseUrl}/${call.version ?? world.newestVersion}/${pathId}/accounts`,
  );
}

export function pageNode(
  call: MetaCall,
  page: PageRecord,
  token: TokenRecord,
  fieldsText: string | undefined,
) {
  const { world } = call;
  const manages = world.canManagePage(token, page);
  const fields = parseFields(fieldsText) ?? [{ name: 'name' }, { name: 'id' }];
  const ig = (children: FieldNode[] | undefined) =>
    page.instagram ? igUserNode(world, page, children ?? [{ name: 'id' }]) : undefined;
  return project('Page', fields, {
    id: () => page.id,
    name: () => page.name,
    category: () => 'Media',
    followers_count: () =>
      Math.round(world.audience.account({ platform: 'facebook', id: page.id }, world.now()).followers),
    fan_count: () =>
      Math.round(world.audience.account({ platform: 'facebook', id: page.id }, world.now()).followers),
    link: () => `https://www.facebook.com/${page.id}`,
    access_token: () => {
      if (!manages)
        throw world.fail('permissionDenied', { message: '(#200) The user does not manage this Page' });
      return page.accessToken;
    },
    tasks: () => (manages ? PAGE_TASKS : undefined),
    instagram_business_account: ig,
    connected_instagram_account: ig,
  });
}
