// KhaoSat's paradata as ODK's form audit log (docs/exports.md, "Audit log"): the rows of one
// interview's `audit.csv` in ODK Collect's columns (event, node, start, end; latitude, longitude,
// accuracy when location is tracked; old-value, new-value with track-changes; user with
// identify-user; change-reason with track-changes-reasons), times in milliseconds since the epoch,
// nodes as `/data/…` XPath paths. Pure: the analyst store reads the events, electron writes files.
import type { AuditSettings } from '../forms/audit';
import { parsePathSegments } from '../forms/answerPath';
import { describeMediaValue } from '../forms/media';
import { walkNodes, type FormModel } from '../forms/model';

/** One paradata event as the batch carries it and the store keeps it. */
export interface AuditSourceEvent {
  at: string;
  event: string;
  path: string | null;
  detail: unknown;
}

export interface AuditLogInput {
  /** The interview's own form version. */
  form: Pick<FormModel, 'children'>;
  settings: AuditSettings;
  events: readonly AuditSourceEvent[];
  /**
   * The revision's final answers by answer path (as the export holds them): the new value of the
   * last change of a question when its event does not carry one (a batch from a laptop that did
   * not record `to` yet).
   */
  answers: Readonly<Record<string, string | number | null>>;
  /** The surveyor's code, for the `user` column. */
  user: string;
}

export type AuditCell = string | number | null;

/** ODK's root element: pyxform names the instance root `data` unless the form says otherwise. */
export const AUDIT_ROOT = '/data';

/**
 * KhaoSat's event kinds and the ODK event each becomes (the table in docs/exports.md). `left`
 * ends the open `question` row; `help` has no ODK event and is left out; unknown kinds too.
 */
export const AUDIT_EVENT_MAP = {
  created: 'form start',
  shown: 'question',
  review: 'jump',
  completed: 'form finalize',
  closed: 'form finalize',
  reopened: 'form resume',
} as const;

/** The header of an audit.csv for these settings, in ODK Collect's column order. */
export function auditColumns(settings: AuditSettings): string[] {
  return [
    'event',
    'node',
    'start',
    'end',
    ...(settings.location ? ['latitude', 'longitude', 'accuracy'] : []),
    ...(settings.trackChanges ? ['old-value', 'new-value'] : []),
    ...(settings.identifyUser ? ['user'] : []),
    ...(settings.changeReasons ? ['change-reason'] : []),
  ];
}

/** The union of several versions' settings (the merged file's header covers every version). */
export function mergeAuditSettings(all: readonly AuditSettings[]): AuditSettings {
  return {
    trackChanges: all.some((s) => s.trackChanges),
    identifyUser: all.some((s) => s.identifyUser),
    changeReasons: all.some((s) => s.changeReasons),
    location: all.some((s) => s.location),
  };
}

/** A value as ODK writes it: select lists space-separated, an attachment by name, type and size. */
export function auditValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(String).join(' ');
  if (typeof v === 'string') return describeMediaValue(v) ?? v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'OK' : '';
  return JSON.stringify(v);
}

/** Question name → its `/G/members/age` path in the form (names are unique across a form). */
function nodePaths(form: Pick<FormModel, 'children'>): Map<string, string> {
  const out = new Map<string, string>();
  walkNodes(form.children, (n) => {
    if (n.kind === 'question') out.set(n.name, n.path);
  });
  return out;
}

