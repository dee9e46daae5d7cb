import pino from "pino";

// Structured logs; anything that could carry a secret is redacted at the source.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: ["req.headers.authorization", "*.password", "*.secret", "*.token", "password", "secret", "token"],
    censor: "[redacted]",
  },
});
export type Logger = typeof logger;
