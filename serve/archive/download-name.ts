/**
 * The name an archived attachment downloads under: the name the reader saw (the link's text, passed as `?name=`),
 * else the name the portal's response gave (`Content-Disposition`), else the URL's `filename=` parameter or last
 * path segment — with the extension of its type added when the name has none. CMS download links are often
 * `downfile.jsp?filename=<sha256>.pdf`, so the link text is the best name there is.
 */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/zip': 'zip',
  'application/x-rar-compressed': 'rar',
  'application/vnd.rar': 'rar',
  'application/wps-office.wps': 'wps',
  'text/html': 'html',
};

function clean(name: string): string {
  // No path, no control characters, no quotes; at most 120 characters.
  return name.replace(/[\\/\u0000-\u001f\u007f"]/g, '_').replace(/^[.\s]+/, '').trim().slice(0, 120);
}

function fromDisposition(header: string | undefined): string | null {
  if (header === undefined) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star !== null) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain === null ? null : plain[1]!.trim();
}

function fromUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    const param = parsed.searchParams.get('filename') ?? parsed.searchParams.get('fileName');
    const last = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
    return param ?? (last === '' ? null : last);
  } catch {
    return null;
  }
}

const hasExtension = (name: string): boolean => /\.[A-Za-z0-9]{2,5}$/.test(name);

export function downloadName(options: { requested: string | null; disposition: string | undefined; url: string; mediaType: string; fallback: string }): string {
  const candidates = [options.requested, fromDisposition(options.disposition), fromUrl(options.url)].map((n) => (n === null ? '' : clean(n)));
  const name = candidates.find((n) => n !== '') ?? options.fallback;
  const ext = EXTENSIONS[options.mediaType] ?? fromUrl(options.url)?.match(/\.([A-Za-z0-9]{2,5})$/)?.[1] ?? null;
  return hasExtension(name) || ext === null ? name : `${name}.${ext}`;
}

/** `attachment` with an ASCII fallback name and the real one in RFC 5987 form. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
