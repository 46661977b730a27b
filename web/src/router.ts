/** Hash routes (#/actor/ID?x=y): the server serves one page, every view is a client route. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  view: string;
  arg: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path, qs] = h.split('?', 2) as [string, string | undefined];
  const [view, ...rest] = path.split('/');
  return { view: view || 'home', arg: rest.length ? decodeURIComponent(rest.join('/')) : null, params: new URLSearchParams(qs ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** A route's href; ids are encoded, so no value ever leaves the hash. */
export function href(view: string, arg?: string | null, params?: Record<string, string | number | undefined | null>): string {
  let h = '#/' + view;
  if (arg) h += '/' + encodeURIComponent(arg);
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const s = q.toString();
    if (s) h += '?' + s;
  }
  return h;
}

export const go = (view: string, arg?: string | null, params?: Record<string, string | number | undefined | null>) => {
  location.hash = href(view, arg, params);
};

/** Only http(s) links to the outside: a stored url such as javascript:… is shown as text, never linked. */
export const safeUrl = (u: string | null | undefined): string | null => (u && /^https?:\/\//i.test(u) ? u : null);
