// bench:load's signed-in users: sign-in through the app (Auth.js's credentials callback, as a browser's form post
// would), then a loop of page views with a think time between them, each timed to its last byte.

/** Per-route tallies: latencies in ms, answers by class, and what went wrong. */
export type RouteTally = { latencies: number[]; ok: number; errors: number; errorSamples: string[] };

export function newRouteTally(): RouteTally {
  return { latencies: [], ok: 0, errors: 0, errorSamples: [] };
}

export function tallyError(tally: RouteTally, what: string): void {
  tally.errors++;
  if (tally.errorSamples.length < 5) tally.errorSamples.push(what);
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] as string);
}

/** Signs one user in; the Cookie header of the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  await response.arrayBuffer();
  const session = cookiesOf(response).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in of ${email} gave no session cookie (${response.status} → ${response.headers.get("location")})`);
  return session;
}

/** A page a session may open: the label it is counted under and its address. */
export type Page = { route: string; path: string };

/** One GET of a page with the session's cookie, timed to the last byte; a redirect is an error (the session was lost). */
export async function view(base: string, cookie: string, page: Page, tally: RouteTally): Promise<void> {
  const started = performance.now();
  // No complete answer in 30 s is an error. The fetch is aborted, and raced too: an abort while the body is being
  // read has been seen to leave the body's promise pending for good (Node 20's fetch).
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error("no complete answer in 30 s");
      abort.abort(error);
      reject(error);
    }, 30_000);
  });
  const get = async () => {
    const response = await fetch(`${base}${page.path}`, { redirect: "manual", headers: { cookie, accept: "text/html" }, signal: abort.signal });
    await response.arrayBuffer();
    return response;
  };
  try {
    const request = get();
    request.catch(() => {}); // when the timeout has won, its later failure is already counted
    const response = await Promise.race([request, timeout]);
    tally.latencies.push(performance.now() - started);
    if (response.status === 200) tally.ok++;
    else tallyError(tally, `${response.status} ${page.path}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
  } catch (error) {
    tally.latencies.push(performance.now() - started);
    tallyError(tally, `${(error as Error).message} (${page.path})`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A user browsing until `until`: a random page, then a think time drawn evenly from [thinkMin, thinkMax] seconds.
 * The first view waits a random part of one think time, so that the sessions do not move in step.
 */
export async function browse({
  base,
  cookie,
  pages,
  tallies,
  until,
  thinkMin,
  thinkMax,
}: {
  base: string;
  cookie: string;
  pages: Page[];
  tallies: Map<string, RouteTally>;
  until: number;
  thinkMin: number;
  thinkMax: number;
}): Promise<void> {
  const think = () => (thinkMin + Math.random() * (thinkMax - thinkMin)) * 1000;
  await sleep(Math.min(Math.random() * think(), until - Date.now()));
  while (Date.now() < until) {
    const page = pages[Math.floor(Math.random() * pages.length)] as Page;
    const tally = tallies.get(page.route) ?? newRouteTally();
    tallies.set(page.route, tally);
    await view(base, cookie, page, tally);
    await sleep(Math.min(think(), until - Date.now()));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
