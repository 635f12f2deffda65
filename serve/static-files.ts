/** The page's own files (serve/static), read once at start: `/` is index.html, `/static/<name>` the rest. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CSP, type Reply } from './http/respond.ts';

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function loadStaticFiles(dir = STATIC_DIR): ReadonlyMap<string, Reply> {
  const files = new Map<string, Reply>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type === undefined) continue;
    const reply: Reply = { status: 200, headers: { 'content-type': type, 'content-security-policy': APP_CSP, 'cache-control': 'no-cache' }, body: readFileSync(path.join(dir, name)) };
    files.set(name === 'index.html' ? '/' : `/static/${name}`, reply);
  }
  return files;
}
