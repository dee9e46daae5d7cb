// The content calendar: an owner schedules a post by clicking a day, drags it to another day and
// sees its time of day kept, then publishes it at once through the demo log connector (the API's
// publisher polls every 500 ms under e2e). A viewer sees the same calendar without any control.
// The days are read from the calendar itself (in the account's zone), so the test passes whatever
// the date, the browser's zone, and the posts earlier tests left.
import { expect, test } from "@playwright/test";
import { CalendarPage } from "./pom/calendar-page.ts";
import { demoAccounts, demoUsers } from "./support/demo-users.ts";
import { signInAs } from "./support/sign-in.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-25" → "25 Nov 2026", as the post panel writes a day. */
function dayLabel(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "2026-12-01" → "2026-11-30". */
function dayBefore(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

test("an owner schedules a post by clicking a day, drags it to another day keeping its time, and publishes it now", async ({
  page,
}) => {
  const calendar = new CalendarPage(page);
  // Approved in the demo data of Blue Bottle Bakery, whose zone is America/New_York.
  const content = "Pumpkin sourdough is back";
  let firstDay = "";
  let secondDay = "";
  let postId = "";
  let yesterday = "";

  await test.step("the owner opens the calendar and finds two free days ahead", async () => {
    await signInAs(page, demoUsers.businessOwner.email);
    await calendar.open(demoAccounts.blueBottle.slug);
    const today = await calendar.today();
    yesterday = dayBefore(today);
    const freeDaysAhead = async () =>
      (await calendar.monthDays())
        .filter((day) => day.date > today && day.posts === 0)
        .map((day) => day.date);
    let free = await freeDaysAhead();
    // At the very end of a month there is no day left to plan in it: plan in the next one.
    if (free.length < 2) {
      await calendar.nextMonth();
      free = await freeDaysAhead();
    }
    expect(free.length).toBeGreaterThanOrEqual(2);
    [firstDay, secondDay] = free as [string, string];
  });

  await test.step("clicking a free day opens the dialog at 09:00 that day; scheduling puts the post there", async () => {
    await calendar.clickDay(firstDay);
    const dialog = calendar.scheduleDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Date")).toHaveValue(firstDay);
    await expect(dialog.getByLabel("Time", { exact: true })).toHaveValue("09:00");
    await expect(dialog.getByLabel("Time zone")).toHaveValue("America/New_York");
    await dialog.getByLabel("Content").selectOption({ label: content });
    await dialog.getByLabel("Channel").selectOption({ label: "Instagram" });
    await expect(dialog.getByLabel("Connector").locator("option:checked")).toHaveText(/^Demo log/);

    // The API refuses a time in the past, and the dialog says so next to the time.
    await dialog.getByLabel("Date").fill(yesterday);
    await dialog.getByRole("button", { name: "Schedule post" }).click();
    await expect(dialog.getByText("cannot be scheduled in the past")).toBeVisible();

    await dialog.getByLabel("Date").fill(firstDay);
    await dialog.getByRole("button", { name: "Schedule post" }).click();
    await expect(dialog).toBeHidden();

    postId = await calendar.onlyPostOn(firstDay);
    await expect(calendar.post(postId)).toContainText(content);
    await expect(calendar.postTime(postId)).toHaveText("09:00");
    await expect(calendar.postStatus(postId)).toHaveText("Scheduled");
  });

  await test.step("dragging the post to another day keeps its time of day", async () => {
    await calendar.dragPost(postId, secondDay);
    await expect(calendar.day(secondDay).locator(calendar.post(postId))).toBeVisible();
    await expect(calendar.day(firstDay).locator(".fc-event")).toHaveCount(0);
    await expect(calendar.postTime(postId)).toHaveText("09:00");
    await expect(calendar.moveError).toHaveCount(0);

    const panel = await calendar.openPost(postId, content);
    await expect(panel.getByTestId("post-panel-when")).toContainText(`${dayLabel(secondDay)}, 09:00`);
    await expect(panel.getByTestId("post-panel-status")).toHaveText("Scheduled");
  });

  await test.step("publishing it now sends it through the log connector: it turns Published", async () => {
    const panel = calendar.panel(content);
    await panel.getByRole("button", { name: "Publish now" }).click();
    await expect(panel.getByTestId("post-panel-status")).toHaveText("Published", { timeout: 30_000 });
    await expect(panel).toContainText("Published");
    await expect(panel.getByRole("button", { name: "Publish now" })).toHaveCount(0);
    await panel.getByRole("button", { name: "Close" }).click();
    await expect(panel).toBeHidden();

    // Published now: it sits on today, and no longer moves.
    await calendar.showToday();
    await expect(calendar.postStatus(postId)).toHaveText("Published");
    await expect(calendar.post(postId)).not.toHaveClass(/fc-event-draggable/);
  });
});

test("a viewer sees the calendar and a post's details, without any control to change them", async ({
  page,
}) => {
  const calendar = new CalendarPage(page);

  await signInAs(page, demoUsers.agencyViewer.email);
  await calendar.open(demoAccounts.acmeOutdoor.slug);
  await expect(page.getByText("Viewers can look but not change them")).toBeVisible();

  // The demo data puts Acme Outdoor posts three days before and two days after today.
  const post = page.locator(".fc-event").first();
  await expect(post).toBeVisible();
  await expect(page.locator(".fc-event-draggable")).toHaveCount(0);

  // Clicking a free day opens nothing for a viewer; clicking a post shows its details.
  const free = (await calendar.monthDays()).find((day) => day.posts === 0);
  if (!free) throw new Error("The month has no free day");
  await calendar.clickDay(free.date);
  await post.click();
  const panel = page.getByRole("dialog");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Viewers see the calendar");
  for (const action of ["Publish now", "Retry", "Cancel post"]) {
    await expect(panel.getByRole("button", { name: action })).toHaveCount(0);
  }
  await expect(calendar.scheduleDialog).toHaveCount(0);
});
