// The in-page half of the `ui` bench, evaluated in the page as a script (plain JS text, so no bundler
// helper leaks into it). One key press at a time is armed; a capturing keydown listener takes
// performance.now(), then polls (one MessageChannel task at a time, so React's own tasks interleave)
// until the DOM shows what the key should do — the code checked in the focused row/question, the
// digit in the focused field, or a different page of questions — then waits for the next frame
// (requestAnimationFrame, then a MessageChannel task: the frame has been handed to the compositor).
// 'empty' is the baseline: the same listener and frame wait with nothing to wait for.
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
  window.addEventListener('keydown', (e) => {
    const a = armed;
    if (!a || a.started || e.key !== a.key) return;
    a.started = true;
    const t0 = performance.now();
    let done;
    if (a.kind === 'empty') done = () => true;
    else if (a.kind === 'pick') {
      const c = document.activeElement ? document.activeElement.closest('[data-path]') : null;
      done = () => shows(c, a.key);
    } else {
      const before = pageSignature();
      done = () => { const s = pageSignature(); return s !== '' && s !== before; };
    }
    const poll = () => {
      if (done()) {
        const dom = performance.now() - t0;
        requestAnimationFrame(() => nextTask(() => { armed = null; a.resolve({ dom, paint: performance.now() - t0 }); }));
        return;
      }
      if (performance.now() - t0 > 5000) { armed = null; a.resolve({ error: 'nothing changed within 5 s', kind: a.kind, key: a.key }); return; }
      nextTask(poll);
    };
    poll();
  }, true);
  window.__uiBench = {
    arm(kind, key) {
      if (armed) throw new Error('a key is already armed');
      let resolve;
      const promise = new Promise((r) => { resolve = r; });
      armed = current = { kind, key, resolve, promise, started: false };
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
