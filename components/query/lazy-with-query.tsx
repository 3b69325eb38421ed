"use client";

import { type ComponentType, lazy, type ReactNode, Suspense } from "react";

/**
 * A client component that reads data through React Query, with React Query (~12 KB gzip) and the component fetched
 * after the page instead of with it. The server still renders it; its own Suspense boundary lets the rest of the page
 * hydrate first, and React hydrates this part, keeping the server's HTML meanwhile, once its code has arrived.
 * `fallback` shows only where the server did not render it (a page opened in the app before the code is here):
 * give it the part's size. lib/i18n/client-namespaces.test.ts checks that React Query is reached only this way.
 */
export function lazyWithQuery<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Loaded = lazy(async () => {
    const [{ QueryBoundary }, Component] = await Promise.all([import("@/components/query/query-boundary"), load()]);
    return {
      default: (props: P) => (
        <QueryBoundary>
          <Component {...props} />
        </QueryBoundary>
      ),
    };
  });
  // biome-ignore lint/correctness/noComponentHookFactories: called once, at the top of a module, as React.lazy is
  return function WithQuery(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
