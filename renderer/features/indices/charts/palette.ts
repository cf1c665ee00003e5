// Colours of the index charts: the Okabe–Ito palette (Okabe & Ito 2008), told apart by the
// common forms of colour blindness and still distinct when printed in grey (dark blue vs orange
// differ in lightness). Marks also differ in shape (dot vs diamond), never in colour alone.
export const PALETTE = {
  /** A Unit, an item: the main series. */
  primary: '#0072B2',
  /** The city as reference. */
  reference: '#D55E00',
  /** Intervals, axes and grid lines. */
  ink: '#222222',
  grid: '#D9D9D9',
  muted: '#6B6B6B',
} as const;
