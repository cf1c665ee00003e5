// One policy for every face: renderer/index.html's meta tag, the app:// header and the preview
// host's header differ only where they must, and none lets the offline app reach elsewhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  PREVIEW_CONTENT_SECURITY_POLICY,
} from '../../../electron/preview/csp';

const directives = (policy: string) => new Set(policy.split('; '));

describe('content security policy', () => {
  it('renderer/index.html carries the preview policy (minus frame-ancestors, which a meta tag cannot set)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(html).toMatch(/<html lang="vi">/);
  });

  it('the preview host differs from the app only by letting the page fetch its own /api', () => {
    const app = directives(APP_CONTENT_SECURITY_POLICY);
    const preview = directives(PREVIEW_CONTENT_SECURITY_POLICY);
    expect([...preview].filter((d) => !app.has(d))).toEqual(["connect-src 'self'"]);
    expect([...app].filter((d) => !preview.has(d))).toEqual(["connect-src 'none'"]);
  });

  it('allows nothing from elsewhere: no inline script, no eval, no remote hosts', () => {
    for (const policy of [PREVIEW_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    }
  });
});
