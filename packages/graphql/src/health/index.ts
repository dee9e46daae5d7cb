// Database health (platform admins): the report, its history and the operators' actions.
import "./enums.ts";
import "./types.ts";
import "./queries.ts";
import "./mutations.ts";
