"use client";

// The calendar itself, on FullCalendar (MIT: core, daygrid, timegrid, interaction, luxon3). It
// renders in the zone the viewer chose (luxon does the named-zone arithmetic), turns clicks and
// drags into intentions for the page, and knows nothing about the API.
import type {
  DatesSetArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
  EventMountArg,
} from "@fullcalendar/core";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type DateClickArg } from "@fullcalendar/interaction";
import luxonPlugin from "@fullcalendar/luxon3";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { type CSSProperties, useEffect, useMemo, useRef, useState } from "react";
import { type CalendarPost, CHANNELS, isMovable, STATUS_LABELS, STATUS_PILL } from "./calendar-model";
import { droppedDay, timeOfDay, wallClockOf } from "./calendar-time";

/** A drag's outcome: to another day (month view: the time of day stays), or to an exact time. */
export type PostMove = { date: string } | { scheduledAt: string };

export type CalendarBoardProps = {
  zone: string;
  posts: readonly CalendarPost[];
  canEdit: boolean;
  /** Show whose post each event is (an agency looking at several accounts). */
  showAccount: boolean;
  onRangeChange: (range: { from: string; to: string }) => void;
  onCreateAt: (slot: { date: string; time: string }) => void;
  onOpenPost: (post: CalendarPost) => void;
  /** Resolves to false when the API refused the move: the event goes back where it was. */
  onMovePost: (post: CalendarPost, move: PostMove) => Promise<boolean>;
};

/** A new post from the month view starts at nine in the morning. */
const MONTH_VIEW_TIME = "09:00";
/** Where the week and day views open. */
const MORNING = "08:00:00";

const PLUGINS = [luxonPlugin, dayGridPlugin, timeGridPlugin, interactionPlugin];

/** FullCalendar's own colours (CSS variables) in the console's zinc and indigo. */
const THEME = {
  "--fc-border-color": "#e4e4e7",
  "--fc-page-bg-color": "#ffffff",
  "--fc-neutral-bg-color": "#fafafa",
  "--fc-today-bg-color": "#eef2ff",
  "--fc-button-text-color": "#27272a",
  "--fc-button-bg-color": "#ffffff",
  "--fc-button-border-color": "#d4d4d8",
  "--fc-button-hover-bg-color": "#f4f4f5",
  "--fc-button-hover-border-color": "#d4d4d8",
  "--fc-button-active-bg-color": "#e0e7ff",
  "--fc-button-active-border-color": "#a5b4fc",
  "--fc-now-indicator-color": "#dc2626",
} as CSSProperties;

