// The console's session carries the API's user id; the console token is minted from it.
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; isPlatformAdmin: boolean } & DefaultSession["user"];
  }
  interface User {
    id: string;
    email: string;
    name: string;
    isPlatformAdmin: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    isPlatformAdmin?: boolean;
  }
}
