import type { Actor, Ctx } from '../../platform/context.js';

/**
 * The context of a call that came in over the chain (another gateway, over mutual TLS). The caller
 * is known only by its verified client certificate; whether it may ask is decided by the traffic
 * center (session check) — never by a permission of ours.
 */
export interface ChainCallCtx extends Pick<Ctx, 'db' | 'keyring' | 'requestId' | 'now'> {
  /** SHA-256 (hex) of the caller's verified client certificate; undefined without one. */
  peerFingerprint: string | undefined;
}

/** The actor for the audit log: the peer by its certificate, no permissions of its own. */
export function peerActor(ctx: ChainCallCtx): Actor {
  return {
    kind: 'supplier',
    id: `peer:${ctx.peerFingerprint ?? 'unknown'}`,
    permissions: new Set(),
    schools: new Set(),
  };
}

/** A Ctx for the audit helpers, acting as the peer. */
export function asPeerCtx(ctx: ChainCallCtx): Ctx {
  return { db: ctx.db, keyring: ctx.keyring, requestId: ctx.requestId, now: ctx.now, actor: peerActor(ctx) };
}
