// A little-endian byte builder for the binary headers of .sav and .dta files.
export class Bytes {
  private parts: Buffer[] = [];
  length = 0;

  push(b: Buffer): this {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  i32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    return this.push(b);
  }
  u8(v: number): this {
    return this.push(Buffer.from([v]));
  }
  u16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(v);
    return this.push(b);
  }
  u64(v: number): this {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    return this.push(b);
  }
  f64(v: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    return this.push(b);
  }
  /** ASCII/UTF-8 text, no terminator. */
  str(s: string): this {
    return this.push(Buffer.from(s, 'utf8'));
  }
  /** `s` in UTF-8 padded with `pad` bytes to exactly `size` bytes (must fit). */
  fixed(s: string, size: number, pad = 0x20): this {
    const src = Buffer.from(s, 'utf8');
    if (src.length > size) throw new Error(`field too long (${src.length} > ${size} bytes): ${s}`);
    const b = Buffer.alloc(size, pad);
    src.copy(b);
    return this.push(b);
  }
  build(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}
