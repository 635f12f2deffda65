// The JSON API (docs/serve.md). Errors come back as { error: { code, message } }.

export async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = query.size > 0 ? `${path}?${query}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

let keysPromise = null;
/** Layout and labels of the canonical keys (fetched once). */
export function keyLayout() {
  keysPromise ??= api('/api/keys');
  return keysPromise;
}
