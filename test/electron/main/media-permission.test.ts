// The camera / microphone rule as plain predicates over the facts Electron hands its permission
// handlers: granted only for `media` device capture (audio, video), asked by the app's own page
// in its main frame while a surveyor is signed in; screen capture and everything else denied.
import { describe, expect, test } from 'vitest';
import { allowMediaCheck, allowMediaRequest, type MediaCheckFacts, type MediaRequestFacts } from '../../../electron/main/media-permission';

const request = (over: Partial<MediaRequestFacts> = {}): MediaRequestFacts => ({
  permission: 'media',
  requestingUrl: 'app://khaosat/index.html#/interview/1',
  isMainFrame: true,
  mediaTypes: ['video'],
  ...over,
});
const check = (over: Partial<MediaCheckFacts> = {}): MediaCheckFacts => ({
  permission: 'media',
  requestingOrigin: 'app://khaosat',
  requestingUrl: 'app://khaosat/index.html',
  securityOrigin: 'app://khaosat/',
  isMainFrame: true,
  mediaType: 'audio',
  ...over,
});

describe('allowMediaRequest', () => {
  test.each([[['video']], [['audio']], [['audio', 'video']]])('grants %j to the app page of a signed-in surveyor', (mediaTypes) => {
    expect(allowMediaRequest(request({ mediaTypes }), true)).toBe(true);
  });

  test('denies when no surveyor is signed in on the window', () => {
    expect(allowMediaRequest(request(), false)).toBe(false);
  });

  test.each(['display-capture', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'unknown'])('denies %s', (permission) => {
    expect(allowMediaRequest(request({ permission }), true)).toBe(false);
  });

  test('denies a media request naming no device type (not a camera or microphone capture)', () => {
    expect(allowMediaRequest(request({ mediaTypes: [] }), true)).toBe(false);
    expect(allowMediaRequest(request({ mediaTypes: undefined }), true)).toBe(false);
    expect(allowMediaRequest(request({ mediaTypes: ['video', 'screen'] }), true)).toBe(false);
  });

  test.each(['https://evil.example/', 'app://khaosat.evil/', 'app://evil/', 'file:///index.html', 'devtools://devtools/', '', null, undefined])(
    'denies a request from %s',
    (requestingUrl) => {
      expect(allowMediaRequest(request({ requestingUrl }), true)).toBe(false);
    },
  );

  test('denies a sub-frame, and a request that does not say it is the main frame', () => {
    expect(allowMediaRequest(request({ isMainFrame: false }), true)).toBe(false);
    expect(allowMediaRequest(request({ isMainFrame: undefined }), true)).toBe(false);
  });
});

describe('allowMediaCheck', () => {
  test('passes audio and video checks of the app page of a signed-in surveyor', () => {
    expect(allowMediaCheck(check({ mediaType: 'audio' }), true)).toBe(true);
    expect(allowMediaCheck(check({ mediaType: 'video' }), true)).toBe(true);
    // Electron names the requesting URL only for a document; the origins alone must then be ours.
    expect(allowMediaCheck(check({ requestingUrl: undefined }), true)).toBe(true);
  });

  test('fails without a surveyor, for an unknown media type, another permission or a sub-frame', () => {
    expect(allowMediaCheck(check(), false)).toBe(false);
    expect(allowMediaCheck(check({ mediaType: 'unknown' }), true)).toBe(false);
    expect(allowMediaCheck(check({ mediaType: undefined }), true)).toBe(false);
    expect(allowMediaCheck(check({ permission: 'display-capture' }), true)).toBe(false);
    expect(allowMediaCheck(check({ isMainFrame: false }), true)).toBe(false);
  });

  test('fails when any origin named is foreign, or none is named', () => {
    expect(allowMediaCheck(check({ requestingOrigin: 'https://evil.example' }), true)).toBe(false);
    expect(allowMediaCheck(check({ securityOrigin: 'app://khaosat.evil/' }), true)).toBe(false);
    expect(allowMediaCheck(check({ requestingUrl: 'https://evil.example/x' }), true)).toBe(false);
    expect(allowMediaCheck(check({ requestingOrigin: null, requestingUrl: null, securityOrigin: null }), true)).toBe(false);
  });
});
