// Reads a `.geojson` file shipped with a form (select_one_from_file places.geojson) the way ODK
// Collect does (JavaRosa's GeoJSON external instance): a top-level FeatureCollection whose
// features each become an item with a `geometry` child in ODK's notation ("lat lon alt acc",
// points joined by "; "), one child per property, and `id` (the feature's own id wins over a
// property of that name). The result is a table, so it becomes `instance('places')/root/item`
// and a choice list exactly as a CSV does (value column `id`, label column `title`).
import type { TableAttachment } from './model';

export class GeoJsonFileError extends Error {
  constructor(
    readonly file: string,
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'GeoJsonFileError';
  }
}

/** The 1-based line of character offset `at` in `text`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A position [lon, lat, alt?] as ODK's "lat lon alt 0" (GeoJSON is longitude first). */
function odkPoint(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const [lon, lat, alt] = p as number[];
  if (Math.abs(lat as number) > 90 || Math.abs(lon as number) > 180) return null;
  return `${lat} ${lon} ${alt ?? 0} 0`;
}

function odkPoints(ps: unknown): string | null {
  if (!Array.isArray(ps) || ps.length === 0) return null;
  const out: string[] = [];
  for (const p of ps) {
    const s = odkPoint(p);
    if (s === null) return null;
    out.push(s);
  }
  return out.join('; ');
}

/** A geometry in ODK's notation: a Point, a LineString, or a Polygon's outer ring (as Collect reads them). */
function odkGeometry(g: Record<string, unknown>): string | null {
  switch (g['type']) {
    case 'Point':
      return odkPoint(g['coordinates']);
    case 'LineString':
      return odkPoints(g['coordinates']);
    case 'Polygon':
      return Array.isArray(g['coordinates']) ? odkPoints(g['coordinates'][0]) : null;
    default:
      return null;
  }
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Parses a GeoJSON FeatureCollection into a table; throws GeoJsonFileError naming the line or feature. */
export function parseGeoJsonFile(file: string, source: string, maxFeatures: number): TableAttachment {
  const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    const msg = (err as Error).message;
    const at = /position (\d+)/.exec(msg);
    const where = at ? `, dòng ${lineAt(body, Number(at[1]))}` : '';
    const whereEn = at ? `, line ${lineAt(body, Number(at[1]))}` : '';
    throw new GeoJsonFileError(file, `Tệp "${file}"${where}: không phải JSON hợp lệ (${msg}).`, `File "${file}"${whereEn}: not valid JSON (${msg}).`);
  }
  if (!isObject(doc) || doc['type'] !== 'FeatureCollection') {
    throw new GeoJsonFileError(file, `Tệp "${file}" phải là một GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": […]}).`, `The file "${file}" must be a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": […]}).`);
  }
  const features = doc['features'];
  if (!Array.isArray(features)) {
    throw new GeoJsonFileError(file, `Tệp "${file}": FeatureCollection thiếu mảng "features".`, `The file "${file}": the FeatureCollection has no "features" array.`);
  }
  if (features.length > maxFeatures) {
    throw new GeoJsonFileError(file, `Tệp "${file}" có ${features.length} đối tượng, nhiều hơn giới hạn ${maxFeatures}.`, `The file "${file}" has ${features.length} features, more than the limit of ${maxFeatures}.`);
  }
  const columns = ['geometry'];
  const index = new Map<string, number>([['geometry', 0]]);
  const col = (name: string): number => {
    let k = index.get(name);
    if (k === undefined) {
      k = columns.length;
      columns.push(name);
      index.set(name, k);
    }
    return k;
  };
  const records: Map<number, string>[] = [];
  features.forEach((f, i) => {
    const n = i + 1;
    if (!isObject(f) || f['type'] !== 'Feature') {
      throw new GeoJsonFileError(file, `Tệp "${file}": đối tượng thứ ${n} trong "features" không phải {"type": "Feature"}.`, `The file "${file}": item ${n} of "features" is not a {"type": "Feature"}.`);
    }
    const rec = new Map<number, string>();
    const g = f['geometry'];
    if (g !== null && g !== undefined) {
      const odk = isObject(g) ? odkGeometry(g) : null;
      if (odk === null) {
        const kind = isObject(g) ? text(g['type']) : text(g);
        throw new GeoJsonFileError(file,
          `Tệp "${file}": đối tượng thứ ${n} có hình "${kind}" không đọc được; chỉ đọc Point, LineString và Polygon với toạ độ [kinh độ, vĩ độ] hợp lệ.`,
          `The file "${file}": feature ${n} has a geometry "${kind}" that cannot be read; only Point, LineString and Polygon with valid [longitude, latitude] positions are read.`);
      }
      rec.set(0, odk);
    }
    const props = f['properties'];
    if (props !== null && props !== undefined && !isObject(props)) {
      throw new GeoJsonFileError(file, `Tệp "${file}": "properties" của đối tượng thứ ${n} phải là một đối tượng JSON.`, `The file "${file}": the "properties" of feature ${n} must be a JSON object.`);
    }
    for (const [k, v] of Object.entries(props ?? {})) rec.set(col(k), text(v));
    if (f['id'] !== undefined && f['id'] !== null) rec.set(col('id'), text(f['id']));
    records.push(rec);
  });
  const rows = records.map((rec) => columns.map((_, k) => rec.get(k) ?? ''));
  return { file, columns, rows };
}
