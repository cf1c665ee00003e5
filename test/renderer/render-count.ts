// Counts the components React rendered in each commit, through the hook React DevTools uses:
// react-dom calls `onCommitFiberRoot` after every commit when the hook exists at load, so this
// module must be imported before anything that loads react-dom. A function component rendered in
// a commit when its fiber was cloned for that render (a fiber object not in the tree of the
// previous commit of its root) and carries React's PerformedWork flag (a memo bail-out does not).
// Reads React internals; kept to tests, where a change of React would show as a failing count.

interface Fiber {
  tag: number;
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
}

interface FiberRoot {
  current: Fiber;
}

/** FunctionComponent, ForwardRef, SimpleMemoComponent (a memo() of a plain function). */
const COMPONENT_TAGS = new Set([0, 11, 15]);
const PERFORMED_WORK = 1;

const previous = new WeakMap<FiberRoot, Set<Fiber>>();
let rendered: string[] | null = null;

function nameOf(fiber: Fiber): string {
  const t = fiber.type as { displayName?: string; name?: string; render?: { name?: string } } | null;
  return t?.displayName || t?.name || t?.render?.name || '(anonymous)';
}

function onCommitFiberRoot(_renderer: number, root: FiberRoot): void {
  const before = previous.get(root);
  const now = new Set<Fiber>();
  const stack: Fiber[] = [root.current];
  while (stack.length > 0) {
    const fiber = stack.pop() as Fiber;
    now.add(fiber);
    if (rendered && COMPONENT_TAGS.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0 && !before?.has(fiber)) rendered.push(nameOf(fiber));
    if (fiber.sibling) stack.push(fiber.sibling);
    if (fiber.child) stack.push(fiber.child);
  }
  previous.set(root, now);
}

const g = globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown };
if (g.__REACT_DEVTOOLS_GLOBAL_HOOK__) throw new Error('render-count: a React DevTools hook is already installed');
g.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => undefined,
  onCommitFiberRoot,
  onCommitFiberUnmount: () => undefined,
  onPostCommitFiberRoot: () => undefined,
  onScheduleFiberRoot: () => undefined,
};

/** The names of the components rendered by the commits `act` makes, in tree order per commit. */
export function rendersDuring(act: () => void): string[] {
  rendered = [];
  try {
    act();
    return rendered;
  } finally {
    rendered = null;
  }
}