export default function CalendarBoard({
  zone,
  posts,
  canEdit,
  showAccount,
  onRangeChange,
  onCreateAt,
  onOpenPost,
  onMovePost,
}: CalendarBoardProps) {
  const [monthView, setMonthView] = useState(true);
  const calendar = useRef<FullCalendar>(null);
  // The week and day views get their height only after the switch: scroll to the morning then.
  useEffect(() => {
    if (!monthView) calendar.current?.getApi().scrollToTime(MORNING);
  }, [monthView]);
  const events = useMemo<EventInput[]>(
    () =>
      posts.map((post) => {
        const channel = CHANNELS[post.channel];
        return {
          id: post.id,
          title: post.contentItem.title,
          start: post.scheduledAt,
          backgroundColor: channel.color,
          borderColor: channel.color,
          textColor: "#ffffff",
          // Published, failed and cancelled posts stay where they are.
          startEditable: canEdit && isMovable(post.status),
          classNames: post.status === "CANCELLED" ? ["opacity-60"] : [],
          extendedProps: { post },
        };
      }),
    [posts, canEdit],
  );

  function dateClicked(info: DateClickArg) {
    if (info.allDay) onCreateAt({ date: info.dateStr.slice(0, 10), time: MONTH_VIEW_TIME });
    else onCreateAt(wallClockOf(info.date.toISOString(), zone));
  }

  async function eventDropped(info: EventDropArg) {
    const post = info.event.extendedProps.post as CalendarPost;
    const start = info.event.start;
    if (!start) {
      info.revert();
      return;
    }
    // In the month view a drop names a day; in the week and day views it names a time.
    const move: PostMove = info.view.type.startsWith("dayGrid")
      ? { date: droppedDay(post.scheduledAt, start, zone, post.timeZone) }
      : { scheduledAt: start.toISOString() };
    const accepted = await onMovePost(post, move);
    if (!accepted) info.revert();
  }

  return (
    <div
      className="p-4 [&_.fc-button]:text-sm! [&_.fc-col-header-cell]:text-xs! [&_.fc-col-header-cell]:font-medium! [&_.fc-col-header-cell]:text-zinc-500! [&_.fc-daygrid-day-number]:text-sm! [&_.fc-timegrid-slot-label]:text-xs! [&_.fc-toolbar-title]:text-lg! [&_.fc-toolbar-title]:font-semibold!"
      style={THEME}
    >
      <FullCalendar
        ref={calendar}
        plugins={PLUGINS}
        initialView="dayGridMonth"
        timeZone={zone}
        firstDay={1}
        // The month grows with its posts; the week and day scroll within a fixed height, from 08:00.
        height={monthView ? "auto" : 760}
        headerToolbar={{
          left: "prev,next today",
          center: "title",
          right: "dayGridMonth,timeGridWeek,timeGridDay",
        }}
        buttonText={{ today: "Today", month: "Month", week: "Week", day: "Day" }}
        events={events}
        editable={canEdit}
        eventDurationEditable={false}
        eventInteractive
        eventDisplay="block"
        dayMaxEvents={4}
        allDaySlot={false}
        // A post is a moment, not a span: one minute long (so it never reaches into the next day),
        // drawn tall enough to read.
        forceEventDuration
        defaultTimedEventDuration="00:01"
        eventMinHeight={36}
        slotDuration="00:30:00"
        scrollTime={MORNING}
        nowIndicator
        eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        slotLabelFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        datesSet={(info: DatesSetArg) => {
          setMonthView(info.view.type === "dayGridMonth");
          onRangeChange({ from: info.start.toISOString(), to: info.end.toISOString() });
        }}
        dateClick={canEdit ? dateClicked : undefined}
        eventClick={(info: EventClickArg) => {
          info.jsEvent.preventDefault();
          onOpenPost(info.event.extendedProps.post as CalendarPost);
        }}
        eventDrop={eventDropped}
        eventDidMount={(info: EventMountArg) => {
          const post = info.event.extendedProps.post as CalendarPost;
          info.el.dataset.postId = post.id;
          info.el.dataset.status = post.status.toLowerCase();
        }}
        eventContent={(arg: EventContentArg) => (
          <EventChip
            post={arg.event.extendedProps.post as CalendarPost}
            zone={zone}
            showAccount={showAccount}
          />
        )}
      />
    </div>
  );
}

function EventChip({ post, zone, showAccount }: { post: CalendarPost; zone: string; showAccount: boolean }) {
  return (
    <div className="min-w-0 overflow-hidden px-0.5 py-px text-xs leading-4">
      <div className="flex items-center justify-between gap-1">
        <time dateTime={post.scheduledAt} className="font-semibold tabular-nums">
          {timeOfDay(post.scheduledAt, zone)}
        </time>
        <span
          data-testid="post-status"
          className={`shrink-0 rounded px-1 text-[10px] leading-4 font-medium ${STATUS_PILL[post.status]}`}
        >
          {STATUS_LABELS[post.status]}
        </span>
      </div>
      <div className={`truncate ${post.status === "CANCELLED" ? "line-through" : ""}`}>
        {showAccount ? `${post.account.name}: ` : ""}
        {post.contentItem.title}
      </div>
      <span className="sr-only">{CHANNELS[post.channel].label}</span>
    </div>
  );
}
