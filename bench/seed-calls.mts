// Seeds campaigns and calls for the benchmarks that need a realistic calls table (bench:calls, bench:load).

type Raw = { query: (text: string, values?: unknown[]) => Promise<unknown> };

/**
 * `perConnection` campaigns on each existing connection and `rows` calls spread over them and the last 12 months,
 * generated inside the database in chunks: statuses in realistic shares, answered calls with a duration and a
 * recording, a fifth with an IVR answer. Call ids are 'b<n>'.
 */
export async function seedCalls(raw: Raw, rows: number, perConnection: number): Promise<void> {
  await raw.query(
    `insert into campaigns (provider, connection_id, name, provider_ref, state)
     select c.provider, c.id, c.name || ' campaign ' || n, c.name || '-' || n, 'launched'
       from connections c, generate_series(1, ${perConnection}) n`,
  );
  const { rows: counted } = (await raw.query("select count(*)::int as n from campaigns")) as { rows: { n: number }[] };
  const campaigns = counted[0]?.n ?? 0;
  const chunk = 100_000;
  for (let start = 0; start < rows; start += chunk) {
    const end = Math.min(rows, start + chunk);
    await raw.query(
      `with k as (select array_agg(id order by name) ids, array_agg(connection_id order by name) conns, array_agg(provider::text order by name) provs from campaigns),
       g as (select g, (array['answered','answered','answered','answered','busy','no_answer','no_answer','failed','canceled','queued'])[1 + (g * 7) % 10] st,
                    now() - ((g::bigint * 7919) % 31536000) * interval '1 second' as ts from generate_series(${start + 1}, ${end}) g)
       insert into calls (provider, connection_id, campaign_id, provider_call_id, phone, status, raw_status, final, duration_seconds, dialed_at, answered_at, ended_at, ivr_answer, recording_ref, raw, created_at)
       select k.provs[1 + g % ${campaigns}]::provider, k.conns[1 + g % ${campaigns}], k.ids[1 + g % ${campaigns}], 'b' || g,
              '+7999' || lpad((g % 10000000)::text, 7, '0'), st::call_status, st, st <> 'queued',
              case when st = 'answered' then 5 + g % 295 when st = 'queued' then null else 0 end,
              case when st = 'queued' then null else ts end,
              case when st = 'answered' then ts + interval '5 seconds' end,
              case when st = 'queued' then null else ts + interval '60 seconds' end,
              case g % 5 when 0 then '1' when 1 then '-1' else null end,
              case when st = 'answered' then 'ref/' || g end,
              jsonb_build_object('id', g, 'status', st),
              ts
         from g, k`,
    );
  }
  await raw.query("analyze calls");
}

