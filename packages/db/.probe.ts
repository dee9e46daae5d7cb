import { startEmbeddedPostgres } from "./src/embedded.ts";

const s = await startEmbeddedPostgres();
console.log("started on", s.port);
