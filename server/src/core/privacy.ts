/** Personal data as the API shows it by default: masked, and in one normal form. */

const STAR = "*";

/** Keeps `head` characters at the start and `tail` at the end, one star for each one hidden. */
function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return STAR.repeat(s.length);
  return s.slice(0, head) + STAR.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/**
 * A phone number with its middle hidden: "13812345678" → "138****5678", a landline keeps its area
 * code and last four digits ("0574-87651234" → "0574-****1234"); a short number keeps less.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  const dash = s.indexOf("-");
  if (dash > 0) {
    // area code - local number [- extension]: the local number is what identifies the line
    const [area, local = "", ...rest] = s.split("-");
    return [area, maskDigits(local, 0), ...rest.map(() => STAR.repeat(2))].join("-");
  }
  return maskDigits(s, 3);
}

function maskDigits(s: string, head: number): string {
  if (s.length >= 11) return keepEnds(s, head, 4);
  if (s.length >= 7) return keepEnds(s, Math.min(head, s.length - 7), 4);
  if (s.length >= 3) return keepEnds(s, 0, Math.floor(s.length / 3));
  return STAR.repeat(s.length);
}

/**
 * A resident ID number (GB 11643) with its date of birth hidden: the 18-digit form keeps the
 * six-digit region code and the last four ("330212********1234"); the old 15-digit form keeps
 * the region and the three-digit sequence ("330212******123"). Anything else keeps at most a
 * quarter at each end.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length === 18) return keepEnds(s, 6, 4);
  if (s.length === 15) return keepEnds(s, 6, 3);
  const quarter = Math.floor(s.length / 4);
  return keepEnds(s, quarter, quarter);
}

/** Mainland mobile: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;
/**
 * Landline: area code (010 and 02x have three digits, the others four), a local number of 7–8
 * digits not starting with 0 or 1, an optional extension.
 */
const LANDLINE = /^(010|02\d|0[3-9]\d{2})-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/;

/**
 * A mainland mobile or landline number in normal form ("13812345678", "0574-87651234",
 * "0574-87651234-123"), or undefined when it is neither. Spaces, a "+86"/"0086" prefix before a
 * mobile and brackets around an area code are accepted.
 */
export function normalizeChinesePhone(input: string): string | undefined {
  let s = input.trim().replace(/[\s\u3000]/g, "");
  s = s.replace(/^[(（](0\d{2,3})[)）]-?/, "$1-");
  const mobile = s.replace(/^(?:\+86|0086)-?/, "").replace(/-/g, "");
  if (MOBILE.test(mobile)) return mobile;
  const m = LANDLINE.exec(s);
  if (!m) return undefined;
  return `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ""}`;
}
