// The shell's security policy as data: the CSP, what counts as the app's own URL, permissions.
import { describe, expect, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  PERMISSION_ALLOW_LIST,
  SECURITY_HEADERS,
} from '../../../electron/main/security';

test('the CSP allows only the app itself and forbids connections, objects, forms and framing', () => {
  expect(CONTENT_SECURITY_POLICY).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      "media-src 'self' data: blob: mediastream:; connect-src 'none'; " +
      "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  expect(SECURITY_HEADERS).toEqual({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
});

describe('isAppUrl / isTrustedSender', () => {
  test.each(['app://khaosat/', 'app://khaosat/index.html', 'app://khaosat/index.html#/interview/1', 'app://khaosat'])(
    '%s is ours',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
      expect(isTrustedSender(url)).toBe(true);
    },
  );

  test.each([
    'https://evil.example/',
    'http://khaosat/',
    'file:///index.html',
    'app://khaosat.evil/',
    'app://evil/',
    'app://khaosat:8080/',
    'app://user:pw@khaosat/',
    'app://user@khaosat/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'null',
    '',
    'not a url',
  ])('%s is foreign', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isTrustedSender(url)).toBe(false);
  });

  test('a missing url is foreign', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

test('no permission is granted on the origin alone, not even to the app itself (media has its own rule)', () => {
  expect(PERMISSION_ALLOW_LIST).toEqual([]);
  expect(Object.isFrozen(PERMISSION_ALLOW_LIST)).toBe(true);
  for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
    expect(isPermissionAllowed(p, 'app://khaosat/index.html')).toBe(false);
  }
});
