/** A parsed XML element: its name, child elements and text content (entities decoded). */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number(e.slice(1)));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity ${m}`);
    return v;
  });
}

/**
 * A strict little parser for the XML the Open311 routes write (no attributes, CDATA or DTDs):
 * throws on anything not well-formed — a bare "&" or "<" in text, a mismatched or unclosed tag,
 * a control character, text outside the root — so a test that parses a body proves it well-formed.
 */
export function parseXml(doc: string): XmlElement {
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\s*/i.exec(doc);
  if (!decl) throw new Error("missing XML declaration with encoding utf-8");
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(doc)) throw new Error("control character in XML");
  let i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const name = /^[A-Za-z_][\w.-]*/;
  while (i < doc.length) {
    if (doc[i] === "<") {
      const end = doc.indexOf(">", i);
      if (end < 0) throw new Error(`unclosed tag at ${i}`);
      const tag = doc.slice(i + 1, end);
      i = end + 1;
      if (tag.startsWith("/")) {
        const open = stack.pop();
        if (!open || open.name !== tag.slice(1)) throw new Error(`mismatched </${tag.slice(1)}>`);
        continue;
      }
      const selfClosing = tag.endsWith("/");
      const n = (selfClosing ? tag.slice(0, -1) : tag).trim();
      if (!name.test(n) || name.exec(n)![0] !== n) throw new Error(`bad tag <${tag}>`);
      const el: XmlElement = { name: n, children: [], text: "" };
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else if (root) throw new Error("second root element");
      else root = el;
      if (!selfClosing) stack.push(el);
    } else {
      const next = doc.indexOf("<", i);
      const raw = doc.slice(i, next < 0 ? doc.length : next);
      i = next < 0 ? doc.length : next;
      if (raw.includes(">")) throw new Error(`bare ">" in text`);
      if (/&(?!(#x[0-9a-fA-F]+|#\d+|\w+);)/.test(raw)) throw new Error(`bare "&" in text`);
      const top = stack[stack.length - 1];
      if (!top) {
        if (raw.trim()) throw new Error("text outside the root element");
        continue;
      }
      top.text += decode(raw);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

/** The text of a child element, or undefined when there is none. */
export function childText(el: XmlElement, name: string): string | undefined {
  return el.children.find((c) => c.name === name)?.text;
}

/** A leaf element's children as a flat record of texts (a request, a service). */
export function record(el: XmlElement): Record<string, string> {
  return Object.fromEntries(el.children.map((c) => [c.name, c.text]));
}
