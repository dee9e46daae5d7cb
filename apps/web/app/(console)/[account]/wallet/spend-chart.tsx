"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatTokens } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { WalletSpendQuery } from "./wallet-operations";

const DAYS = 30;
const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });
const SPENT_COLOR = "var(--color-accent-600)";
const CREDITED_COLOR = "var(--color-emerald-500)";

/** A day of the API ("2026-03-14", in the account's time zone) as a short label. */
function dayLabel(day: string): string {
  return DAY_LABEL.format(new Date(`${day}T12:00:00`));
}

/**
 * Daily spent and credited tokens for 30 days. The bars are for sighted users; the summary and
 * the visually hidden table carry the same numbers for screen readers.
 */
export function SpendChart() {
  const spend = useAccountQuery(WalletSpendQuery, { days: DAYS });
  if (spend.isPending) return <LoadingState label="Loading spending…" />;
  if (spend.isError) return <ErrorState error={spend.error} onRetry={() => spend.refetch()} />;

  const days = spend.data.walletSpend.map((d) => ({ ...d, label: dayLabel(d.day) }));
  const totalSpent = days.reduce((sum, d) => sum + d.spent, 0);
  const totalCredited = days.reduce((sum, d) => sum + d.credited, 0);
  if (totalSpent === 0 && totalCredited === 0) {
    return <EmptyState title="No tokens spent or credited in the last 30 days" />;
  }
  const busiest = days.reduce((top, d) => (d.spent > top.spent ? d : top));
  const summary = `In the last ${DAYS} days ${formatTokens(totalSpent)} tokens were spent and ${formatTokens(totalCredited)} credited.${busiest.spent > 0 ? ` The busiest day was ${busiest.label} with ${formatTokens(busiest.spent)} tokens spent.` : ""}`;

  return (
    <figure aria-labelledby="spend-chart-title" aria-describedby="spend-chart-summary" className="p-4">
      <figcaption>
        <span id="spend-chart-title" className="sr-only">
          Tokens spent and credited per day, last {DAYS} days
        </span>
        <p id="spend-chart-summary" className="text-sm text-zinc-600">
          {summary}
        </p>
      </figcaption>
      {/* Keyboard users move through the days with the arrow keys (Recharts' accessibility layer). */}
      <div className="mt-4">
        <BarChart
          responsive
          style={{ width: "100%", height: 256 }}
          data={days}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          title={`Tokens spent and credited per day, last ${DAYS} days`}
          desc={summary}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-zinc-200)" />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11, fill: "var(--color-zinc-500)" }}
            interval="preserveStartEnd"
          />
          <YAxis
            tick={{ fontSize: 11, fill: "var(--color-zinc-500)" }}
            tickFormatter={(value: number) => formatTokens(value)}
            width={64}
          />
          <Tooltip formatter={(value) => formatTokens(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="spent" name="Spent" fill={SPENT_COLOR} isAnimationActive={false} />
          <Bar dataKey="credited" name="Credited" fill={CREDITED_COLOR} isAnimationActive={false} />
        </BarChart>
      </div>
      <table className="sr-only">
        <caption>Tokens per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Spent</th>
            <th scope="col">Credited</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.label}</th>
              <td>{formatTokens(d.spent)}</td>
              <td>{formatTokens(d.credited)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
