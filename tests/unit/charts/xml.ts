/**
 * A small, strict XML reader for the chart tests: enough to prove an SVG
 * string is well-formed (balanced tags, quoted attributes, no duplicate
 * attributes, no raw "<" or stray "&" in text) and to query the tree. It
 * throws on anything it does not understand, so it errs towards failing.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Unescaped text directly inside this element. */
  text: string;
  parent?: XmlElement;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function unescape(value: string, where: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '<') throw new Error(`raw "<" in ${where}`);
    if (c !== '&') {
      out += c;
      continue;
    }
    const m = ENTITY.exec(value.slice(i));
    if (!m) throw new Error(`stray "&" in ${where}: ${value.slice(i, i + 12)}`);
    const e = m[0];
    out +=
      e === '&amp;' ? '&' : e === '&lt;' ? '<' : e === '&gt;' ? '>' : e === '&quot;' ? '"' : e === '&apos;' ? "'" : String.fromCodePoint(e.startsWith('&#x') ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10));
    i += e.length - 1;
  }
  return out;
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] as XmlElement;
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > pos) {
      const text = source.slice(pos, textEnd);
      if (text.includes('>')) throw new Error(`raw ">" in text at ${pos}`);
      if (stack.length === 1 && text.trim()) throw new Error('text outside the root element');
      top().text += unescape(text, `text at ${pos}`);
    }
    if (lt === -1) break;
    pos = lt;
    if (source.startsWith('</', pos)) {
      const m = NAME.exec(source.slice(pos + 2));
      if (!m) throw new Error(`bad closing tag at ${pos}`);
      const close = source.indexOf('>', pos);
      if (close === -1 || source.slice(pos + 2 + m[0].length, close).trim()) throw new Error(`bad closing tag at ${pos}`);
      const open = stack.pop();
      if (!open || open === root || open.name !== m[0]) throw new Error(`</${m[0]}> at ${pos} does not close <${open?.name}>`);
      pos = close + 1;
      continue;
    }
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos);
      if (end === -1) throw new Error('unclosed comment');
      pos = end + 3;
      continue;
    }
    const m = NAME.exec(source.slice(pos + 1));
    if (!m) throw new Error(`bad tag at ${pos}: ${source.slice(pos, pos + 20)}`);
    const element: XmlElement = { name: m[0], attrs: {}, children: [], text: '', parent: top() };
    if (stack.length === 1 && root.children.length > 0) throw new Error('more than one root element');
    pos += 1 + m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(source.slice(pos))?.[0] ?? '';
      pos += ws.length;
      if (source.startsWith('/>', pos)) {
        top().children.push(element);
        pos += 2;
        break;
      }
      if (source.startsWith('>', pos)) {
        top().children.push(element);
        stack.push(element);
        pos += 1;
        break;
      }
      if (!ws) throw new Error(`attributes of <${element.name}> must be separated by spaces (at ${pos})`);
      const a = /^([A-Za-z_:][\w.:-]*)="([^"]*)"/.exec(source.slice(pos));
      if (!a || a[1] === undefined || a[2] === undefined) throw new Error(`bad attribute in <${element.name}> at ${pos}: ${source.slice(pos, pos + 30)}`);
      if (a[1] in element.attrs) throw new Error(`duplicate attribute ${a[1]} in <${element.name}>`);
      element.attrs[a[1]] = unescape(a[2], `attribute ${a[1]} of <${element.name}>`);
      pos += a[0].length;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${top().name}>`);
  const [svg] = root.children;
  if (!svg || root.children.length !== 1) throw new Error('expected exactly one root element');
  return svg;
}

export function descendants(node: XmlElement): XmlElement[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

export function findAll(node: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  return descendants(node).filter(test);
}

export function classList(e: XmlElement): string[] {
  return (e.attrs.class ?? '').split(/\s+/).filter(Boolean);
}

export function hasClass(e: XmlElement, name: string): boolean {
  return classList(e).includes(name);
}

export function byClass(node: XmlElement, name: string): XmlElement[] {
  return findAll(node, (e) => hasClass(e, name));
}

/** Is the element, or one of its ancestors, switched off? */
export function isOff(e: XmlElement): boolean {
  for (let n: XmlElement | undefined = e; n; n = n.parent) if (hasClass(n, 'is-off')) return true;
  return false;
}

/** All text inside an element, tspans included. */
export function textContent(e: XmlElement): string {
  return e.text + e.children.map(textContent).join('');
}

export function num(e: XmlElement, attr: string): number {
  const v = e.attrs[attr];
  if (v === undefined) throw new Error(`<${e.name}> has no ${attr}`);
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`<${e.name}> ${attr}="${v}" is not a number`);
  return n;
}
