"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * The overview's and the comparison's charts. Heavy (recharts): loaded only through lazy-charts.tsx, so that
 * it stays out of the pages' first-load JavaScript. Labels and names arrive translated and formatted.
 */

export type TimelineDatum = { label: string; calls: number; answerRate: number | null };

export function TimelineChart({ data, callsName, rateName }: { data: TimelineDatum[]; callsName: string; rateName: string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} interval="preserveStartEnd" minTickGap={12} />
        <YAxis yAxisId="calls" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12, fill: "#475569" }} />
        <Tooltip formatter={(value, name) => (name === rateName && typeof value === "number" ? `${value.toFixed(1)}%` : value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="calls" dataKey="calls" name={callsName} fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Line yAxisId="rate" dataKey="answerRate" name={rateName} stroke="#059669" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function IvrChart({ data, callsName }: { data: { label: string; calls: number }[]; callsName: string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
        <Tooltip />
        <Bar dataKey="calls" name={callsName} fill="#0ea5e9" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export type RatesDatum = { label: string; answer: number | null; busy: number | null; failed: number | null };

export function RatesChart({ data, names }: { data: RatesDatum[]; names: { answer: string; busy: string; failed: string } }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12, fill: "#475569" }} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)}%` : value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="answer" name={names.answer} fill="#059669" isAnimationActive={false} />
        <Bar dataKey="busy" name={names.busy} fill="#d97706" isAnimationActive={false} />
        <Bar dataKey="failed" name={names.failed} fill="#dc2626" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
