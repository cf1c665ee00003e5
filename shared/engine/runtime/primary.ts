// The record seen as an XML tree, for XPath paths (`/data/g/q`, `../q`, `current()/../q`,
// `${members}[age > 18]`): the document node, the root element `data`, groups, one element per
// repeat instance and the questions' leaves, plus `meta/instanceID`. Elements are created on
// demand over the live cells (never copied) and kept per instance, so a node compares equal to
// itself across one evaluation.
import type { XNode } from '../expr';
import type { FormNode } from '../../forms/model';
import type { FormPlan, PlanNode } from './plan';
import type { Cell, Instance } from './record';

/** The root element's name: what pyxform calls the primary instance when settings have no `name`. */
export const ROOT_ELEMENT = 'data';

abstract class PrimaryNode implements XNode {
  abstract readonly name: string;
  value(): string {
    return '';
  }
  children(): readonly XNode[] {
    return [];
  }
  abstract parent(): XNode | null;
  position(): number {
    return 1;
  }
}

class Leaf extends PrimaryNode {
  constructor(readonly name: string, private readonly cell: Cell, private readonly up: XNode) {
    super();
  }
  override value(): string {
    return this.cell.xs;
  }
  parent(): XNode {
    return this.up;
  }
}

class Text extends PrimaryNode {
  constructor(readonly name: string, private readonly text: () => string, private readonly up: XNode | null) {
    super();
  }
  override value(): string {
    return this.text();
  }
  parent(): XNode | null {
    return this.up;
  }
}

/** `/`: the document node, whose one child is the root element. */
class Document extends PrimaryNode {
  readonly name = '';
  constructor(private readonly root: () => XNode) {
    super();
  }
  override children(): readonly XNode[] {
    return [this.root()];
  }
  parent(): null {
    return null;
  }
}

/** A group, a repeat instance or the root element: children listed from the form's tree. */
class Container extends PrimaryNode {
  constructor(
    private readonly tree: PrimaryTree,
    readonly name: string,
    private readonly content: readonly FormNode[],
    private readonly inst: Instance,
    private readonly up: () => XNode | null,
    private readonly index = 1,
    private readonly extra: (self: XNode) => XNode[] = () => [],
  ) {
    super();
  }
  override children(): readonly XNode[] {
    const out: XNode[] = [];
    for (const n of this.content) this.tree.childrenFor(n, this.inst, this, out);
    out.push(...this.extra(this));
    return out;
  }
  parent(): XNode | null {
    return this.up();
  }
  override position(): number {
    return this.index;
  }
}

export class PrimaryTree {
  private readonly cache = new WeakMap<Instance, Map<number, XNode>>();
  private readonly instanceNodes = new WeakMap<Instance, XNode>();
  readonly doc: XNode;
  readonly data: XNode;

  constructor(private readonly plan: FormPlan, root: Instance, instanceId: () => string) {
    const doc = new Document(() => this.data);
    this.doc = doc;
    const meta = (up: XNode): XNode[] => {
      const m = new Container(this, 'meta', [], root, () => up, 1, (self) => [new Text('instanceID', instanceId, self)]);
      return [m];
    };
    this.data = new Container(this, ROOT_ELEMENT, plan.form.children, root, () => doc, 1, meta);
  }

  private pn(name: string): PlanNode {
    return this.plan.nodes[this.plan.byName.get(name) as number] as PlanNode;
  }

  /** Appends the element(s) form node `n` contributes under `inst`: a leaf, a group, or one per repeat instance. */
  childrenFor(n: FormNode, inst: Instance, up: XNode, out: XNode[]): void {
    const pn = this.pn(n.name);
    if (n.kind === 'repeat') {
      const list = inst.repeats[this.plan.childPos[pn.scope] as number] as Instance[];
      for (const x of list) out.push(this.instanceNode(x));
      return;
    }
    out.push(this.nodeAt(pn, inst, up));
  }

  /** The element of a question or group node in `inst` (its parent found from the form when not given). */
  nodeAt(pn: PlanNode, inst: Instance, up?: XNode): XNode {
    let byIndex = this.cache.get(inst);
    if (!byIndex) this.cache.set(inst, (byIndex = new Map()));
    let node = byIndex.get(pn.index);
    if (!node) {
      const parent = up ?? this.containerOf(pn, inst);
      const n = pn.node;
      node = n.kind === 'question'
        ? new Leaf(n.name, inst.cells[pn.slot] as Cell, parent)
        : new Container(this, n.name, n.children, inst, () => parent);
      byIndex.set(pn.index, node);
    }
    return node;
  }

  /** The element of one repeat instance (`/data/…/members[2]`). */
  instanceNode(inst: Instance): XNode {
    let node = this.instanceNodes.get(inst);
    if (!node) {
      const scope = this.plan.scopes[inst.scope] as { repeat: number };
      const pn = this.plan.nodes[scope.repeat] as PlanNode;
      const repeat = pn.node as Extract<FormNode, { kind: 'repeat' }>;
      node = new Container(this, repeat.name, repeat.children, inst, () => this.containerOf(pn, inst.parent as Instance), inst.index);
      this.instanceNodes.set(inst, node);
    }
    return node;
  }

  /** The element holding node `pn` whose cell (or, for a repeat, whose list) is in `inst`. */
  containerOf(pn: PlanNode, inst: Instance): XNode {
    if (pn.parent < 0) return this.data;
    const parent = this.plan.nodes[pn.parent] as PlanNode;
    if (parent.node.kind === 'repeat') return this.instanceNode(inst);
    return this.nodeAt(parent, inst);
  }
}
