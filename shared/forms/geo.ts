// Stored values of geopoint / geotrace / geoshape, as ODK writes them: a point is
// `lat lon [altitude [accuracy]]` separated by spaces (decimal degrees, metres), points of a trace
// or shape are separated by `;`. A laptop has no GPS: the surveyor types or pastes the
// coordinates, so the widget reads looser input (`10.77, 106.70` from a map, several lines) and
// stores this one strict form, which main's answer check accepts and nothing else.

/** A message in Vietnamese and English. */
export type Bilingual = { vi: string; en: string };

export type GeoType = 'geopoint' | 'geotrace' | 'geoshape';
export const GEO_TYPES: readonly GeoType[] = ['geopoint', 'geotrace', 'geoshape'];

export interface GeoPoint {
  lat: number;
  lon: number;
  alt?: number;
  acc?: number;
}

/** Most points a trace or shape may hold (a typed answer, not a GPS recording). */
export const MAX_GEO_POINTS = 500;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export type GeoProblem = { ok: false; message: Bilingual };

function problem(vi: string, en: string): GeoProblem {
  return { ok: false, message: { vi, en } };
}

/** One point as stored: 2 to 4 numbers separated by single spaces. */
export function parseGeoPoint(text: string, which = 1): { ok: true; point: GeoPoint } | GeoProblem {
  const parts = text.trim().split(/\s+/);
  const at = which > 1 ? { vi: ` (điểm ${which})`, en: ` (point ${which})` } : { vi: '', en: '' };
  if (parts.length < 2 || parts.length > 4 || parts.some((p) => !NUMBER.test(p))) {
    return problem(
      `Toạ độ${at.vi} cần 2 đến 4 số cách nhau bởi dấu cách: vĩ độ kinh độ [độ cao [độ chính xác]], ví dụ 10.7769 106.7009 0 5.`,
      `Coordinates${at.en} need 2 to 4 numbers separated by spaces: latitude longitude [altitude [accuracy]], e.g. 10.7769 106.7009 0 5.`,
    );
  }
  const [lat, lon, alt, acc] = parts.map(Number) as [number, number, number?, number?];
  if (lat < -90 || lat > 90) return problem(`Vĩ độ${at.vi} phải từ -90 đến 90 (đang là ${parts[0]}).`, `Latitude${at.en} must be between -90 and 90 (got ${parts[0]}).`);
  if (lon < -180 || lon > 180) return problem(`Kinh độ${at.vi} phải từ -180 đến 180 (đang là ${parts[1]}).`, `Longitude${at.en} must be between -180 and 180 (got ${parts[1]}).`);
  if (acc !== undefined && acc < 0) return problem(`Độ chính xác${at.vi} (mét) không được âm.`, `Accuracy${at.en} (metres) cannot be negative.`);
  const point: GeoPoint = { lat, lon };
  if (alt !== undefined) point.alt = alt;
  if (acc !== undefined) point.acc = acc;
  return { ok: true, point };
}

function samePoint(a: GeoPoint, b: GeoPoint): boolean {
  return a.lat === b.lat && a.lon === b.lon;
}

/**
 * Checks a stored geo value for its type: geopoint one point; geotrace at least 2 points;
 * geoshape a closed ring of at least 4 points (3 corners, the first repeated last), as ODK.
 */
export function parseGeoValue(type: GeoType, value: string): { ok: true; points: GeoPoint[] } | GeoProblem {
  if (value !== value.trim() || value === '') return problem('Toạ độ không được trống hay có dấu cách thừa ở đầu/cuối.', 'Coordinates cannot be empty or start/end with spaces.');
  const texts = type === 'geopoint' ? [value] : value.split(';');
  if (texts.length > MAX_GEO_POINTS) return problem(`Tối đa ${MAX_GEO_POINTS} điểm.`, `At most ${MAX_GEO_POINTS} points.`);
  const points: GeoPoint[] = [];
  for (const [k, t] of texts.entries()) {
    const p = parseGeoPoint(t, type === 'geopoint' ? 1 : k + 1);
    if (!p.ok) return p;
    points.push(p.point);
  }
  if (type === 'geotrace' && points.length < 2) return problem('Đường đi cần ít nhất 2 điểm, cách nhau bởi dấu ;.', 'A trace needs at least 2 points separated by ;.');
  if (type === 'geoshape') {
    if (points.length < 4) return problem('Vùng cần ít nhất 3 đỉnh và điểm đầu lặp lại ở cuối (4 điểm, cách nhau bởi dấu ;).', 'A shape needs at least 3 corners and the first point repeated at the end (4 points separated by ;).');
    if (!samePoint(points[0]!, points[points.length - 1]!)) return problem('Vùng phải khép kín: điểm cuối phải trùng điểm đầu.', 'A shape must be closed: the last point must be the first one.');
  }
  return { ok: true, points };
}

/** The stored text of points: `lat lon [alt [acc]]`, joined by `;`. */
export function formatGeoPoints(points: readonly GeoPoint[]): string {
  return points
    .map((p) => [p.lat, p.lon, ...(p.alt !== undefined ? [p.alt] : []), ...(p.acc !== undefined ? [p.acc] : [])].map(String).join(' '))
    .join(';');
}

/**
 * What a surveyor typed or pasted, read leniently: points separated by `;` or new lines; within a
 * point, numbers separated by spaces or by a comma followed by a space or not (`10.77, 106.70`, as
 * map applications copy them). A shape given open is closed by repeating its first point.
 * Returns the stored value, or the problem.
 */
export function readTypedGeo(type: GeoType, typed: string): { ok: true; value: string } | GeoProblem {
  const chunks = typed
    .split(type === 'geopoint' ? /\n/ : /[;\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (chunks.length === 0) return problem('Chưa nhập toạ độ.', 'No coordinates entered.');
  const texts = chunks.map((c) => c.replace(/\s*,\s*/g, ' ').trim());
  if (type === 'geopoint' && texts.length > 1) return problem('Chỉ nhập một điểm.', 'Enter one point only.');
  const points: GeoPoint[] = [];
  for (const [k, t] of texts.entries()) {
    const p = parseGeoPoint(t, type === 'geopoint' ? 1 : k + 1);
    if (!p.ok) return p;
    points.push(p.point);
  }
  if (type === 'geoshape' && points.length >= 3 && !samePoint(points[0]!, points[points.length - 1]!)) points.push({ ...points[0]! });
  const value = formatGeoPoints(points);
  const checked = parseGeoValue(type, value);
  return checked.ok ? { ok: true, value } : checked;
}
