// The messages of a language are one shared object per language (messagesFor), so a subset is the same for every
// request of that language: picked once per list of namespaces and handed out again.
const picked = new WeakMap<object, Map<string, Readonly<Record<string, unknown>>>>();

/** These namespaces of a language's messages (those it has), the same object each time they are asked for. */
export function pickNamespaces(messages: Readonly<Record<string, unknown>>, namespaces: readonly string[]): Readonly<Record<string, unknown>> {
  let subsets = picked.get(messages);
  if (!subsets) {
    subsets = new Map();
    picked.set(messages, subsets);
  }
  const key = namespaces.join(",");
  let subset = subsets.get(key);
  if (!subset) {
    subset = Object.freeze(Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]])));
    subsets.set(key, subset);
  }
  return subset;
}
