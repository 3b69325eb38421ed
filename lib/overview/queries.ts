import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Db, db } from "@/lib/db/client";
import type { Provider } from "@/lib/db/schema";
import { PERIOD_SHAPE, type Period } from "@/lib/overview/period";

/**
 * The overview's and the comparison's figures, each one SQL aggregation over `calls` (nothing is summed in
 * JavaScript). A call's time is when it was dialed, or when it was recorded if it has not been dialed yet
 * (`calls_time` indexes that expression). Rates are shares of the completed calls: answered, busy, no answer
 * or failed; calls still queued or ringing and canceled ones are counted but rate nothing.
 */
export type Figures = {
  calls: number;
  completed: number;
  answered: number;
  busy: number;
  noAnswer: number;
  failed: number;
  /** Seconds, over answered calls with a duration; null when there are none. */
  avgTalkSeconds: number | null;
};

export type Rates = { answerRate: number | null; busyRate: number | null; failedRate: number | null };

export function rates(f: Figures): Rates {
  const share = (n: number) => (f.completed > 0 ? n / f.completed : null);
  return { answerRate: share(f.answered), busyRate: share(f.busy), failedRate: share(f.failed) };
}

export type CampaignRef = { id: string; name: string; provider: Provider; connectionId: string; providerRef: string | null };

/** `database` is the app's unless given (the benchmark passes its own). */
type On = { database?: Db };

export type PeriodRange = { period: Period; timeZone: string; now?: Date } & On;

const callTime = sql.raw("coalesce(c.dialed_at, c.created_at)");

const FIGURES = sql.raw(`
  count(*)::int as calls,
  count(*) filter (where c.status in ('answered', 'busy', 'no_answer', 'failed'))::int as completed,
  count(*) filter (where c.status = 'answered')::int as answered,
  count(*) filter (where c.status = 'busy')::int as busy,
  count(*) filter (where c.status = 'no_answer')::int as no_answer,
  count(*) filter (where c.status = 'failed')::int as failed,
  (avg(c.duration_seconds) filter (where c.status = 'answered'))::float8 as avg_talk`);

type FigureRow = { calls: number; completed: number; answered: number; busy: number; no_answer: number; failed: number; avg_talk: number | null };

function figures(r: FigureRow | undefined): Figures {
  return {
    calls: Number(r?.calls ?? 0),
    completed: Number(r?.completed ?? 0),
    answered: Number(r?.answered ?? 0),
    busy: Number(r?.busy ?? 0),
    noAnswer: Number(r?.no_answer ?? 0),
    failed: Number(r?.failed ?? 0),
    avgTalkSeconds: r?.avg_talk === null || r?.avg_talk === undefined ? null : Number(r.avg_talk),
  };
}

/**
 * The period's first and last local midnight in the user's zone, as instants: `today` is [00:00, 24:00) of
 * the zone's today, 7 days the six days before it as well. Computing in local time keeps DST days right.
 */
function bounds({ period, timeZone, now }: PeriodRange): SQL {
  const at = (now ?? new Date()).toISOString();
  const back = PERIOD_SHAPE[period].daysBack;
  return sql`select
      (date_trunc('day', ${at}::timestamptz at time zone ${timeZone}) - make_interval(days => ${back}::int)) as start_local,
      (date_trunc('day', ${at}::timestamptz at time zone ${timeZone}) + interval '1 day') as end_local`;
}

function inPeriod(range: PeriodRange): SQL {
  return sql`${callTime} >= (select start_local from b) at time zone ${range.timeZone} and ${callTime} < (select end_local from b) at time zone ${range.timeZone}`;
}

async function rows<T>(on: On, query: SQL): Promise<T[]> {
  return (await (on.database ?? (await db())).execute(query)).rows as T[];
}

export async function periodTotals(range: PeriodRange): Promise<Figures> {
  const [r] = await rows<FigureRow>(range, sql`with b as (${bounds(range)}) select ${FIGURES} from calls c where ${inPeriod(range)}`);
  return figures(r);
}

