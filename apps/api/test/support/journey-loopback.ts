// Loopback receivers for the journey tests: an SMTP server (smtp-server) that records what it
// acknowledged, and an HTTP server standing in for an SMS gateway or a webhook receiver.
//
// The SMTP server can be paused: from then on it reads each message's DATA but holds its reply
// (the 250). A held message is recorded only if, when released, its connection is still open and
// the reply is actually sent: by SMTP's rules a message whose sender went away before the 250 was
// not delivered (the sender, not having seen the 250, must send it again). That is how the crash
// test makes "the worker died between the server's 250 and our commit" impossible to hit by luck.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  rcptTo: string[];
  raw: Buffer;
}

export interface LoopbackSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Messages whose DATA arrived while paused, waiting for release. */
  held: () => number;
  /** Held messages whose connection is still open. */
  heldOpen: () => number;
  pause: () => void;
  /** Answers the held messages whose connections are still open (recording them); drops the rest. */
  release: () => { delivered: number; dropped: number };
  /** Pauses by itself once this many messages have been acknowledged. */
  pauseAfter: (count: number) => void;
  close: () => Promise<void>;
}

export async function startLoopbackSmtp(): Promise<LoopbackSmtp> {
  const mails: ReceivedMail[] = [];
  const closed = new Set<string>();
  let paused = false;
  let pauseAt = Number.POSITIVE_INFINITY;
  let held: { sessionId: string; mail: ReceivedMail; reply: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const mail = { rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) };
        if (paused) {
          held.push({ sessionId: session.id, mail, reply: () => callback() });
          return;
        }
        mails.push(mail);
        callback();
        if (mails.length >= pauseAt) paused = true;
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    held: () => held.length,
    heldOpen: () => held.filter((h) => !closed.has(h.sessionId)).length,
    pause: () => {
      paused = true;
    },
    pauseAfter: (count) => {
      pauseAt = count;
      if (mails.length >= count) paused = true;
    },
    release: () => {
      paused = false;
      pauseAt = Number.POSITIVE_INFINITY;
      let delivered = 0;
      let dropped = 0;
      for (const h of held) {
        if (closed.has(h.sessionId)) {
          dropped++;
          continue;
        }
        mails.push(h.mail);
        h.reply();
        delivered++;
      }
      held = [];
      return { delivered, dropped };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ParsedMail {
  to: string;
  from: string;
  subject: string;
  messageId: string;
  text: string;
  listUnsubscribe: string | null;
  listUnsubscribePost: string | null;
}

export async function parseMail(mail: ReceivedMail): Promise<ParsedMail> {
  const m = await PostalMime.parse(mail.raw);
  const header = (name: string) => m.headers.find((h) => h.key === name)?.value ?? null;
  return {
    to: mail.rcptTo.join(","),
    from: m.from?.address ?? "",
    subject: m.subject ?? "",
    messageId: m.messageId ?? "",
    text: m.text ?? "",
    listUnsubscribe: header("list-unsubscribe"),
    listUnsubscribePost: header("list-unsubscribe-post"),
  };
}

export interface HttpRequestRecord {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LoopbackHttp {
  url: string;
  requests: HttpRequestRecord[];
  /** The status the next answers carry (default 200). */
  setStatus: (status: number) => void;
  close: () => Promise<void>;
}

export async function startLoopbackHttp(): Promise<LoopbackHttp> {
  const requests: HttpRequestRecord[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        status < 300 ? JSON.stringify({ id: `gw-${requests.length}` }) : JSON.stringify({ error: "no" }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    setStatus: (s) => {
      status = s;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `read` until `done` holds (every 50 ms, at most `ms`). */
export async function eventually<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`gave up waiting: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
