// Demo marketing automation data for Acme Outdoor: 40 contacts across time zones with tags and
// attributes (plan, city, lifetime_value), e-mail consent for most of them (a few unsubscribed,
// one bounced), and recent events — e-mails opened in the last days, purchases — so segments and
// journeys have something to work on. Deterministic (the same people every time, event times
// relative to today) and idempotent: an account that has contacts is left alone.
import { sql as dsql } from "drizzle-orm";
import { uuidv7 } from "./schema/columns.ts";
import * as schema from "./schema/index.ts";
import type { SeedTx } from "./seed.ts";

const PEOPLE = [
  ["Maya", "Lopez"],
  ["Liam", "Carter"],
  ["Sofia", "Rossi"],
  ["Noah", "Fischer"],
  ["Emma", "Dubois"],
  ["Lucas", "Silva"],
  ["Aiko", "Tanaka"],
  ["Oliver", "Byrne"],
  ["Chloe", "Martin"],
  ["Mateo", "Garcia"],
  ["Hannah", "Weber"],
  ["Ethan", "Nguyen"],
  ["Isla", "Campbell"],
  ["Leo", "Moretti"],
  ["Zoe", "Novak"],
  ["Jack", "Murphy"],
  ["Priya", "Sharma"],
  ["Felix", "Schmidt"],
  ["Grace", "Kim"],
  ["Diego", "Fernandez"],
  ["Ava", "Johnson"],
  ["Samuel", "Okafor"],
  ["Mila", "Kowalski"],
  ["Henry", "Walker"],
  ["Lea", "Bernard"],
  ["Omar", "Haddad"],
  ["Nora", "Lindqvist"],
  ["Ryan", "O'Neill"],
  ["Yuki", "Sato"],
  ["Elena", "Popescu"],
  ["Daniel", "Cohen"],
  ["Ines", "Costa"],
  ["Arjun", "Patel"],
  ["Freya", "Hansen"],
  ["Marco", "Bianchi"],
  ["Lily", "Evans"],
  ["Tomas", "Horvat"],
  ["Clara", "Vogel"],
  ["Ben", "Taylor"],
  ["Amara", "Mensah"],
] as const;

const PLACES = [
  ["Denver", "America/Denver"],
  ["Boulder", "America/Denver"],
  ["Seattle", "America/Los_Angeles"],
  ["San Francisco", "America/Los_Angeles"],
  ["Chicago", "America/Chicago"],
  ["New York", "America/New_York"],
  ["London", "Europe/London"],
  ["Munich", "Europe/Berlin"],
  ["Milan", "Europe/Rome"],
  ["Tokyo", "Asia/Tokyo"],
] as const;

const PLANS = ["free", "basic", "pro", "basic", "free"] as const;
const INTERESTS = ["hiking", "camping", "climbing", "trail-running", "kayaking"] as const;

/** The nth demo person, everything derived from n so every run seeds the same people. */
function person(n: number) {
  const [firstName, lastName] = PEOPLE[n]!;
  const [city, timeZone] = PLACES[n % PLACES.length]!;
  const plan = PLANS[n % PLANS.length]!;
  const tags: string[] = [
    INTERESTS[n % INTERESTS.length]!,
    ...(n % 3 === 0 ? [INTERESTS[(n + 2) % INTERESTS.length]!] : []),
  ];
  if (plan === "pro") tags.push("vip");
  if (n < 6) tags.push("newsletter-2024");
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, "");
  return {
    email: `${local}@example.com`,
    // Every fourth person gave a mobile number (US and European numbers in E.164).
    phone: n % 4 === 0 ? `+1720555${String(1000 + n).slice(-4)}` : null,
    firstName,
    lastName,
    timeZone,
    tags,
    attributes: {
      plan,
      city,
      lifetime_value: plan === "pro" ? 900 + n * 37 : plan === "basic" ? 150 + n * 11 : (n * 7) % 60,
      signup_year: 2021 + (n % 5),
    },
    // Most opted in to e-mail; two unsubscribed, one address bounces, three never answered.
    status:
      n === 7 || n === 23 ? ("unsubscribed" as const) : n === 31 ? ("bounced" as const) : ("active" as const),
    emailConsent: n === 7 || n === 23 ? ("denied" as const) : n % 13 === 5 ? null : ("granted" as const),
    smsConsent: n % 4 === 0 && n % 8 === 0,
  };
}