export async function periodByProvider(range: PeriodRange): Promise<({ provider: Provider } & Figures)[]> {
  const list = await rows<FigureRow & { provider: Provider }>(
    range,
    sql`with b as (${bounds(range)}) select c.provider, ${FIGURES} from calls c where ${inPeriod(range)} group by c.provider order by c.provider`,
  );
  return list.map((r) => ({ provider: r.provider, ...figures(r) }));
}

/** The busiest campaigns of the period (calls outside a campaign are left out). */
export async function periodByCampaign(range: PeriodRange & { limit?: number }): Promise<(CampaignRef & Figures)[]> {
  const list = await rows<FigureRow & CampaignRow>(range, sql`with b as (${bounds(range)}),
    per as (select c.campaign_id, ${FIGURES} from calls c where c.campaign_id is not null and ${inPeriod(range)} group by c.campaign_id)
    select per.*, k.id, k.name, k.provider, k.connection_id, k.provider_ref
    from per join campaigns k on k.id = per.campaign_id
    order by per.calls desc, k.name, k.id
    limit ${range.limit ?? 50}`);
  return list.map((r) => ({ ...campaignRef(r), ...figures(r) }));
}

export type TimelinePoint = {
  /** Local time of the bucket's start in the user's zone, `YYYY-MM-DDTHH:MI`. */
  bucket: string;
  calls: number;
  completed: number;
  answered: number;
};

/** Calls per hour (today) or per day (7 and 30 days), every bucket of the period present, empty ones as zero. */
export async function periodTimeline(range: PeriodRange): Promise<TimelinePoint[]> {
  const unit = PERIOD_SHAPE[range.period].bucket;
  const step = sql.raw(`interval '1 ${unit}'`);
  const list = await rows<{ bucket: string; calls: number; completed: number; answered: number }>(range, sql`with b as (${bounds(range)}),
    series as (select generate_series((select start_local from b), (select end_local from b) - ${step}, ${step}) as bucket),
    per as (
      select date_trunc(${unit}, ${callTime} at time zone ${range.timeZone}) as bucket,
        count(*)::int as calls,
        count(*) filter (where c.status in ('answered', 'busy', 'no_answer', 'failed'))::int as completed,
        count(*) filter (where c.status = 'answered')::int as answered
      from calls c where ${inPeriod(range)} group by 1
    )
    select to_char(s.bucket, 'YYYY-MM-DD"T"HH24:MI') as bucket, coalesce(per.calls, 0)::int as calls,
      coalesce(per.completed, 0)::int as completed, coalesce(per.answered, 0)::int as answered
    from series s left join per on per.bucket = s.bucket order by s.bucket`);
  return list.map((r) => ({ bucket: r.bucket, calls: Number(r.calls), completed: Number(r.completed), answered: Number(r.answered) }));
}

/** How many calls of the period ended with each IVR answer (a digit, or a key word). */
export async function periodIvrAnswers(range: PeriodRange): Promise<{ answer: string; calls: number }[]> {
  const list = await rows<{ answer: string; calls: number }>(range, sql`with b as (${bounds(range)})
    select c.ivr_answer as answer, count(*)::int as calls from calls c
    where c.ivr_answer is not null and ${inPeriod(range)} group by c.ivr_answer order by c.ivr_answer`);
  return list.map((r) => ({ answer: r.answer, calls: Number(r.calls) }));
}

export type RunningCampaign = CampaignRef & { total: number; finished: number; answered: number; taskState: string | null };

