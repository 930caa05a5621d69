// The nesting depth of a JSON text, found by one pass over its bytes with a counter: no recursion, so no input
// can overflow the stack (JSON.parse copes with deep input, but formatting or decoding the result recurses).

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d

/**
 * Whether arrays and objects in `bytes` (UTF-8) nest deeper than `max`; brackets inside strings do not count.
 * Stops at the first level past `max`. It does not validate the text: JSON.parse does that afterwards.
 */
export const nestsDeeperThan = (bytes: Uint8Array, max: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!
    if (inString) {
      if (byte === BACKSLASH) i++
      else if (byte === QUOTE) inString = false
    } else if (byte === QUOTE) {
      inString = true
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > max) return true
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--
    }
  }
  return false
}
