/** The react-query key of a base's contacts: the table reads them, the form clears them after a save. */
export function contactsQueryKey(connectionId: string, baseId: number) {
  return ["obzvonilka-contacts", connectionId, baseId] as const;
}
