/**
 * Minimal DER encoder: just what an X.509 v3 certificate needs. Hand-built so certificates can be
 * signed synchronously (node:crypto) and deterministically (Ed25519), which WebCrypto cannot offer.
 */
const len = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};

export const tlv = (tag: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), len(body.length), body]);
export const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
export const explicit = (n: number, body: Buffer): Buffer => tlv(0xa0 + n, body);
export const octets = (b: Buffer): Buffer => tlv(0x04, b);
export const bitString = (b: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
export const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
export const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, "utf8"));
export const printable = (s: string): Buffer => tlv(0x13, Buffer.from(s, "ascii"));
export const ia5Context = (n: number, s: string): Buffer => tlv(0x80 + n, Buffer.from(s, "ascii"));

/** Non-negative INTEGER from big-endian bytes (leading zero added when the high bit is set). */
export const uint = (b: Buffer): Buffer => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const trimmed = b.subarray(i);
  return tlv(0x02, (trimmed[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
};
export const small = (n: number): Buffer => uint(Buffer.from([n]));

export const oid = (dotted: string): Buffer => {
  const parts = dotted.split(".").map(Number);
  const out: number[] = [40 * (parts[0] as number) + (parts[1] as number)];
  for (const p of parts.slice(2)) {
    const stack: number[] = [];
    let v = p;
    do { stack.unshift(v & 0x7f); v = Math.floor(v / 128); } while (v > 0);
    for (let k = 0; k < stack.length - 1; k++) stack[k] = (stack[k] as number) | 0x80;
    out.push(...stack);
  }
  return tlv(0x06, Buffer.from(out));
};

/** UTCTime before 2050, GeneralizedTime after (RFC 5280 4.1.2.5). */
export const time = (d: Date): Buffer => {
  const iso = d.toISOString().replace(/[-:T]/g, "").slice(0, 14); // YYYYMMDDHHMMSS
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
};
