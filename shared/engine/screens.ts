// The screen model: how a form is cut into pages for the questionnaire screen. A field-list group
// is one page, any other question one page; top-level groups are the sections; repeats get a page
// to add/remove instances, then their questions per instance. Satisfaction batteries inside a page
// become grids. Only relevant pages are navigable; progress counts relevant pages.
import { NOT_ENTERED_TYPES, type FormModel, type FormNode, type GroupNode, type Localized, type QuestionNode, type RepeatNode } from '../forms/model';
import type { FormRuntime } from './runtime';
import { otherQuestion } from './runtime/plan';

/** Types the interviewer never sees: computed by the form or filled by the app. */
// Notes are shown (they are text on the page); everything else not entered is never on screen.
const HIDDEN_TYPES: ReadonlySet<string> = new Set<string>([...NOT_ENTERED_TYPES].filter((t) => t !== 'note'));
const PAGE_APPEARANCES = ['field-list', 'table-list'];
const GRID_APPEARANCES = ['table-list', 'likert'];

export interface Section {
  /** Top-level group or repeat name; '' for questions outside any group. */
  name: string;
  /** Its label per language (for questions outside any group: the first question's label). */
  labels: Localized;
}

export type Block =
  | { kind: 'question'; path: string }
  /** Consecutive select_one questions on one list: rows of a grid with the choices as columns. */
  | { kind: 'grid'; listName: string; rows: string[] };

export interface Page {
  /** Stable while the structure stays: the first question path, or `repeat:<path>` for a repeat's page. */
  id: string;
  section: number;
  /** Group (or repeat instance, `roster[2]`) whose label titles the page; null for a lone question. */
  titlePath: string | null;
  kind: 'questions' | 'repeat';
  blocks: Block[];
  /** Every shown question on the page, in order (grid rows included). */
  paths: string[];
  /** For kind `repeat`: the repeat's path (`roster`, `hh[1]/members`); for questions inside a repeat instance, its instance (`roster[2]`). */
  repeatPath?: string;
  repeatNode?: RepeatNode;
  /** For kind `repeat`: the enclosing group or repeat instance, whose relevance the page follows. */
  contextPath?: string;
}

export interface ScreenModel {
  sections: Section[];
  pages: Page[];
}

function hasAppearance(n: { appearance?: string }, list: readonly string[]): boolean {
  const words = (n.appearance ?? '').split(/\s+/);
  return list.some((a) => words.includes(a));
}

function shown(q: QuestionNode): boolean {
  return !HIDDEN_TYPES.has(q.type);
}

/**
 * Cuts a page's questions into blocks: a run of ≥ 2 select_one on the same list is a grid when its
 * group's appearance is table-list/likert or each question's is likert (a satisfaction battery);
 * two yes/no questions in a field-list stay questions.
 */
export function blocksOf(questions: readonly QuestionNode[], prefix: string, gridGroup: boolean): Block[] {
  const out: Block[] = [];
  let k = 0;
  while (k < questions.length) {
    const q = questions[k] as QuestionNode;
    const gridable = (x: QuestionNode) => x.type === 'select_one' && x.listName === q.listName && (gridGroup || hasAppearance(x, GRID_APPEARANCES));
    if (gridable(q)) {
      let end = k + 1;
      while (end < questions.length && gridable(questions[end] as QuestionNode)) end++;
      if (end - k >= 2) {
        out.push({ kind: 'grid', listName: q.listName as string, rows: questions.slice(k, end).map((x) => prefix + x.name) });
        k = end;
        continue;
      }
    }
    out.push({ kind: 'question', path: prefix + q.name });
    k++;
  }
  return out;
}

