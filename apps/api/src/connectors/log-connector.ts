// The demo's connector: "publishes" a post by writing one structured line to the server log. It
// stands in for a social network, so the calendar can be seen publishing without any account.
import { randomUUID } from "node:crypto";
import type { Connector } from "@markettina/domain";
import type { Logger } from "../logger.ts";

export function logConnector(logger: Logger): Connector {
  return {
    async publish(post, content, connector) {
      const externalId = `log:${randomUUID()}`;
      logger.info(
        {
          externalId,
          connector: { id: connector.id, name: connector.name },
          post: {
            id: post.id,
            accountId: post.accountId,
            channel: post.channel,
            scheduledAt: post.scheduledAt.toISOString(),
            attempt: post.attempt,
          },
          content: { id: content.id, type: content.type, title: content.title },
        },
        "post published (log connector)",
      );
      return { externalId };
    },
  };
}
