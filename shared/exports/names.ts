// Variable names valid in both SPSS and Stata (docs/exports.md, "Variable names"): the stricter
// of the two rule sets, so one name works everywhere —
// - ASCII letters, digits and `_`, starting with a letter (Vietnamese letters lose their marks:
//   `tuổi` → `tuoi`, `đ` → `d`; anything else becomes `_`);
// - at most 32 characters (Stata's limit; SPSS allows 64);
// - not a reserved word of SPSS (ALL, AND, BY, …) or Stata (_all, byte, if, in, …);
// - unique in its table ignoring case (SPSS names are case-insensitive): later ones get `_2`, `_3`…

export const MAX_NAME_LENGTH = 32;

const SPSS_RESERVED = ['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH'];
const STATA_RESERVED = [
  '_all', '_b', 'byte', '_coef', '_cons', 'double', 'float', 'if', 'in', 'int', 'long', '_n', '_N', '_pi',
  '_pred', '_rc', '_skip', 'strl', 'using', 'with',
];
const RESERVED = new Set([...SPSS_RESERVED, ...STATA_RESERVED].map((w) => w.toLowerCase()));

/** A name made valid (not yet unique): see the rules above. */
export function sanitiseName(raw: string): string {
  let s = raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/_$/, '');
  if (!/^[A-Za-z]/.test(s)) s = `v_${s}`.replace(/_+/g, '_').replace(/_$/, '');
  if (s === 'v') s = 'v_';
  s = s.slice(0, MAX_NAME_LENGTH);
  if (RESERVED.has(s.toLowerCase())) s = `${s}_v`;
  return s;
}

/** Hands out unique names within one table. */
export class NameAllocator {
  private readonly taken = new Set<string>();

  /** A valid name for `raw`, unique so far in this table (case-insensitively). */
  allocate(raw: string): string {
    const base = sanitiseName(raw);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }

  /** Reserves a name exactly as given (meta columns), failing loudly if it was taken. */
  reserve(name: string): string {
    if (this.taken.has(name.toLowerCase())) throw new Error(`variable name taken twice: ${name}`);
    this.taken.add(name.toLowerCase());
    return name;
  }
}
