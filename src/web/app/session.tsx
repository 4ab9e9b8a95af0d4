/** Who is signed in, shared by every page; undefined while asking the server. */
import { createContext, useContext } from 'react';
import type { Me } from '../backend/client.js';

export interface Session {
  readonly me: Me | null;
  setMe(me: Me | null): void;
}

export const SessionContext = createContext<Session>({ me: null, setMe: () => undefined });

export function useSession(): Session {
  return useContext(SessionContext);
}
