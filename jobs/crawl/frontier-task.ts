/** Crawl tasks ↔ frontier rows in the archive (the task kind and meta travel in the row's meta JSON). */
import type { CrawlTask, TaskKind, TaskMeta } from '../../crawlers/adapter.ts';
import type { FrontierItem, NewFrontierItem } from '../../store/frontier.ts';
import { purposeOf } from './task-purpose.ts';

export function toFrontierItem(task: CrawlTask): NewFrontierItem {
  return { url: task.url, purpose: purposeOf(task.kind), portalId: task.portalId, depth: task.depth, meta: { kind: task.kind, ...task.meta } };
}

export function taskFromFrontier(item: FrontierItem): CrawlTask {
  const { kind, ...meta } = (item.meta ?? {}) as TaskMeta & { kind?: TaskKind };
  return { url: item.url, kind: kind ?? 'report', portalId: item.portalId, meta, depth: item.depth };
}
