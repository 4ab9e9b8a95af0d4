import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, type Route } from './router.js';

describe('routes', () => {
  it('read back every page they write', () => {
    const routes: Route[] = [
      { page: 'sign-in' },
      { page: 'sign-up' },
      { page: 'home' },
      { page: 'studies', orgId: 'o-1' },
      { page: 'members', orgId: 'o-1' },
      { page: 'study', orgId: 'o-1', studyId: 's-2', step: 'effluent' },
      { page: 'study', orgId: 'o-1', studyId: 's-2', step: undefined },
    ];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('sends unknown paths home', () => {
    expect(parseRoute('/nope/x')).toEqual({ page: 'home' });
  });
});
