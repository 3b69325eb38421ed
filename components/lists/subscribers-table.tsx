import { getTranslations } from "next-intl/server";
import { RemoveSubscriberButton } from "@/components/lists/remove-subscriber-button";
import { Table, Td, Th } from "@/components/ui/table";
import { formatPhone } from "@/lib/phone-format";
import type { CalldronSubscriber } from "@/lib/providers/calldron/wire";

export async function SubscribersTable({ connectionId, listId, subscribers }: { connectionId: string; listId: string; subscribers: CalldronSubscriber[] }) {
  const t = await getTranslations("listPage");
  return (
    <Table label={t("subscribers")}>
      <thead>
        <tr>
          <Th>{t("phone")}</Th>
          <Th>{t("id")}</Th>
          <Th className="text-right">
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {subscribers.map((s) => (
          <tr key={s.id} data-testid="subscriber-row">
            <Td className="whitespace-nowrap font-medium">{formatPhone(s.phone)}</Td>
            <Td className="font-mono text-xs text-slate-500">{s.id}</Td>
            <Td className="text-right">
              <RemoveSubscriberButton connectionId={connectionId} listId={listId} subscriberId={s.id} phone={formatPhone(s.phone)} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