export async function seedAutomation(tx: SeedTx, ids?: { acme: string }): Promise<void> {
  const acme =
    ids?.acme ??
    (await tx.execute<{ id: string }>(dsql`select id from accounts where slug = 'acme-outdoor'`))[0]?.id;
  if (!acme) return;
  const existing = await tx.execute(dsql`select 1 from contacts where account_id = ${acme} limit 1`);
  if (existing.length > 0) return;

  const day = 86_400_000;
  const now = Date.now();
  const people = PEOPLE.map((_, n) => ({ id: uuidv7(), n, ...person(n) }));
  await tx.insert(schema.contacts).values(
    people.map((p) => ({
      id: p.id,
      accountId: acme,
      email: p.email,
      phone: p.phone,
      firstName: p.firstName,
      lastName: p.lastName,
      timeZone: p.timeZone,
      tags: p.tags,
      attributes: p.attributes,
      status: p.status,
      createdAt: new Date(now - (60 - p.n) * day),
    })),
  );

  const consents = people.flatMap((p) => [
    ...(p.emailConsent ? [{ p, channel: "email" as const, status: p.emailConsent }] : []),
    ...(p.smsConsent ? [{ p, channel: "sms" as const, status: "granted" as const }] : []),
  ]);
  const decidedAt = (n: number) => new Date(now - (55 - n) * day);
  await tx.insert(schema.consentRecords).values(
    consents.map(({ p, channel, status }) => ({
      accountId: acme,
      contactId: p.id,
      channel,
      type: "marketing" as const,
      status,
      grantedAt: decidedAt(p.n),
      revokedAt: status === "denied" ? new Date(now - 10 * day) : null,
      source: status === "denied" ? "unsubscribe_link" : "import",
    })),
  );
  await tx.insert(schema.consentHistory).values(
    consents.flatMap(({ p, channel, status }) => [
      {
        accountId: acme,
        contactId: p.id,
        channel,
        type: "marketing" as const,
        status: "granted" as const,
        source: "import",
        createdAt: decidedAt(p.n),
      },
      ...(status === "denied"
        ? [
            {
              accountId: acme,
              contactId: p.id,
              channel,
              type: "marketing" as const,
              status,
              source: "unsubscribe_link",
              createdAt: new Date(now - 10 * day),
            },
          ]
        : []),
    ]),
  );

  // Recent activity: opens over the last six days (so "opened in the last 7 days" has members),
  // a few clicks, and purchases with an order total.
  const events: (typeof schema.marketingEvents.$inferInsert)[] = [];
  for (const p of people) {
    if (p.status !== "active") continue;
    if (p.n % 2 === 0) {
      events.push({
        id: uuidv7(),
        accountId: acme,
        contactId: p.id,
        type: "email_opened",
        payload: { subject: "Autumn trail guide" },
        occurredAt: new Date(now - ((p.n % 6) + 1) * day + p.n * 60_000),
      });
    }
    if (p.n % 6 === 0) {
      events.push({
        id: uuidv7(),
        accountId: acme,
        contactId: p.id,
        type: "email_clicked",
        payload: { url: "https://example.com/trail-guide" },
        occurredAt: new Date(now - ((p.n % 6) + 1) * day + p.n * 60_000 + 300_000),
      });
    }
    if (p.n % 5 === 2) {
      events.push({
        id: uuidv7(),
        accountId: acme,
        contactId: p.id,
        type: "purchase",
        clientEventId: `demo-order-${1000 + p.n}`,
        payload: { order: `A-${1000 + p.n}`, total: 49 + p.n * 3, currency: "USD" },
        occurredAt: new Date(now - ((p.n % 20) + 2) * day),
      });
    }
  }
  await tx.insert(schema.marketingEvents).values(events);
  const keyed = events.filter((e) => e.clientEventId);
  if (keyed.length > 0) {
    await tx.insert(schema.marketingEventKeys).values(
      keyed.map((e) => ({
        accountId: acme,
        clientEventId: e.clientEventId!,
        eventId: e.id,
        occurredAt: e.occurredAt,
      })),
    );
  }
}
