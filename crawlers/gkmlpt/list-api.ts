/**
 * The gkmlpt list API answer: JSON `{ total, page, per_page, articles: [{ id, title, url, publisher, identifier,
 * display_publish_time }] }`. Relative or missing `url`s are rebuilt from the post id.
 */
import { contentUrl } from './urls.ts';

export interface ListedPost {
  readonly id: number;
  readonly title: string;
  readonly url: string;
}

export interface ListPage {
  readonly total: number;
  readonly page: number;
  readonly perPage: number;
  readonly posts: readonly ListedPost[];
}

/** Parse one API answer, or null when it is not the list JSON (a challenge page, an error shell). */
export function parseListPage(text: string, requestUrl: string): ListPage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { articles?: unknown }).articles)) return null;
  const body = json as { total?: unknown; page?: unknown; per_page?: unknown; articles: unknown[] };
  const origin = new URL(requestUrl).origin;
  const posts = body.articles.flatMap((item) => post(item, origin, requestUrl));
  const page = positive(body.page) ?? 1;
  return { total: positive(body.total) ?? posts.length, page, perPage: positive(body.per_page) ?? Math.max(posts.length, 1), posts };
}

/** Whether a page after `list` exists: more posts than the pages so far hold. */
export function hasNextPage(list: ListPage): boolean {
  return list.posts.length > 0 && list.page * list.perPage < list.total;
}

function post(item: unknown, origin: string, requestUrl: string): ListedPost[] {
  if (typeof item !== 'object' || item === null) return [];
  const { id, title, url } = item as Record<string, unknown>;
  const postId = Number(id);
  if (!Number.isInteger(postId) || postId <= 0 || typeof title !== 'string') return [];
  let href = contentUrl(origin, postId);
  if (typeof url === 'string' && url.trim() !== '') {
    try {
      href = new URL(url.trim(), requestUrl).href;
    } catch {
      // keep the URL rebuilt from the id
    }
  }
  return [{ id: postId, title: title.trim(), url: href }];
}

function positive(value: unknown): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
