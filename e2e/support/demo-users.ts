// The demo data seeded into the e2e database (packages/db seed); one password for every demo user.
export const DEMO_PASSWORD = "Markettina!2026";

export const demoUsers = {
  agencyOwner: { email: "olivia.owner@northwind.test", name: "Olivia Owner" },
  agencyAdmin: { email: "adam.admin@northwind.test" },
  agencyMember: { email: "mia.member@northwind.test" },
  agencyViewer: { email: "victor.viewer@northwind.test" },
  agencyBilling: { email: "bella.billing@northwind.test" },
  businessOwner: { email: "sam.owner@bluebottle.test" },
  platformAdmin: { email: "admin@markettina.test" },
} as const;

export const demoAccounts = {
  agency: { name: "Northwind Agency", slug: "northwind" },
  acmeOutdoor: { name: "Acme Outdoor", slug: "acme-outdoor" },
  cedarDental: { name: "Cedar Dental", slug: "cedar-dental" },
  blueBottle: { name: "Blue Bottle Bakery", slug: "blue-bottle" },
} as const;
