// LaunchDarkly's React SDK exposes flags under camelCased keys (it uses lodash's camelCase):
// `new-checkout`, `new_checkout` and `NEW_CHECKOUT` all become `newCheckout`.

/**
 * The camelCase form of a flag key, as LaunchDarkly's React SDK computes it. Like lodash's word
 * split, a run of digits is a word of its own (`3d-view` → `3DView`, `test2test` → `test2Test`).
 */
export function camelCaseKey(key: string): string {
  const words = key
    .replace(/['\u2019]/g, "")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/(\d)([A-Za-z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .split(/[^A-Za-z\d]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
  return words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}
