import { describe, expect, it } from "vitest";
import { unsubscribeLink, unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token.ts";

const secret = "test-secret-0123456789abcdef";
const target = {
  accountId: "0190f3a2-6b1c-7d2e-8f30-4a5b6c7d8e9f",
  contactId: "0190f3a2-6b1c-7d2e-8f30-4a5b6c7d8ea0",
  channel: "email" as const,
};

describe("unsubscribe tokens", () => {
  it("verifies what it signed", () => {
    expect(verifyUnsubscribeToken(secret, unsubscribeToken(secret, target))).toEqual(target);
  });

  it("builds a link on the API's public address", () => {
    const link = new URL(unsubscribeLink({ baseUrl: "https://api.example.test/", secret, ...target }));
    expect(link.origin + link.pathname).toBe("https://api.example.test/unsubscribe");
    expect(verifyUnsubscribeToken(secret, link.searchParams.get("token")!)).toEqual(target);
  });

  it("refuses a token signed with another secret, tampered or malformed", () => {
    const token = unsubscribeToken(secret, target);
    expect(verifyUnsubscribeToken("another-secret", token)).toBeNull();
    const [payload, signature] = token.split(".");
    const otherContact = Buffer.from(`${target.accountId}:${target.accountId}:email`).toString("base64url");
    expect(verifyUnsubscribeToken(secret, `${otherContact}.${signature}`)).toBeNull();
    const smsPayload = Buffer.from(`${target.accountId}:${target.contactId}:sms`).toString("base64url");
    expect(verifyUnsubscribeToken(secret, `${smsPayload}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${payload}.${signature}x`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${payload}`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, "")).toBeNull();
  });

  it("names the channel, so an SMS link cannot unsubscribe from e-mail", () => {
    const sms = unsubscribeToken(secret, { ...target, channel: "sms" });
    expect(verifyUnsubscribeToken(secret, sms)?.channel).toBe("sms");
    expect(sms).not.toBe(unsubscribeToken(secret, target));
  });
});
