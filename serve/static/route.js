// The location hash as the page's address: reading it, building it, moving to it (app.js renders on each change).

/** Current route as { path, params }. */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { path, params: new URLSearchParams(query) };
}

/** `#path?query` from params (empty values dropped). */
export function hashOf(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

/** Navigate (renders the new view). */
export function go(path, params = {}) {
  location.hash = hashOf(path, params);
}

/** Record a view's own state in the URL without re-rendering it (so it stays linkable). */
export function remember(path, params = {}) {
  history.replaceState(null, '', hashOf(path, params));
}
