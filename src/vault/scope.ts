/**
 * The scope of a request's placeholders. A client that wants the same value to keep the same
 * placeholder across the turns of a conversation sends `x-portcullis-conversation: <id>` (1–128
 * characters of letters, digits and `._:-`); the scope is that id *within the authenticated
 * principal* (tenant + principal id), so a client naming another principal's conversation id
 * reaches an empty scope of its own. Without the header, or without a principal, or without a
 * vault, the scope is the request alone.
 */
import type { StageContext } from '../pipeline/types.js';
import { TokenSession } from './session.js';
import type { TokenVault } from './vault.js';

export const CONVERSATION_HEADER = 'x-portcullis-conversation';
const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export type ScopeResult = { readonly ok: true; readonly session: TokenSession } | { readonly ok: false; readonly reason: string };

export function conversationScope(ctx: Pick<StageContext, 'headers' | 'principal'>, vault: TokenVault | undefined): ScopeResult {
  const header = ctx.headers[CONVERSATION_HEADER];
  if (header === undefined) return { ok: true, session: new TokenSession(undefined, undefined) };
  if (typeof header !== 'string' || !CONVERSATION_ID.test(header)) return { ok: false, reason: 'conversation-header:invalid' };
  const p = ctx.principal;
  if (!vault || !p) return { ok: true, session: new TokenSession(undefined, undefined) };
  return { ok: true, session: new TokenSession(vault, vault.scope(p.tenant, p.id, header)) };
}
