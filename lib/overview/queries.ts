import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Db, db } from "@/lib/db/client";
import type { Provider } from "@/lib/db/schema";
import { PERIOD_SHAPE, type Period } from "@/lib/overview/period";

/**
 * The overview's and the comparison's figures, each one SQL aggregation over `calls` (nothing is summed in
 * JavaScript). A call's time is when it was dialed, or when it was recorded if it has not been dialed yet
 * (the column `at`, indexed by `calls_at`). Rates are shares of the completed calls: answered, busy, no answer
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
  return sql`c.at >= (select start_local from b) at time zone ${range.timeZone} and c.at < (select end_local from b) at time zone ${range.timeZone}`;
}

async function rows<T>(on: On, query: SQL): Promise<T[]> {
  return (await (on.database ?? (await db())).execute(query)).rows as T[];
}

export type TimelinePoint = {
  /** Local time of the bucket's start in the user's zone, `YYYY-MM-DDTHH:MI`. */
  bucket: string;
  calls: number;
  completed: number;
  answered: number;
};

/** Which grouping set an aggregate row belongs to: `grouping(provider, campaign_id, bucket, ivr_answer)`, a bit per column left out. */
const SET = { totals: 0b1111, provider: 0b0111, campaign: 0b1011, bucket: 0b1101, ivr: 0b1110 } as const;

type OverviewRow = FigureRow & {
  grouped: number;
  provider: Provider | null;
  campaign_id: string | null;
  bucket: string | null;
  ivr_answer: string | null;
  name: string | null;
  campaign_provider: Provider | null;
  connection_id: string | null;
  provider_ref: string | null;
};

/**
 * Everything the overview shows for one period, from one pass over the period's calls: the totals, the split by
 * provider, the busiest campaigns (calls outside a campaign left out; `limit`, 50 unless given), calls per hour
 * (today) or per day (7 and 30 days) with every bucket of the period present, and the count of each IVR answer.
 *
 * The calls are first counted per provider, campaign, bucket, IVR answer and status (a few hundred groups where
 * there were tens of thousands of calls), and those counts grouped five ways (`grouping sets`): a third of the
 * database's time of five queries over the same rows. A call's bucket is found among the buckets' first instants
 * (`width_bucket`) rather than by converting every call's time to the user's zone, which cost as much as the rest.
 * A bucket starts at the first instant its wall-clock time is shown: on a day the clocks go back, both 02:00 hours
 * are 02:00; on a day they go forward, 02:00 gets no call (`least` of the two readings of a wall-clock time).
 */
export async function loadOverview(range: PeriodRange & { limit?: number }): Promise<OverviewData> {
  const unit = PERIOD_SHAPE[range.period].bucket;
  const step = sql.raw(`interval '1 ${unit}'`);
  const zone = range.timeZone;
  const list = await rows<OverviewRow>(range, sql`with b as (${bounds(range)}),
    buckets as (
      select array_agg(least(s at time zone ${zone}, (s - interval '1 hour') at time zone ${zone} + interval '1 hour') order by s) as starts,
        array_agg(to_char(s, 'YYYY-MM-DD"T"HH24:MI') order by s) as labels
      from generate_series((select start_local from b), (select end_local from b) - ${step}, ${step}) s
    ),
    p as (
      select c.provider, c.campaign_id, width_bucket(c.at, (select starts from buckets)) as bucket, c.ivr_answer, c.status, count(*) as n,
        sum(c.duration_seconds) filter (where c.status = 'answered') as talk, count(c.duration_seconds) filter (where c.status = 'answered') as talked
      from calls c where ${inPeriod(range)} group by 1, 2, 3, 4, 5
    ),
    agg as (
      select grouping(p.provider, p.campaign_id, p.bucket, p.ivr_answer)::int as grouped, p.provider, p.campaign_id, p.bucket, p.ivr_answer,
        sum(p.n)::int as calls,
        coalesce(sum(p.n) filter (where p.status in ('answered', 'busy', 'no_answer', 'failed')), 0)::int as completed,
        coalesce(sum(p.n) filter (where p.status = 'answered'), 0)::int as answered,
        coalesce(sum(p.n) filter (where p.status = 'busy'), 0)::int as busy,
        coalesce(sum(p.n) filter (where p.status = 'no_answer'), 0)::int as no_answer,
        coalesce(sum(p.n) filter (where p.status = 'failed'), 0)::int as failed,
        (sum(p.talk)::float8 / nullif(sum(p.talked), 0)) as avg_talk
      from p group by grouping sets ((), (p.provider), (p.campaign_id), (p.bucket), (p.ivr_answer))
    )
    select agg.grouped, agg.provider, agg.campaign_id, null as bucket, agg.ivr_answer, agg.calls, agg.completed, agg.answered, agg.busy,
      agg.no_answer, agg.failed, agg.avg_talk, k.name, k.provider as campaign_provider, k.connection_id, k.provider_ref
    from agg left join campaigns k on k.id = agg.campaign_id
    where agg.grouped <> ${SET.bucket}
    union all
    select ${SET.bucket}, null, null, u.label, null, coalesce(agg.calls, 0), coalesce(agg.completed, 0), coalesce(agg.answered, 0), 0, 0, 0,
      null, null, null, null, null
    from unnest((select labels from buckets)) with ordinality u(label, i)
      left join agg on agg.grouped = ${SET.bucket} and agg.bucket = u.i
    order by grouped, provider, bucket, ivr_answer, calls desc, name, campaign_id`);
  const part = (set: number) => list.filter((r) => r.grouped === set);
  return {
    totals: figures(part(SET.totals)[0]),
    byProvider: part(SET.provider).map((r) => ({ provider: r.provider as Provider, ...figures(r) })),
    byCampaign: part(SET.campaign)
      .filter((r) => r.campaign_id !== null && r.name !== null)
      .slice(0, range.limit ?? 50)
      .map((r) => ({
        ...campaignRef({ id: r.campaign_id as string, name: r.name as string, provider: r.campaign_provider as Provider, connection_id: r.connection_id as string, provider_ref: r.provider_ref }),
        ...figures(r),
      })),
    timeline: part(SET.bucket).map((r) => ({ bucket: r.bucket as string, calls: Number(r.calls), completed: Number(r.completed), answered: Number(r.answered) })),
    ivr: part(SET.ivr)
      .filter((r) => r.ivr_answer !== null)
      .map((r) => ({ answer: r.ivr_answer as string, calls: Number(r.calls) })),
  };
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