/** `members[2]/age` → `/data/G/members[2]/age`: groups from the form, instances from the answer path. */
export function auditNode(paths: ReadonlyMap<string, string>, answerPath: string): string {
  const segments = parsePathSegments(answerPath);
  const last = segments?.[segments.length - 1]?.name;
  const full = last === undefined ? undefined : paths.get(last);
  if (!segments || full === undefined) return `${AUDIT_ROOT}/${answerPath}`;
  const instances = new Map(segments.filter((s) => s.index !== undefined).map((s) => [s.name, s.index!]));
  const steps = full.replace(/^\//, '').split('/').map((name) => (instances.has(name) ? `${name}[${instances.get(name)}]` : name));
  return `${AUDIT_ROOT}/${steps.join('/')}`;
}

const NAVIGATION = new Set(['shown', 'left', 'review', 'help']);

/** Milliseconds since the epoch: the renderer's time for navigation (exact per event), else the main process's. */
function timeOf(e: AuditSourceEvent): number | null {
  const detail = e.detail as { clientAt?: unknown } | null;
  if (NAVIGATION.has(e.event) && typeof detail?.clientAt === 'string') {
    const client = Date.parse(detail.clientAt);
    if (Number.isFinite(client)) return client;
  }
  const at = Date.parse(e.at);
  return Number.isFinite(at) ? at : null;
}

interface AnswerChange {
  old: string;
  new: string;
}

/** Old and new value of each answered/changed event, by index; `to` when recorded, else the next event's `from` or the final answer. */
function answerChanges(events: readonly AuditSourceEvent[], answers: AuditLogInput['answers']): Map<number, AnswerChange> {
  const out = new Map<number, AnswerChange>();
  const nextOld = new Map<string, string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if ((e.event !== 'answered' && e.event !== 'changed') || e.path === null) continue;
    const detail = (e.detail ?? {}) as { from?: unknown; to?: unknown; cleared?: unknown };
    const old = e.event === 'changed' ? auditValue(detail.from) : '';
    const now = 'to' in detail ? auditValue(detail.to) : detail.cleared === true ? '' : (nextOld.get(e.path) ?? auditValue(answers[e.path]));
    out.set(i, { old, new: now });
    nextOld.set(e.path, old);
  }
  return out;
}

interface OpenRow {
  event: 'question' | 'jump';
  path: string;
  start: number | null;
  old: string;
  /** Other questions of the page changed while it was open (first old value, latest new value). */
  others: Map<string, AnswerChange>;
}

/** The rows of one interview's audit.csv, in the order ODK writes them (by start). */
export function auditLogRows(input: AuditLogInput): AuditCell[][] {
  const { settings } = input;
  const paths = nodePaths(input.form);
  const changes = answerChanges(input.events, input.answers);
  const values = new Map<string, string>();
  const rows: AuditCell[][] = [];
  const row = (event: string, node: string, start: number | null, end: number | null, change?: AnswerChange, reason?: string): void => {
    rows.push([
      event,
      node,
      start,
      end,
      ...(settings.location ? [null, null, null] : []),
      ...(settings.trackChanges ? [change?.old ?? null, change?.new ?? null] : []),
      ...(settings.identifyUser ? [input.user] : []),
      ...(settings.changeReasons ? [reason ?? null] : []),
    ]);
  };
  let open: OpenRow | null = null;
  const close = (end: number | null): void => {
    if (!open) return;
    const o = open;
    open = null;
    if (o.event === 'jump') return row('jump', auditNode(paths, o.path), o.start, end);
    row('question', auditNode(paths, o.path), o.start, end, { old: o.old, new: values.get(o.path) ?? '' });
    if (settings.trackChanges) for (const [path, c] of o.others) row('question', auditNode(paths, path), o.start, end, c);
  };

  input.events.forEach((e, i) => {
    const t = timeOf(e);
    switch (e.event) {
      case 'created':
        close(t);
        return row(AUDIT_EVENT_MAP.created, '', t, null);
      case 'shown':
        close(t);
        if (e.path !== null) open = { event: 'question', path: e.path, start: t, old: values.get(e.path) ?? '', others: new Map() };
        return;
      case 'left':
        if (open?.event === 'question' && open.path === e.path) close(t);
        return;
      case 'review':
        close(t);
        if (e.path !== null) open = { event: 'jump', path: e.path, start: t, old: '', others: new Map() };
        return;
      case 'answered':
      case 'changed': {
        const c = changes.get(i);
        if (!c || e.path === null) return;
        values.set(e.path, c.new);
        const current = open as OpenRow | null;
        if (current?.event === 'question' && current.path === e.path) return;
        if (current?.event === 'question') {
          const before = current.others.get(e.path);
          current.others.set(e.path, { old: before?.old ?? c.old, new: c.new });
          return;
        }
        // Saved with no question open (the start screen's consent, an edit from the review page).
        if (settings.trackChanges) row('question', auditNode(paths, e.path), t, t, c);
        return;
      }
      case 'completed':
      case 'closed':
        close(t);
        return row(AUDIT_EVENT_MAP[e.event], '', t, null);
      case 'reopened': {
        close(t);
        row(AUDIT_EVENT_MAP.reopened, '', t, null);
        const reason = (e.detail as { reason?: unknown } | null)?.reason;
        if (settings.changeReasons && typeof reason === 'string' && reason !== '') row('change reason', '', t, null, undefined, reason);
        return;
      }
      default:
        // `help` and kinds this version does not know: ODK has no event for them.
        return;
    }
  });
  close(null);
  return rows;
}
