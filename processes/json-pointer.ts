/** A JSON pointer (RFC 6901) from path segments: "~" and "/" inside a segment are escaped. */
export function jsonPointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
