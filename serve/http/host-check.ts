/**
 * DNS-rebinding guard: a page on another site that rebinds its own host name to 127.0.0.1 sends that name in
 * `Host`. Only IP literals, `localhost` and the name given to `--host` are answered, and only on our port.
 */
const HOST_SHAPE = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function allowedHost(hostHeader: string | undefined, bindHost: string, port: number): boolean {
  if (hostHeader === undefined) return false;
  const match = HOST_SHAPE.exec(hostHeader.trim());
  if (match === null) return false;
  const name = (match[1] ?? '').toLowerCase();
  if ((match[2] === undefined ? 80 : Number(match[2])) !== port) return false;
  return IPV4.test(name) || name.startsWith('[') || name === 'localhost' || name === bindHost.toLowerCase();
}

/** The request's own origin (Host already validated by allowedHost), for policies that must name it. */
export function ownOrigin(hostHeader: string): string {
  return `http://${hostHeader.trim()}`;
}
