/**
 * Reading a file through the platform's `FileSystem`, whose sizes differ between the editions (Effect 3: a branded
 * bigint; Effect 4: a `ByteSize`): the Effect 4 edition has its own version of this module
 * (`effect4/adapters/core/src/internal/files.ts`).
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"

/** A file's size in bytes and its content, streamed in chunks of 1 MiB. */
export const open = (path: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs.stat(path)
    return { size: Number(info.size), bytes: fs.stream(path, { chunkSize: FileSystem.MiB(1) }) }
  })
