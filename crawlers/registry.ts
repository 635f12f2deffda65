import type { PortalAdapter } from './adapter.ts';
import { hanwebAdapter } from './hanweb/hanweb-adapter.ts';
import type { PortalConfig } from './portal-config.ts';

/** Portal family → crawler adapter. A new family is a new folder and one line here. */
const ADAPTERS: Readonly<Record<PortalConfig['family'], PortalAdapter>> = {
  hanweb: hanwebAdapter,
};

export function adapterFor(portal: PortalConfig): PortalAdapter {
  return ADAPTERS[portal.family];
}
