// Distinct, valid Calldog status events for the webhook receiver: call n passes through its four statuses.
const STATUSES = ["started", "processed", "answered", "finished"] as const;

/** A counter of events: each `next()` is a new event, `keysBetween` the dedupe keys of those made between two counts. */
export function calldogEvents(first = 1) {
  let counter = first;
  return {
    get count() {
      return counter;
    },
    next(): { key: string; body: string } {
      const { id, status } = eventAt(counter++);
      const t = Math.floor(Date.now() / 1000);
      const body = {
        id,
        phone: `7999${String(id % 10_000_000).padStart(7, "0")}`,
        outgoingPhone: "74951234567",
        status,
        reason: null,
        ivrAnswer: status === "finished" ? 1 : null,
        recordPath: status === "finished" ? `http://127.0.0.1:9/calldog/recordings/${id}.mp3` : null,
        duration: status === "finished" ? 17 : 0,
        transferredTo: null,
        smsSent: null,
        blacklisted: false,
        lang: "ru-RU",
        createdAt: t - 30,
        plannedAt: null,
        startedAt: t - 29,
        answeredAt: status === "answered" || status === "finished" ? t - 20 : null,
        finishedAt: status === "finished" ? t : null,
      };
      return { key: `status:${id}:${status}`, body: JSON.stringify(body) };
    },
    keysBetween(from: number, to: number): string[] {
      return Array.from({ length: to - from }, (_, i) => {
        const { id, status } = eventAt(from + i);
        return `status:${id}:${status}`;
      });
    },
  };
}

function eventAt(n: number): { id: number; status: string } {
  return { id: Math.floor(n / 4) + 1, status: STATUSES[n % 4] as string };
}