/** The pages of the form as the record stands (repeat instances expanded). */
export function buildScreenModel(form: FormModel, rt: Pick<FormRuntime, 'repeatInstanceCount'>): ScreenModel {
  const sections: Section[] = [];
  const pages: Page[] = [];
  let loose = -1;
  const names = new Set<string>();
  const collect = (ns: readonly FormNode[]): void => ns.forEach((n) => (names.add(n.name), n.kind !== 'question' && collect(n.children)));
  collect(form.children);

  const questionPage = (section: number, questions: QuestionNode[], prefix: string, title: string | null, grid: boolean, instance?: string): void => {
    // An or_other select is followed by its "other (specify)" text, as the runtime adds it.
    const visible = questions.filter(shown).flatMap((q) => (q.orOther && !names.has(`${q.name}_other`) ? [q, otherQuestion(q)] : [q]));
    if (visible.length === 0) return;
    const blocks = blocksOf(visible, prefix, grid);
    const page: Page = { id: prefix + (visible[0] as QuestionNode).name, section, titlePath: title, kind: 'questions', blocks, paths: visible.map((q) => prefix + q.name) };
    if (instance) page.repeatPath = instance;
    pages.push(page);
  };

  const walk = (nodes: readonly FormNode[], section: number, prefix: string, context: string | undefined, instance?: string): void => {
    for (const n of nodes) {
      if (n.kind === 'question') {
        if (shown(n)) questionPage(section, [n], prefix, null, false, instance);
      } else if (n.kind === 'group') {
        if (hasAppearance(n, PAGE_APPEARANCES)) {
          // Nested groups inside a field-list are flattened onto its page, as ODK shows them.
          const qs: QuestionNode[] = [];
          const flat = (ns: readonly FormNode[]) => ns.forEach((c) => (c.kind === 'question' ? qs.push(c) : c.kind === 'group' ? flat(c.children) : undefined));
          flat(n.children);
          questionPage(section, qs, prefix, prefix + n.name, hasAppearance(n, GRID_APPEARANCES), instance);
          // A repeat inside a field-list still gets its own pages.
          const repeats: RepeatNode[] = [];
          const findRepeats = (ns: readonly FormNode[]) => ns.forEach((c) => (c.kind === 'repeat' ? repeats.push(c) : c.kind === 'group' ? findRepeats(c.children) : undefined));
          findRepeats(n.children);
          for (const r of repeats) repeatPages(r, section, prefix, prefix + n.name);
        } else {
          walk((n as GroupNode).children, section, prefix, prefix + n.name, instance);
        }
      } else {
        repeatPages(n, section, prefix, context);
      }
    }
  };

  const repeatPages = (r: RepeatNode, section: number, prefix: string, context: string | undefined): void => {
    const repeatPath = prefix + r.name;
    const page: Page = { id: `repeat:${repeatPath}`, section, titlePath: null, kind: 'repeat', blocks: [], paths: [], repeatPath, repeatNode: r };
    if (context) page.contextPath = context;
    pages.push(page);
    const count = rt.repeatInstanceCount(repeatPath);
    for (let i = 1; i <= count; i++) {
      const inst = `${repeatPath}[${i}]`;
      if (hasAppearance(r, PAGE_APPEARANCES)) {
        const qs: QuestionNode[] = [];
        const flat = (ns: readonly FormNode[]) => ns.forEach((c) => (c.kind === 'question' ? qs.push(c) : c.kind === 'group' ? flat(c.children) : undefined));
        flat(r.children);
        questionPage(section, qs, `${inst}/`, inst, hasAppearance(r, GRID_APPEARANCES), inst);
      } else {
        walk(r.children, section, `${inst}/`, inst, inst);
      }
    }
  };

  for (const n of form.children) {
    if (n.kind === 'question') {
      if (!shown(n)) continue;
      if (loose < 0 || sections.length - 1 !== loose) {
        // Questions outside any group form a section named by its first question.
        sections.push({ name: '', labels: n.labels });
        loose = sections.length - 1;
      }
      walk([n], loose, '', undefined);
    } else {
      sections.push({ name: n.name, labels: n.labels });
      const s = sections.length - 1;
      if (n.kind === 'group') walk([n], s, '', undefined);
      else repeatPages(n, s, '', undefined);
    }
  }
  return { sections, pages };
}

/** Whether a page can be shown now: one of its questions is relevant (a repeat page: its enclosing group and its first instance are). */
export function isPageRelevant(page: Page, rt: Pick<FormRuntime, 'isRelevant' | 'isNodeRelevant' | 'repeatInstanceCount'>): boolean {
  if (page.kind === 'repeat') {
    if (page.contextPath && !rt.isNodeRelevant(page.contextPath)) return false;
    const repeatPath = page.repeatPath as string;
    return rt.repeatInstanceCount(repeatPath) === 0 || rt.isNodeRelevant(`${repeatPath}[1]`);
  }
  for (const p of page.paths) if (rt.isRelevant(p)) return true;
  return false;
}

/**
 * The screen model kept current as the interview runs: pages rebuilt only when repeat instances
 * change; the relevant pages re-read after each change (a cheap walk of page paths).
 */
export interface Screens {
  model(): ScreenModel;
  relevantPages(): Page[];
  /** Position of a page (by id) among the relevant pages, -1 when not relevant. */
  indexOf(pageId: string): number;
  /** The page holding a question path (repeat instances included), or null. */
  pageOf(path: string): Page | null;
}

export function createScreens(rt: FormRuntime): Screens {
  let built = -1;
  let model: ScreenModel = { sections: [], pages: [] };
  let relVersion = -1;
  let relevant: Page[] = [];
  const current = (): ScreenModel => {
    if (built !== rt.structureVersion) {
      model = buildScreenModel(rt.form, rt);
      built = rt.structureVersion;
      relVersion = -1;
    }
    return model;
  };
  const rel = (): Page[] => {
    const m = current();
    if (relVersion !== rt.version) {
      relevant = m.pages.filter((p) => isPageRelevant(p, rt));
      relVersion = rt.version;
    }
    return relevant;
  };
  return {
    model: current,
    relevantPages: rel,
    indexOf: (id) => rel().findIndex((p) => p.id === id),
    pageOf: (path) => current().pages.find((p) => p.paths.includes(path)) ?? null,
  };
}
