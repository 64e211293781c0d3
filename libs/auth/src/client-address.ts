import type { RequestContext } from '@rapport/core';

/**
 * The caller's address as Express computed it: X-Forwarded-For is believed only from
 * the proxies TRUST_PROXY names (see main.ts). Bounded, as it becomes part of Redis keys.
 */
export const clientAddress = (ctx: RequestContext) => (ctx.req.ip ?? ctx.req.socket?.remoteAddress ?? 'unknown').slice(0, 64);
