// The in-page half of the `ui` bench, evaluated in the page as a script (plain JS text, so no bundler
// helper leaks into it). One key press at a time is armed; a capturing keydown listener takes
// performance.now() and then watches for the DOM to show what the key should do — the code checked
// in the focused row/question, the digit in the focused field, or a different page of questions.
// It looks at every moment the page can have changed: each MutationObserver delivery, after the
// app's own keydown/keypress/input/keyup handlers (a bubbling listener on window runs after React's
// root listener and the microtasks it queued), and one MessageChannel task at a time for changes
// that come later (Enter waiting for a save). Once the change is seen it asks for the next frame
// (requestAnimationFrame, then a MessageChannel task: the frame has been handed to the compositor).
// Why not only the MessageChannel poll: Chromium runs the rendering step ahead of ordinary tasks
// after input, so a change committed inside the keydown was only noticed after the frame that
// painted it, and the probe then waited for one more frame — every key read one frame late.
// 'empty' is the baseline: the same listener and frame wait with nothing to wait for; 'control'
// makes a DOM change synchronously inside the keydown (what an ideal app does) and is detected
// exactly as the answering keys are.
export const UI_PROBE_SOURCE = String.raw`
(() => {
  if (window.__uiBench) return;
  const mc = new MessageChannel();
  const queue = [];
  mc.port1.onmessage = () => { const f = queue.shift(); if (f) f(); };
  const nextTask = (f) => { queue.push(f); mc.port2.postMessage(0); };
  const pageSignature = () => Array.from(document.querySelectorAll('.page [data-path]')).map((e) => e.getAttribute('data-path')).join('|');
  const shows = (container, key) => {
    if (!container) return false;
    const choice = container.querySelector('input[value="' + CSS.escape(key) + '"]');
    if (choice && (choice.type === 'radio' || choice.type === 'checkbox')) return choice.checked;
    const text = container.querySelector('input[type=text], textarea');
    return text ? text.value.endsWith(key) : false;
  };
  let armed = null;
  let current = null;
  let tick = 0;
  /** Called whenever the page may have changed: the first time the key's change shows, wait for the next frame. */
  const check = () => {
    const a = armed;
    if (!a || !a.started || a.seen || !a.done()) return;
    a.seen = true;
    const dom = performance.now() - a.t0;
    requestAnimationFrame(() => nextTask(() => { armed = null; a.resolve({ dom, paint: performance.now() - a.t0 }); }));
  };
  new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  const afterApp = () => { if (armed && armed.started && !armed.seen) queueMicrotask(check); };
  for (const type of ['keydown', 'keypress', 'input', 'change', 'keyup']) window.addEventListener(type, afterApp, false);
  window.addEventListener('keydown', (e) => {
    const a = armed;
    if (!a || a.started || e.key !== a.key) return;
    a.started = true;
    a.t0 = performance.now();
    if (a.kind === 'empty') a.done = () => true;
    else if (a.kind === 'control') {
      const want = String(++tick);
      document.body.setAttribute('data-bench-tick', want);
      a.done = () => document.body.getAttribute('data-bench-tick') === want;
    } else if (a.kind === 'pick') {
      const c = document.activeElement ? document.activeElement.closest('[data-path]') : null;
      a.done = () => shows(c, a.key);
    } else {
      const before = pageSignature();
      a.done = () => { const s = pageSignature(); return s !== '' && s !== before; };
    }
    const poll = () => {
      if (a.seen) return;
      check();
      if (a.seen) return;
      if (performance.now() - a.t0 > 5000) { a.seen = true; armed = null; a.resolve({ error: 'nothing changed within 5 s', kind: a.kind, key: a.key }); return; }
      nextTask(poll);
    };
    poll();
  }, true);
  window.__uiBench = {
    arm(kind, key) {
      if (armed) throw new Error('a key is already armed');
      let resolve;
      const promise = new Promise((r) => { resolve = r; });
      armed = current = { kind, key, resolve, promise, started: false, seen: false, t0: 0, done: () => false };
    },
    result() { const c = current; current = null; return c ? c.promise : Promise.resolve({ error: 'no key armed' }); },
    /** Resolves once a question or grid row has focus (a new page focuses its first field). */
    waitFocus() {
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const check = () => {
          const a = document.activeElement;
          if (a && a.closest('[data-path]')) resolve(true);
          else if (performance.now() - t0 > 20000) reject(new Error('no question got focus within 20 s'));
          else setTimeout(check, 5);
        };
        check();
      });
    },
    async call(name, body) {
      const token = sessionStorage.getItem('khaosat.previewToken') || '';
      const t0 = performance.now();
      const r = await fetch('/api/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-KhaoSat-Token': token }, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
      const json = await r.json();
      return { ms: performance.now() - t0, result: json };
    },
  };
})();
`;
