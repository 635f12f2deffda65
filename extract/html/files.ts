/**
 * Files linked from the report: every `<img>` in the body (screenshots of tables are common) and every
 * attachment link (Hanweb `downfile.jsp`, or an office/PDF extension), as absolute URLs.
 */
import type { AnyNode } from 'domhandler';
import type { LinkedFile } from '../types.ts';
import { descendants, elementText } from './dom.ts';
import { collapseWhitespace } from './normalize-label.ts';

const ATTACHMENT = /(?:\/module\/download\/downfile\.jsp|\.(?:pdf|docx?|wps|xlsx?|zip|rar|ofd|et)(?:$|[?#]))/i;

export function absoluteUrl(href: string, pageUrl: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || /^(?:javascript|mailto|tel|data):/i.test(trimmed) || trimmed.startsWith('#')) return null;
  try {
    return new URL(trimmed, pageUrl).href;
  } catch {
    return null;
  }
}

export function isAttachmentUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ATTACHMENT.test(parsed.pathname) || ATTACHMENT.test(parsed.pathname + parsed.search);
  } catch {
    return ATTACHMENT.test(url);
  }
}

/**
 * Attachment links that belong to the report wherever they sit on the page: Hanweb's download endpoint, and TRS
 * upload names beside the document (`./P020260122….pdf`), which TRS templates list in a block after the editor body.
 */
const PAGE_WIDE_ATTACHMENT = /downfile\.jsp|(?:^|\/)P0\d{6,}[^/]*\.(?:pdf|docx?|wps|xlsx?|zip|rar|ofd|et)$/i;

/** Images in `body`; attachment links in `body` and, for Hanweb's download endpoint and TRS uploads, anywhere on the page. */
export function findFiles(root: AnyNode, body: AnyNode, pageUrl: string): LinkedFile[] {
  const files: LinkedFile[] = [];
  const seen = new Set<string>();
  const add = (file: LinkedFile): void => {
    if (seen.has(file.url)) return;
    seen.add(file.url);
    files.push(file);
  };
  for (const img of descendants(body, 'img')) {
    const src = img.attribs['src'] ?? img.attribs['data-src'] ?? img.attribs['original'] ?? '';
    const url = absoluteUrl(src, pageUrl);
    if (url !== null) add({ url, kind: 'image', label: collapseWhitespace(img.attribs['alt'] ?? img.attribs['title'] ?? '') });
  }
  const links = new Set([...descendants(body, 'a'), ...descendants(root, 'a').filter((a) => PAGE_WIDE_ATTACHMENT.test(a.attribs['href'] ?? ''))]);
  for (const a of links) {
    const url = absoluteUrl(a.attribs['href'] ?? '', pageUrl);
    if (url === null || !isAttachmentUrl(url)) continue;
    add({ url, kind: 'attachment', label: collapseWhitespace(elementText(a)) || collapseWhitespace(a.attribs['title'] ?? '') });
  }
  return files;
}
