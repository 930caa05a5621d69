/**
 * Effect 4's form of `packages/core/src/internal/files.ts`: a file's size is a `ByteSize`.
 */
import * as ByteSize from "effect/ByteSize"
import * as Effect from "effect/Effect"
import * as FileSystem from "effect/FileSystem"

/** A file's size in bytes and its content, streamed in chunks of 1 MiB. */
export const open = (path: string) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs.stat(path)
    return { size: ByteSize.toNumberUnsafe(info.size), bytes: fs.stream(path, { chunkSize: 1024 * 1024 }) }
  })
