// Where the media library lives.
import type { Route } from "next";

export const mediaPath = (accountSlug: string) => `/${accountSlug}/content/media` as Route;
