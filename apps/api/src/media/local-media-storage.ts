// MediaStorage on the local filesystem: one file per key under a root directory (by default
// <repo>/.data/media, see config.ts). Writes go to a temporary file first and are renamed into
// place, so a reader never sees half a file. Keys come from ids (`<account>/<asset>`); anything
// that could leave the root is refused all the same.
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MediaStorage } from "@markettina/domain";

const KEY = /^[A-Za-z0-9-]+(\/[A-Za-z0-9-]+)*$/;

export function localMediaStorage(root: string): MediaStorage & { pathOf: (key: string) => string } {
  const base = path.resolve(root);
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not a media storage key: ${JSON.stringify(key)}`);
    return path.join(base, ...key.split("/"));
  };
  return {
    pathOf,
    async put(key, bytes) {
      const file = pathOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomUUID()}.partial`;
      try {
        await writeFile(partial, bytes, { flag: "wx" });
        await rename(partial, file);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = pathOf(key);
      const found = await stat(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      return found?.isFile() ? createReadStream(file) : null;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
