/**
 * Sessions: the encrypted cookie names a session row of the store, and a request is signed in
 * only while that row is active (not revoked, not expired). So sign-out ends the session for
 * every copy of the cookie, sign-out everywhere ends all of a user's sessions, and a session
 * ends after SESSION_SECONDS whatever the cookie says.
 */
import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/index.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The store's session row. */
    sessionId: string;
    /** The row's user, kept in the cookie too so "signed in?" needs no query (CSRF). */
    userId: string;
  }
}

/** How long a session lasts from sign-in: the cookie's expiry and the row's. */
export const SESSION_SECONDS = 7 * 24 * 3600;

/** A new session of `userId` in a new cookie; the cookie's previous session, if any, ends. */
export async function beginSession(
  store: Store,
  now: () => Date,
  request: FastifyRequest,
  userId: string,
): Promise<void> {
  const previous = request.session.get('sessionId');
  if (previous !== undefined) await store.revokeSession(previous);
  const expiresAt = new Date(now().getTime() + SESSION_SECONDS * 1000);
  const sessionId = await store.createSession(userId, expiresAt);
  // A new cookie (and CSRF secret): nothing of the old one carries over.
  request.session.regenerate();
  request.session.set('sessionId', sessionId);
  request.session.set('userId', userId);
}

/** Ends the cookie's session on the server and clears the cookie. */
export async function endSession(store: Store, request: FastifyRequest): Promise<void> {
  const sessionId = request.session.get('sessionId');
  if (sessionId !== undefined) await store.revokeSession(sessionId);
  request.session.delete();
}

/** The signed-in user, when the cookie names an active session of that user; else undefined. */
export async function sessionUser(
  store: Store,
  now: () => Date,
  request: FastifyRequest,
): Promise<string | undefined> {
  const sessionId = request.session.get('sessionId');
  const userId = request.session.get('userId');
  if (sessionId === undefined || userId === undefined) return undefined;
  const owner = await store.getActiveSession(sessionId, now());
  return owner === userId ? userId : undefined;
}
