/** One line of quiet status text (a part's "loading…"), announced to screen readers as it changes. */
export function StatusLine({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="text-sm text-slate-600">
      {children}
    </p>
  );
}