/** Campaigns that are dialing now: with calls not final yet, or whose launch task is queued or running. */
export async function runningCampaigns({ limit = 20, ...on }: { limit?: number } & On = {}): Promise<RunningCampaign[]> {
  const list = await rows<CampaignRow & { total: number; finished: number; answered: number; task_state: string | null }>(on, sql`
    with live as (
      select k.id from campaigns k
      where exists (select 1 from calls c where c.campaign_id = k.id and not c.final)
         or exists (select 1 from tasks t where t.id = k.launch_task_id and t.state in ('queued', 'running'))
      order by k.created_at desc, k.id limit ${limit}
    )
    select k.id, k.name, k.provider, k.connection_id, k.provider_ref, t.state as task_state, f.total, f.finished, f.answered
    from live join campaigns k on k.id = live.id left join tasks t on t.id = k.launch_task_id
    cross join lateral (select count(*)::int as total, (count(*) filter (where c.final))::int as finished,
      (count(*) filter (where c.status = 'answered'))::int as answered from calls c where c.campaign_id = k.id) f
    order by k.created_at desc, k.id`);
  return list.map((r) => ({
    ...campaignRef(r),
    total: Number(r.total),
    finished: Number(r.finished),
    answered: Number(r.answered),
    taskState: r.task_state,
  }));
}

/** Whether the app knows any call or campaign at all (a fresh install shows a welcome instead of zeros). */
export async function hasResults(on: On = {}): Promise<boolean> {
  const [r] = await rows<{ any: boolean }>(on, sql`select exists(select 1 from calls) or exists(select 1 from campaigns) as any`);
  return r?.any === true;
}

export type ComparedCampaign = CampaignRef & Figures & { ivr: { answer: string; calls: number }[] };

/** Each campaign's figures over all its calls, in the order asked; unknown ids are left out. */
export async function compareCampaigns({ ids, ...on }: { ids: string[] } & On): Promise<ComparedCampaign[]> {
  if (ids.length === 0) return [];
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [list, ivr] = await Promise.all([
    rows<FigureRow & CampaignRow>(on, sql`select k.id, k.name, k.provider, k.connection_id, k.provider_ref, f.*
      from campaigns k cross join lateral (select ${FIGURES} from calls c where c.campaign_id = k.id) f
      where k.id in (${idList})`),
    rows<{ campaign_id: string; answer: string; calls: number }>(on, sql`select c.campaign_id, c.ivr_answer as answer, count(*)::int as calls
      from calls c where c.campaign_id in (${idList}) and c.ivr_answer is not null
      group by c.campaign_id, c.ivr_answer order by c.ivr_answer`),
  ]);
  const byId = new Map(list.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{ ...campaignRef(r), ...figures(r), ivr: ivr.filter((i) => i.campaign_id === id).map((i) => ({ answer: i.answer, calls: Number(i.calls) })) }];
  });
}

/** Campaigns whose name contains `query` (any case), newest first, for the comparison's picker. */
export async function searchCampaigns({ query, limit = 20, ...on }: { query: string; limit?: number } & On): Promise<CampaignRef[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const list = await rows<CampaignRow>(on, sql`select k.id, k.name, k.provider, k.connection_id, k.provider_ref from campaigns k
    where k.name ilike ${pattern} order by k.created_at desc, k.id limit ${limit}`);
  return list.map(campaignRef);
}

type CampaignRow = { id: string; name: string; provider: Provider; connection_id: string; provider_ref: string | null };

function campaignRef(r: CampaignRow): CampaignRef {
  return { id: r.id, name: r.name, provider: r.provider, connectionId: r.connection_id, providerRef: r.provider_ref };
}

export type OverviewData = {
  totals: Figures;
  byProvider: ({ provider: Provider } & Figures)[];
  byCampaign: (CampaignRef & Figures)[];
  timeline: TimelinePoint[];
  ivr: { answer: string; calls: number }[];
};

/** Everything the overview shows for one period. */
export async function loadOverview(range: PeriodRange): Promise<OverviewData> {
  const [totals, byProvider, byCampaign, timeline, ivr] = await Promise.all([
    periodTotals(range),
    periodByProvider(range),
    periodByCampaign(range),
    periodTimeline(range),
    periodIvrAnswers(range),
  ]);
  return { totals, byProvider, byCampaign, timeline, ivr };
}
