/** Browser-history routing for the few pages the app has; the server answers every path with the app. */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'sign-in' }
  | { readonly page: 'sign-up' }
  | { readonly page: 'home' }
  | { readonly page: 'studies'; readonly orgId: string }
  | { readonly page: 'members'; readonly orgId: string }
  | {
      readonly page: 'study';
      readonly orgId: string;
      readonly studyId: string;
      readonly step: string | undefined;
    };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'sign-in') return { page: 'sign-in' };
  if (parts[0] === 'sign-up') return { page: 'sign-up' };
  if (parts[0] === 'orgs' && parts[1] !== undefined) {
    if (parts[2] === 'members') return { page: 'members', orgId: parts[1] };
    if (parts[2] === 'studies' && parts[3] !== undefined) {
      return { page: 'study', orgId: parts[1], studyId: parts[3], step: parts[4] };
    }
    return { page: 'studies', orgId: parts[1] };
  }
  return { page: 'home' };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'sign-in':
    case 'sign-up':
      return `/${route.page}`;
    case 'home':
      return '/';
    case 'studies':
      return `/orgs/${encodeURIComponent(route.orgId)}`;
    case 'members':
      return `/orgs/${encodeURIComponent(route.orgId)}/members`;
    case 'study':
      return `/orgs/${encodeURIComponent(route.orgId)}/studies/${encodeURIComponent(route.studyId)}${route.step ? `/${route.step}` : ''}`;
  }
}

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

/** Guards (such as "unsaved changes") may veto a navigation; `to` is undefined when leaving the app's state (signing out). */
export type NavigationGuard = (to: Route | undefined) => boolean;
let guard: NavigationGuard | undefined;
export function setNavigationGuard(next: NavigationGuard | undefined): void {
  guard = next;
}

/** Asks the guard, if any: may the user leave what they are doing? */
export function mayLeave(): boolean {
  return guard === undefined || guard(undefined);
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = routePath(route);
  if (path === window.location.pathname) return;
  if (guard !== undefined && !guard(route)) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
