import type { TaskKind } from '../../crawlers/adapter.ts';

/** Capture purpose recorded in the archive for each kind of crawl task. */
export type CapturePurpose = 'robots' | 'catalogue' | 'listing' | 'report' | 'attachment' | 'image' | 'flipbook' | 'other';

const PURPOSE: Readonly<Record<TaskKind, CapturePurpose>> = {
  home: 'other',
  catalogue: 'catalogue',
  menu: 'listing',
  column: 'listing',
  listing: 'listing',
  report: 'report',
  attachment: 'attachment',
  image: 'image',
  flipbook: 'flipbook',
};

export function purposeOf(kind: TaskKind): CapturePurpose {
  return PURPOSE[kind];
}

/** Kinds whose body is HTML/XML to read for links; the others are files kept as bytes. */
export function isTextKind(kind: TaskKind): boolean {
  return kind !== 'attachment' && kind !== 'image';
}

/** Kinds a report's extraction reads besides the page itself: fetched after the page, from its links. */
export function isFileKind(kind: TaskKind): boolean {
  return kind === 'attachment' || kind === 'image' || kind === 'flipbook';
}
