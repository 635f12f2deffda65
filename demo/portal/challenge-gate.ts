/**
 * A JavaScript challenge in front of a fixture site, as *.gov.cn hosts have them (research/challenges-and-ppocr.md):
 *   ruishu      瑞数-like: HTTP 412, a `…S` cookie in Set-Cookie, `$_ts` with a seed inline, and an obfuscated external
 *               script that computes the `…T` cookie from the seed and the User-Agent, then reloads;
 *   jiasule     加速乐-like: HTTP 521, a `__jsluid_h` cookie, an inline script writing `__jsl_clearance_s`;
 *   impossible  a 412 challenge whose script never produces a valid cookie (a host no browser passes).
 * Pages are served only with a valid pair of cookies (bound to the User-Agent they were computed for); robots.txt and
 * the challenge script are served to everyone. `expireCookies()` makes every earned cookie stop working.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Route, SiteResponse } from './http-site.ts';

export type ChallengeKind = 'ruishu' | 'jiasule' | 'impossible';

export const RUISHU_SCRIPT = '/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js';
const S_COOKIE = 'NfBCSins2OywS';
const T_COOKIE = 'NfBCSins2OywT';
const JSL_ID = '__jsluid_h';
const JSL_CLEARANCE = '__jsl_clearance_s';

export interface ChallengeGate {
  readonly route: (inner: Route) => Route;
  /** Requests answered with a challenge, and requests let through. */
  readonly stats: { challenged: number; passed: number };
  expireCookies(): void;
}

/** The token the challenge script computes: FNV-1a of seed|UA and UA|seed, hex. */
export function challengeToken(seed: string, userAgent: string): string {
  return fnv(`${seed}|${userAgent}`) + fnv(`${userAgent}|${seed}`);
}

function fnv(text: string): string {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x.toString(16).padStart(8, '0');
}

export function challengeGate(kind: ChallengeKind): ChallengeGate {
  let generation = randomBytes(4).toString('hex');
  const stats = { challenged: 0, passed: 0 };
  const sign = (seed: string): string => createHash('sha256').update(`${generation}:${seed}`).digest('hex').slice(0, 24);
  const valid = (req: IncomingMessage): boolean => {
    const cookies = parseCookies(req.headers.cookie ?? '');
    const ua = req.headers['user-agent'] ?? '';
    const [idName, tokenName] = kind === 'jiasule' ? [JSL_ID, JSL_CLEARANCE] : [S_COOKIE, T_COOKIE];
    const seed = cookies.get(idName);
    if (seed === undefined || !seed.includes('.')) return false;
    const [raw, mac] = seed.split('.');
    return mac === sign(raw ?? '') && cookies.get(tokenName) === challengeToken(seed, ua);
  };
  const route = (inner: Route): Route => (url, req) => {
    if (url.pathname === '/robots.txt') return inner(url, req);
    if (url.pathname === RUISHU_SCRIPT) return script(kind);
    if (valid(req)) {
      stats.passed += 1;
      return inner(url, req);
    }
    stats.challenged += 1;
    const raw = randomBytes(9).toString('hex');
    return challengePage(kind, `${raw}.${sign(raw)}`);
  };
  return { route, stats, expireCookies: () => void (generation = randomBytes(4).toString('hex')) };
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

function challengePage(kind: ChallengeKind, seed: string): SiteResponse {
  if (kind === 'jiasule') {
    const body = `<script>var _0x1=['\\x5f\\x5f\\x6a\\x73\\x6c\\x5f\\x63\\x6c\\x65\\x61\\x72\\x61\\x6e\\x63\\x65\\x5f\\x73'];${FNV_JS}` +
      `document.cookie=_0x1[0]+'='+_t('${seed}')+';max-age=3600;path=/';location.href=location.pathname+location.search</script>`;
    return { status: 521, headers: { 'content-type': 'text/html', 'set-cookie': `${JSL_ID}=${seed}; max-age=31536000; path=/; HttpOnly`, 'cache-control': 'no-store' }, body, conditional: false };
  }
  const body = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta http-equiv="Expires" content="0">` +
    `<meta content="${seed.slice(0, 12)}" r='m'><script type="text/javascript">$_ts=window['$_ts'];if(!$_ts)$_ts=window['$_ts']={};$_ts.nsd=${seed.length};$_ts.cd="${seed}";</script>` +
    `<script type="text/javascript" charset="utf-8" src="${RUISHU_SCRIPT}" r='m'></script></head><body></body></html>` +
    `<script type="text/javascript">$_ts.lcd&&$_ts.lcd();</script>`;
  return { status: 412, headers: { 'content-type': 'text/html', 'set-cookie': `${S_COOKIE}=${seed}; path=/; HttpOnly`, 'cache-control': 'no-store' }, body, conditional: false };
}

/** The same FNV-1a as `challengeToken`, as the obfuscated script carries it. */
const FNV_JS =
  "function _h(s){var x=0x811c9dc5;for(var i=0;i<s.length;i++){x^=s.charCodeAt(i);x=Math.imul(x,0x01000193)>>>0;}return('0000000'+x.toString(16)).slice(-8);}" +
  "function _t(c){var u=navigator['\\x75\\x73\\x65\\x72\\x41\\x67\\x65\\x6e\\x74'];return _h(c+'|'+u)+_h(u+'|'+c);}";

function script(kind: ChallengeKind): SiteResponse {
  const set = kind === 'impossible'
    ? "document['\\x63\\x6f\\x6f\\x6b\\x69\\x65']='NfBCSins2OywT='+_h(String(Math.random()))+'; path=/';"
    : "document['\\x63\\x6f\\x6f\\x6b\\x69\\x65']='NfBCSins2OywT='+_t($_ts.cd)+'; path=/';";
  // The impossible variant never reloads: its cookie is wrong, and reloading would only ask again.
  const reload = kind === 'impossible' ? '' : 'setTimeout(function(){location.reload();},10);';
  const body = `(function(){${FNV_JS}$_ts.lcd=function(){${set}${reload}};})();`;
  return { status: 200, headers: { 'content-type': 'application/javascript' }, body, conditional: false };
}
