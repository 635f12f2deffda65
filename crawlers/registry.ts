import type { PortalAdapter } from './adapter.ts';
import { makeAutoAdapter } from './auto/auto-adapter.ts';
import { gkmlptAdapter } from './gkmlpt/gkmlpt-adapter.ts';
import { hanwebAdapter } from './hanweb/hanweb-adapter.ts';
import { jpaasAdapter } from './jpaas/jpaas-adapter.ts';
import type { PortalConfig, PortalFamily } from './portal-config.ts';
import { trsAdapter } from './trs/trs-adapter.ts';

/** Portal family → crawler adapter. A new family is a new folder and one line here. */
const ADAPTERS: Readonly<Partial<Record<PortalFamily, PortalAdapter>>> = {
  hanweb: hanwebAdapter,
  gkmlpt: gkmlptAdapter,
  jpaas: jpaasAdapter,
  trs: trsAdapter,
};

/** The adapter of a concrete family, or undefined when that family has none (yet). */
export function familyAdapter(family: PortalFamily): PortalAdapter | undefined {
  return ADAPTERS[family];
}

const AUTO = makeAutoAdapter(familyAdapter);

/** The adapter for a portal: its family's, or for `family: "auto"` the one that detects the family first. */
export function adapterFor(portal: PortalConfig): PortalAdapter {
  if (portal.family === 'auto') return AUTO;
  const adapter = ADAPTERS[portal.family];
  if (adapter === undefined) throw new Error(`no crawler adapter registered for family "${portal.family}" (crawlers/registry.ts)`);
  return adapter;
}
