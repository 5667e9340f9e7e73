/** Characters that should never pass unseen: control (C0, DEL, C1) and invisible format ones. */
export const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u

/** `U+200B` for a zero-width space. */
export function describeCodePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** Every invisible character written as its code point, so that it shows. */
export function showInvisible(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'gu'), describeCodePoint)
}
