export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A GeoJSON polygon for a box (counter-clockwise outer ring, closed). */
export function boxPolygon(b: Box) {
  const ring = [
    [b.west, b.south],
    [b.east, b.south],
    [b.east, b.north],
    [b.west, b.north],
    [b.west, b.south],
  ].map(([lng, lat]) => [round(lng!), round(lat!)]);
  return { type: "Polygon" as const, coordinates: [ring] };
}

export const boxCenter = (b: Box) => ({
  lat: round((b.south + b.north) / 2),
  lng: round((b.west + b.east) / 2),
});

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Splits a box into n parts: into columns when wide, rows when tall, a grid when n is large. */
export function splitBox(b: Box, n: number): Box[] {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const out: Box[] = [];
  for (let r = 0; r < rows; r++) {
    const inRow = Math.min(cols, n - r * cols);
    for (let c = 0; c < inRow; c++) {
      const south = b.south + ((b.north - b.south) * r) / rows;
      const north = b.south + ((b.north - b.south) * (r + 1)) / rows;
      out.push({
        south,
        north,
        west: b.west + ((b.east - b.west) * c) / inRow,
        east: b.west + ((b.east - b.west) * (c + 1)) / inRow,
      });
    }
  }
  return out;
}
