import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Version recorded on every capture and run. */
export const CRAWLER_VERSION = `nianbao-crawler/${pkg.version}`;
export const PACKAGE_VERSION = pkg.version;
