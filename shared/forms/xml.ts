// Reads an XML file shipped with a form (a select_*_from_file `.xml` choice list or an
// `xml-external` instance) into a plain element tree the model can carry as JSON. saxes (a strict,
// streaming XML 1.0 parser) does the well-formedness checks; this file keeps the tree small and
// safe: a document type declaration is refused outright (so no entity can be declared, expanded
// or fetched: XXE and "billion laughs" never start), only the five predefined entities and
// character references are read, and depth, element and attribute counts are bounded while
// parsing, before anything large is built.
import { SaxesParser } from 'saxes';
import type { XmlElement } from './model';

/** Elements nested deeper than this are refused (ODK instances are a few levels deep). */
export const MAX_XML_DEPTH = 32;
/** At most this many elements in one file (100,000 items of a few fields each). */
export const MAX_XML_ELEMENTS = 1_000_000;
/** At most this many attributes on one element. */
export const MAX_XML_ATTRIBUTES = 64;

export class XmlFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'XmlFileError';
  }
}

interface Open {
  el: XmlElement;
  text: string;
}

/** Parses `text` (the file `file`) into its document element; throws XmlFileError naming the line. */
export function parseXmlFile(file: string, text: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const fail = (vi: string, en: string, line = parser.line): never => {
    throw new XmlFileError(file, line, `Tệp "${file}", dòng ${line}: ${vi}`, `File "${file}", line ${line}: ${en}`);
  };
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  let count = 0;

  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; the line is said in our own words.
    const why = err.message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
    fail(`không phải XML hợp lệ (${why}).`, `not well-formed XML (${why}).`);
  });
  parser.on('doctype', () => {
    // Named at the line the declaration starts on (saxes reports it where it ends).
    const at = text.indexOf('<!DOCTYPE');
    fail(
      'có khai báo DOCTYPE. KhaoSat không đọc DTD hay thực thể tự khai báo (chúng có thể đọc tệp khác trên máy hoặc phình to vô hạn); hãy xoá dòng <!DOCTYPE …>.',
      'has a DOCTYPE declaration. KhaoSat reads no DTD and no declared entity (they can read other files on the machine or expand without bound); remove the <!DOCTYPE …> line.',
      at >= 0 ? text.slice(0, at).split('\n').length : parser.line,
    );
  });
  parser.on('opentag', (tag) => {
    if (++count > MAX_XML_ELEMENTS) fail(`có hơn ${MAX_XML_ELEMENTS} phần tử.`, `has more than ${MAX_XML_ELEMENTS} elements.`);
    if (stack.length >= MAX_XML_DEPTH) fail(`lồng sâu hơn ${MAX_XML_DEPTH} cấp.`, `nests deeper than ${MAX_XML_DEPTH} levels.`);
    const el: XmlElement = { name: tag.name };
    const names = Object.keys(tag.attributes);
    if (names.length > MAX_XML_ATTRIBUTES) fail(`phần tử <${tag.name}> có hơn ${MAX_XML_ATTRIBUTES} thuộc tính.`, `the element <${tag.name}> has more than ${MAX_XML_ATTRIBUTES} attributes.`);
    if (names.length > 0) {
      el.attributes = {};
      for (const n of names) el.attributes[n] = String(tag.attributes[n]);
    }
    const parent = stack[stack.length - 1];
    if (parent) (parent.el.children ??= []).push(el);
    else root = el;
    stack.push({ el, text: '' });
  });
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const top = stack.pop();
    // The text of a leaf is its value; text between child elements is layout (as JavaRosa reads it).
    if (top && !top.el.children && top.text !== '') top.el.text = top.text;
  });
  parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  if (!root) fail('không có phần tử nào.', 'has no element.');
  return root as unknown as XmlElement;
}

/** Checks a tree read back from a serialised form (form.json) has the shape and bounds parseXmlFile gives. */
export function isXmlTree(v: unknown): v is XmlElement {
  let count = 0;
  const ok = (n: unknown, depth: number): boolean => {
    if (++count > MAX_XML_ELEMENTS || depth > MAX_XML_DEPTH || !n || typeof n !== 'object') return false;
    const e = n as Record<string, unknown>;
    if (typeof e['name'] !== 'string' || (e['text'] !== undefined && typeof e['text'] !== 'string')) return false;
    const attrs = e['attributes'];
    if (attrs !== undefined) {
      if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) return false;
      const vals = Object.values(attrs);
      if (vals.length > MAX_XML_ATTRIBUTES || vals.some((x) => typeof x !== 'string')) return false;
    }
    const kids = e['children'];
    if (kids === undefined) return true;
    return Array.isArray(kids) && kids.every((k) => ok(k, depth + 1));
  };
  return ok(v, 1);
}
