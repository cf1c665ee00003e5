// area()/enclosed-area() and distance() over ODK geo values: a geopoint is "lat lon [alt [acc]]",
// a geotrace or geoshape is geopoints separated by ';'. As ODK Collect computes them: the Earth
// as a sphere of equatorial radius 6,378,100 m, altitude ignored; distance sums the great-circle
// legs (spherical law of cosines); area projects the points onto a local plane around the first
// point and sums the triangles of the fan (the shoelace formula).

export const EARTH_RADIUS_M = 6_378_100;
const CIRCUMFERENCE_M = 2 * Math.PI * EARTH_RADIUS_M;
const RAD = Math.PI / 180;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Points of a geopoint/geotrace/geoshape string; null when any part is not a valid point. */
export function parseGeo(text: string): LatLon[] | null {
  const out: LatLon[] = [];
  for (const part of text.split(';')) {
    const t = part.trim();
    if (t === '') continue;
    const bits = t.split(/\s+/);
    if (bits.length < 2 || bits.length > 4) return null;
    const lat = Number(bits[0]);
    const lon = Number(bits[1]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    out.push({ lat, lon });
  }
  return out;
}

export function distanceOf(points: readonly LatLon[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as LatLon;
    const b = points[i] as LatLon;
    const cos = Math.sin(a.lat * RAD) * Math.sin(b.lat * RAD) + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.cos((a.lon - b.lon) * RAD);
    // Rounding can push the cosine of a zero-length leg just above 1.
    total += Math.acos(Math.min(1, Math.max(-1, cos))) * EARTH_RADIUS_M;
  }
  return total;
}

export function areaOf(points: readonly LatLon[]): number {
  if (points.length < 3) return 0;
  const ref = points[0] as LatLon;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as LatLon;
    ys.push(((p.lat - ref.lat) * CIRCUMFERENCE_M) / 360);
    xs.push(((p.lon - ref.lon) * CIRCUMFERENCE_M * Math.cos(p.lat * RAD)) / 360);
  }
  let sum = 0;
  for (let i = 1; i < xs.length; i++) sum += ((ys[i - 1] as number) * (xs[i] as number) - (xs[i - 1] as number) * (ys[i] as number)) / 2;
  return Math.abs(sum);
}
