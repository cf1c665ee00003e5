// Secondary instances a form's expressions can query with instance('id')/root/item[…]: every
// choice list (as pyxform writes them: item → name, label, itextId and the extra columns), every
// CSV or GeoJSON file shipped with the form (item → one element per column) and every XML file
// (its own element tree, attributes included: instance('id')/root/item[@type = 'x']/name).
// Built on first use and kept for the runtime's life: they never change while an interview is open.
import type { XNode } from '../expr';
import { attachmentInstanceId, type FormAttachment, type FormModel, isXmlAttachment, type XmlElement } from '../../forms/model';
import { localized } from './messages';

/** An element of a static tree (a secondary instance). */
export class StaticNode implements XNode {
  private kids: StaticNode[] = [];
  private attrs: StaticNode[] = [];
  private up: StaticNode | null = null;
  private pos = 1;

  constructor(readonly name: string, private readonly text = '') {}

  /** An attribute (`@name` in a path): a node with a value and this element as its parent. */
  addAttribute(name: string, value: string): void {
    const a = new StaticNode(name, value);
    a.up = this;
    this.attrs.push(a);
  }
  attributes(): readonly XNode[] {
    return this.attrs;
  }

  add(child: StaticNode): StaticNode {
    child.up = this;
    let same = 0;
    for (const k of this.kids) if (k.name === child.name) same++;
    child.pos = same + 1;
    this.kids.push(child);
    return child;
  }
  value(): string {
    return this.kids.length > 0 ? '' : this.text;
  }
  children(): readonly XNode[] {
    return this.kids;
  }
  parent(): XNode | null {
    return this.up;
  }
  position(): number {
    return this.pos;
  }
}

/** pyxform's itext id of choice i (0-based) of list L, readable back with jr:itext(). */
export function choiceItextId(list: string, index: number): string {
  return `static_instance-${list}-${index}`;
}

function leaf(parent: StaticNode, name: string, text: string): void {
  // Column headers that are not XML names (spaces, a leading digit) cannot be reached by a path.
  if (/^[\p{L}_][\p{L}\p{M}\p{N}_.-]*$/u.test(name)) parent.add(new StaticNode(name, text));
}

/** Copies an XML element (depth bounded when the file was read, see shared/forms/xml.ts) under `parent`. */
function appendXml(parent: StaticNode, el: XmlElement): void {
  const node = parent.add(new StaticNode(el.name, el.text ?? ''));
  for (const [k, v] of Object.entries(el.attributes ?? {})) node.addAttribute(k, v);
  for (const c of el.children ?? []) appendXml(node, c);
}

export class SecondaryInstances {
  private readonly built = new Map<string, StaticNode | null>();
  private readonly files = new Map<string, FormAttachment>();

  constructor(private readonly form: FormModel, private readonly language: string) {
    for (const a of form.attachments ?? []) this.files.set(attachmentInstanceId(a.file), a);
  }

  /** The document node of instance `id`, or null when the form has no such list or file. */
  get(id: string): StaticNode | null {
    let doc = this.built.get(id);
    if (doc === undefined) {
      doc = this.build(id);
      this.built.set(id, doc);
    }
    return doc;
  }

  private build(id: string): StaticNode | null {
    const doc = new StaticNode('');
    const root = doc.add(new StaticNode('root'));
    const list = Object.prototype.hasOwnProperty.call(this.form.choiceLists, id) ? this.form.choiceLists[id] : undefined;
    if (list) {
      list.choices.forEach((c, i) => {
        const item = root.add(new StaticNode('item'));
        leaf(item, 'itextId', choiceItextId(id, i));
        leaf(item, 'name', c.name);
        leaf(item, 'label', localized(c.labels, this.language, this.form.defaultLanguage) ?? '');
        for (const [k, v] of Object.entries(c.extra)) if (k !== 'name' && k !== 'label' && k !== 'itextId') leaf(item, k, v);
      });
      return doc;
    }
    const file = this.files.get(id);
    if (!file) return null;
    if (isXmlAttachment(file)) {
      // The document node holds the file's own document element (`root` for ODK's shape).
      const top = new StaticNode('');
      appendXml(top, file.xml);
      return top;
    }
    for (const row of file.rows) {
      const item = root.add(new StaticNode('item'));
      file.columns.forEach((col, k) => leaf(item, col, row[k] ?? ''));
    }
    return doc;
  }

  /** jr:itext(id) for a choice's itext id: its label in the runtime's language. */
  itext(id: string): string {
    const m = /^static_instance-(.+)-(\d+)$/.exec(id);
    if (!m) return '';
    const c = this.form.choiceLists[m[1] as string]?.choices[Number(m[2])];
    return c ? (localized(c.labels, this.language, this.form.defaultLanguage) ?? '') : '';
  }
}
