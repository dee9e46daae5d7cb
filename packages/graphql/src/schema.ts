// Imports every context's types and builds the schema. builder.ts defines no types.
import { builder } from "./builder.ts";
import "./platform/scalars.ts";
import "./platform/user-errors.ts";
import "./identity/types.ts";
import "./identity/queries.ts";
import "./identity/mutations.ts";
import "./billing/wallet-types.ts";
import "./billing/wallet-queries.ts";
import "./billing/wallet-mutations.ts";
import "./billing/catalog.ts";
import "./billing/catalog-mutations.ts";
import "./billing/purchases.ts";
import "./billing/purchase-mutations.ts";
import "./platform/platform-audit-log.ts";
import "./brand/types.ts";
import "./brand/queries.ts";
import "./brand/mutations.ts";
import "./content/types.ts";
import "./content/queries.ts";
import "./content/mutations.ts";

export const schema = builder.toSchema({ sortSchema: false });
