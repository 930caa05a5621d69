/**
 * HTML escaping, shared by every page the SDK's packages render (the OAuth example server, the emulator's
 * consent page).
 *
 * @since 0.1.0
 */

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }

/**
 * Escapes text for HTML content and attribute values.
 *
 * @since 0.1.0
 * @category html
 */
export const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!)
