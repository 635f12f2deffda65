/**
 * 统一社会信用代码 (unified social credit identifier, GB 32100-2015) validation.
 *
 * 18 characters from `0-9A-Z` without I, O, S, V, Z:
 *  1     registration authority (1 机构编制, 5 民政, 9 市场监管, N 农业, Y 其他, …)
 *  2     entity type (1 机关, 2 事业单位, …)
 *  3–8   administrative division code (digits)
 *  9–17  主体标识码 = the GB 11714 organisation code, whose 9th character is its own check character
 *  18    check character over characters 1–17 (weights 3^(i-1) mod 31)
 * The check character may be a digit: `113708260043292687` is valid.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const SHAPE = /^[1-9ANY][1-9][0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The GB 32100 check character for the first 17 characters, or null when one is outside the charset. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 check character of an 8-character organisation code body (digits and A–Z, A = 10). */
function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body8.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** True when `code` is an 18-character USCC (upper case, no spaces) with correct check characters. */
export function isValidUscc(code: string): boolean {
  if (!SHAPE.test(code)) return false;
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return false;
  return orgCodeCheckChar(code.slice(8, 16)) === code.charAt(16);
}

/** `key` itself when it is a valid USCC, else null (portal keys are stored verbatim either way). */
export function usccFromKey(key: string): string | null {
  return isValidUscc(key) ? key : null;
}
